-- Hand-written baseline, step 1: bulk-load the seven extract files into the plain tables of
-- schema.sql with \copy, then build the indexes the claim rules need, then VACUUM (ANALYZE).
--   psql -v datadir=/path/to/extracts -f load.sql
-- (without -v datadir, the files are read from psql's working directory). Prints
-- "baseline load-copy|load-index|load-vacuum-analyze <seconds>" lines.
\set ON_ERROR_STOP on
\timing on
SET search_path = baseline;
\if :{?datadir}
\cd :datadir
\endif

SELECT extract(epoch FROM clock_timestamp()) AS t_start \gset

\copy employers (employer_id, employer_name, region_code, enrolled_on) FROM 'employers.csv' WITH (FORMAT csv, HEADER true)
\copy contributions (person_id, employer_id, period, region_code, wage_base, amount) FROM 'contributions.csv' WITH (FORMAT csv, HEADER true)
\copy claims (claim_id, person_id, person_name, region_code, last_employer_id, separation_date, separation_reason, application_date, status, decision_date, reject_reason, benefit_start, benefit_end, monthly_benefit, retirement_category, phone, bank_account, registered_unemployed) FROM 'claims.csv' WITH (FORMAT csv, HEADER true)
\copy subsidies (application_id, person_id, applicant_type, employer_id, region_code, job_occupation_code, certificate_no, certificate_type, occupation_code, level, issue_date, issuing_org_id, amount, application_date, status, paid_date) FROM 'subsidies.csv' WITH (FORMAT csv, HEADER true)
\copy certificates (certificate_no, person_id, certificate_type, occupation_code, level, issue_date, issuing_org_id, issuing_region_code, status) FROM 'certificates.csv' WITH (FORMAT csv, HEADER true)
\copy registrations (person_id, region_code, registered_on, ended_on) FROM 'registrations.csv' WITH (FORMAT csv, HEADER true)
\copy medical (person_id, period, payer, amount, region_code) FROM 'medical.csv' WITH (FORMAT csv, HEADER true)

SELECT extract(epoch FROM clock_timestamp()) AS t_copied \gset

-- Indexes for the claim rules.
-- contributions by person (LN-04 with the last employer, NAT-03 and NAT-07 with any employer)
CREATE INDEX contributions_person ON contributions (person_id, employer_id, period);
-- contributions by employer and month (LN-01 insured months, LN-03/NAT-02 headcounts)
CREATE INDEX contributions_employer ON contributions (employer_id, period, person_id);
CREATE INDEX claims_person ON claims (person_id);
CREATE INDEX claims_employer ON claims (last_employer_id, application_date);
CREATE INDEX claims_application ON claims (application_date);

SELECT extract(epoch FROM clock_timestamp()) AS t_indexed \gset

-- Planner statistics, and the visibility map that index-only scans need after a bulk load.
VACUUM (ANALYZE) employers, contributions, claims, subsidies, certificates, registrations, medical;

SELECT round((:t_copied - :t_start)::numeric, 1) AS s_copy,
       round((:t_indexed - :t_copied)::numeric, 1) AS s_index,
       round((extract(epoch FROM clock_timestamp()) - :t_indexed)::numeric, 1) AS s_vacuum \gset
-- row counts as VACUUM counted them (a count(*) would cost another pass)
SELECT (SELECT reltuples::bigint FROM pg_class WHERE oid = 'contributions'::regclass) AS n_contributions,
       (SELECT reltuples::bigint FROM pg_class WHERE oid = 'claims'::regclass) AS n_claims \gset
\echo baseline load-copy :s_copy rows~contributions=:n_contributions rows~claims=:n_claims
\echo baseline load-index :s_index
\echo baseline load-vacuum-analyze :s_vacuum
