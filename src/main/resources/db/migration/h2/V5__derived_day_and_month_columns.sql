-- Derived day and month numbers of every date the rules compare: days since 1970-01-01 and
-- months as year * 12 + month - 1, computed by the database on every upsert. Rules then do
-- plain integer arithmetic ("D - 365 days", "m - 11") that H2 and PostgreSQL share;
-- only these definitions differ by dialect.
ALTER TABLE claim ADD COLUMN app_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', application_date));
ALTER TABLE claim ADD COLUMN app_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM application_date) * 12 + EXTRACT(MONTH FROM application_date) - 1 AS INT));
ALTER TABLE claim ADD COLUMN sep_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', separation_date));
ALTER TABLE claim ADD COLUMN sep_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM separation_date) * 12 + EXTRACT(MONTH FROM separation_date) - 1 AS INT));
ALTER TABLE claim ADD COLUMN decision_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', decision_date));
ALTER TABLE claim ADD COLUMN decision_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM decision_date) * 12 + EXTRACT(MONTH FROM decision_date) - 1 AS INT));
ALTER TABLE claim ADD COLUMN bstart_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', benefit_start));
ALTER TABLE claim ADD COLUMN bstart_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM benefit_start) * 12 + EXTRACT(MONTH FROM benefit_start) - 1 AS INT));
ALTER TABLE claim ADD COLUMN bend_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', benefit_end));
ALTER TABLE claim ADD COLUMN bend_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM benefit_end) * 12 + EXTRACT(MONTH FROM benefit_end) - 1 AS INT));
ALTER TABLE subsidy ADD COLUMN app_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', application_date));
ALTER TABLE subsidy ADD COLUMN app_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM application_date) * 12 + EXTRACT(MONTH FROM application_date) - 1 AS INT));
ALTER TABLE subsidy ADD COLUMN issue_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', issue_date));
ALTER TABLE subsidy ADD COLUMN paid_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', paid_date));
ALTER TABLE subsidy ADD COLUMN paid_month INT GENERATED ALWAYS AS (CAST(EXTRACT(YEAR FROM paid_date) * 12 + EXTRACT(MONTH FROM paid_date) - 1 AS INT));
ALTER TABLE certificate ADD COLUMN issue_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', issue_date));
ALTER TABLE registration ADD COLUMN reg_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', registered_on));
ALTER TABLE registration ADD COLUMN end_day INT GENERATED ALWAYS AS (DATEDIFF(DAY, DATE '1970-01-01', ended_on));
CREATE INDEX claim_app_day ON claim (app_day);
CREATE INDEX claim_employer_month ON claim (last_employer_id, app_month);
CREATE INDEX subsidy_app_day ON subsidy (app_day);
CREATE INDEX certificate_org_day ON certificate (issuing_org_id, issue_day);
