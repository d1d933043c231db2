-- Hand-written baseline: the tables a provincial IT shop would create for the seven extracts.
-- One plain table per CSV file, columns as in the file (docs: /work/shared/spec/extracts.md),
-- no keys, no constraints, no validation: rows go in as \copy reads them. Periods stay text
-- 'yyyy-MM' as delivered (they sort and compare correctly as text). Everything lives in the
-- schema "baseline", so it can sit next to FundGuard's own tables in one database.
DROP SCHEMA IF EXISTS baseline CASCADE;
CREATE SCHEMA baseline;
SET search_path = baseline;

CREATE TABLE employers (
    employer_id     varchar(18),
    employer_name   varchar(200),
    region_code     varchar(6),
    enrolled_on     date
);

CREATE TABLE contributions (
    person_id       varchar(18),
    employer_id     varchar(18),
    period          varchar(7),      -- 'yyyy-MM'
    region_code     varchar(6),
    wage_base       numeric(14, 2),
    amount          numeric(14, 2)
);

CREATE TABLE claims (
    claim_id              varchar(40),
    person_id             varchar(18),
    person_name           varchar(50),
    region_code           varchar(6),
    last_employer_id      varchar(18),
    separation_date       date,
    separation_reason     varchar(20),
    application_date      date,
    status                varchar(10),
    decision_date         date,
    reject_reason         varchar(500),
    benefit_start         date,
    benefit_end           date,
    monthly_benefit       numeric(14, 2),
    retirement_category   varchar(3),
    phone                 varchar(30),
    bank_account          varchar(30),
    registered_unemployed varchar(1)
);

CREATE TABLE subsidies (
    application_id      varchar(40),
    person_id           varchar(18),
    applicant_type      varchar(10),
    employer_id         varchar(18),
    region_code         varchar(6),
    job_occupation_code varchar(20),
    certificate_no      varchar(40),
    certificate_type    varchar(15),
    occupation_code     varchar(20),
    level               smallint,
    issue_date          date,
    issuing_org_id      varchar(40),
    amount              numeric(14, 2),
    application_date    date,
    status              varchar(10),
    paid_date           date
);

CREATE TABLE certificates (
    certificate_no      varchar(40),
    person_id           varchar(18),
    certificate_type    varchar(15),
    occupation_code     varchar(20),
    level               smallint,
    issue_date          date,
    issuing_org_id      varchar(40),
    issuing_region_code varchar(6),
    status              varchar(10)
);

CREATE TABLE registrations (
    person_id       varchar(18),
    region_code     varchar(6),
    registered_on   date,
    ended_on        date
);

CREATE TABLE medical (
    person_id       varchar(18),
    period          varchar(7),      -- 'yyyy-MM'
    payer           varchar(10),
    amount          numeric(14, 2),
    region_code     varchar(6)
);
