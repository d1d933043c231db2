-- Derived day and month numbers of every date the rules compare: days since 1970-01-01 and
-- months as year * 12 + month - 1, computed by the database on every upsert. Rules then do
-- plain integer arithmetic ("D - 365 days", "m - 11") that H2 and PostgreSQL share;
-- only these definitions differ by dialect.
ALTER TABLE claim ADD COLUMN app_day INT GENERATED ALWAYS AS ((application_date - DATE '1970-01-01')) STORED;
ALTER TABLE claim ADD COLUMN app_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM application_date) * 12 + EXTRACT(MONTH FROM application_date) - 1 AS INT)) STORED;
ALTER TABLE claim ADD COLUMN sep_day INT GENERATED ALWAYS AS ((separation_date - DATE '1970-01-01')) STORED;
ALTER TABLE claim ADD COLUMN sep_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM separation_date) * 12 + EXTRACT(MONTH FROM separation_date) - 1 AS INT)) STORED;
ALTER TABLE claim ADD COLUMN decision_day INT GENERATED ALWAYS AS ((decision_date - DATE '1970-01-01')) STORED;
ALTER TABLE claim ADD COLUMN decision_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM decision_date) * 12 + EXTRACT(MONTH FROM decision_date) - 1 AS INT)) STORED;
ALTER TABLE claim ADD COLUMN bstart_day INT GENERATED ALWAYS AS ((benefit_start - DATE '1970-01-01')) STORED;
ALTER TABLE claim ADD COLUMN bstart_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM benefit_start) * 12 + EXTRACT(MONTH FROM benefit_start) - 1 AS INT)) STORED;
ALTER TABLE claim ADD COLUMN bend_day INT GENERATED ALWAYS AS ((benefit_end - DATE '1970-01-01')) STORED;
ALTER TABLE claim ADD COLUMN bend_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM benefit_end) * 12 + EXTRACT(MONTH FROM benefit_end) - 1 AS INT)) STORED;
ALTER TABLE subsidy ADD COLUMN app_day INT GENERATED ALWAYS AS ((application_date - DATE '1970-01-01')) STORED;
ALTER TABLE subsidy ADD COLUMN app_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM application_date) * 12 + EXTRACT(MONTH FROM application_date) - 1 AS INT)) STORED;
ALTER TABLE subsidy ADD COLUMN issue_day INT GENERATED ALWAYS AS ((issue_date - DATE '1970-01-01')) STORED;
ALTER TABLE subsidy ADD COLUMN paid_day INT GENERATED ALWAYS AS ((paid_date - DATE '1970-01-01')) STORED;
ALTER TABLE subsidy ADD COLUMN paid_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM paid_date) * 12 + EXTRACT(MONTH FROM paid_date) - 1 AS INT)) STORED;
ALTER TABLE certificate ADD COLUMN issue_day INT GENERATED ALWAYS AS ((issue_date - DATE '1970-01-01')) STORED;
ALTER TABLE registration ADD COLUMN reg_day INT GENERATED ALWAYS AS ((registered_on - DATE '1970-01-01')) STORED;
ALTER TABLE registration ADD COLUMN end_day INT GENERATED ALWAYS AS ((ended_on - DATE '1970-01-01')) STORED;
CREATE INDEX claim_app_day ON claim (app_day);
CREATE INDEX claim_employer_month ON claim (last_employer_id, app_month);
CREATE INDEX subsidy_app_day ON subsidy (app_day);
CREATE INDEX certificate_org_day ON certificate (issuing_org_id, issue_day);
