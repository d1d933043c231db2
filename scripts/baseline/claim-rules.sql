-- Hand-written baseline, step 2: the eleven claim rules LN-01..LN-04 and NAT-01..NAT-07 of
-- /work/shared/spec/rules.md as plain SQL over the tables of load.sql, with their default
-- parameters written in. Each rule materialises the ids of the claims it flags into a table
-- flag_<rule> (claim_id). No alerts, no evidence texts, no output files.
--   psql -v asof=2026-11-25 -f claim-rules.sql
-- Prints "baseline rule-<code> <seconds> s, <n> flagged" per rule.
--
-- Definitions used throughout (rules.md, "Notation"), with D = the as-of date:
--   live claim      status <> 'WITHDRAWN'
--   dated up to D   application_date <= D (later claims are ignored by every rule)
--   in scope        application_date BETWEEN D - 365 AND D (only these are flagged)
--   periods         contributions.period is text 'yyyy-MM'; periods after month(D) are ignored
\set ON_ERROR_STOP on
\timing on
SET search_path = baseline;
\if :{?asof}
\else
DO $$ BEGIN RAISE EXCEPTION 'claim-rules.sql needs the as-of date: psql -v asof=yyyy-MM-dd'; END $$;
\endif

SELECT DATE :'asof' AS d,
       DATE :'asof' - 365 AS scope_start,
       to_char(DATE :'asof', 'YYYY-MM') AS dmonth \gset
\echo claim rules as of :d, in scope from :scope_start, contribution periods up to :dmonth

-- a month number for month arithmetic on 'yyyy-MM' periods (2026-11 -> 2026 * 12 + 11)
CREATE OR REPLACE FUNCTION month_no(period text) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN substr(period, 1, 4)::int * 12 + substr(period, 6, 2)::int;

SELECT extract(epoch FROM clock_timestamp()) AS t_rules \gset

-------------------------------------------------------------------------------------------------
-- LN-01 EMPLOYER_YOUNG_MASS_CLAIMS: the employer had fewer than 6 distinct insured months up to
-- the claim's application month, and has at least 50 distinct claimants (live claims dated up
-- to D). "Fewer than 6 months up to m" = the employer's 6th insured month is after m (or none).
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_ln01;
CREATE TABLE flag_ln01 AS
WITH mass AS (
    SELECT last_employer_id
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date <= :'d'
     GROUP BY last_employer_id
    HAVING count(DISTINCT person_id) >= 50
), sixth AS (
    SELECT m.last_employer_id,
           (SELECT p.period
              FROM (SELECT DISTINCT k.period
                      FROM contributions k
                     WHERE k.employer_id = m.last_employer_id AND k.period <= :'dmonth'
                     ORDER BY k.period
                     LIMIT 6) p
             ORDER BY p.period
            OFFSET 5 LIMIT 1) AS sixth_period
      FROM mass m
)
SELECT c.claim_id
  FROM claims c
  JOIN sixth s ON s.last_employer_id = c.last_employer_id
 WHERE c.status <> 'WITHDRAWN'
   AND c.application_date BETWEEN :'scope_start' AND :'d'
   AND (s.sixth_period IS NULL OR s.sixth_period > to_char(c.application_date, 'YYYY-MM'));
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_ln01 \gset
\echo baseline rule-LN-01 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- LN-02 EMPLOYER_MONTHLY_CLAIMS: at least 10 distinct claimants of the employer applied in the
-- claim's application month.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_ln02;
CREATE TABLE flag_ln02 AS
WITH busy AS (
    SELECT last_employer_id, date_trunc('month', application_date) AS month
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date <= :'d'
     GROUP BY 1, 2
    HAVING count(DISTINCT person_id) >= 10
)
SELECT c.claim_id
  FROM claims c
  JOIN busy b ON b.last_employer_id = c.last_employer_id
             AND b.month = date_trunc('month', c.application_date)
 WHERE c.status <> 'WITHDRAWN'
   AND c.application_date BETWEEN :'scope_start' AND :'d';
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_ln02 \gset
\echo baseline rule-LN-02 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- LN-03 EMPLOYER_MAJORITY_CLAIMS: for the claim's employer and application month m, over the
-- 12 months m-11..m: headcount = distinct persons with a contribution of the employer,
-- n = distinct claimants of live claims of the employer applied in those months;
-- flagged when headcount >= 1 and n > headcount * 0.5.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_ln03;
CREATE TABLE flag_ln03 AS
WITH em AS (
    SELECT DISTINCT last_employer_id, date_trunc('month', application_date)::date AS month
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date BETWEEN :'scope_start' AND :'d'
), ratio AS (
    SELECT em.last_employer_id, em.month,
           (SELECT count(DISTINCT k.person_id)
              FROM contributions k
             WHERE k.employer_id = em.last_employer_id
               AND k.period BETWEEN to_char(em.month - interval '11 months', 'YYYY-MM')
                                AND to_char(em.month, 'YYYY-MM')) AS headcount,
           (SELECT count(DISTINCT c2.person_id)
              FROM claims c2
             WHERE c2.last_employer_id = em.last_employer_id
               AND c2.status <> 'WITHDRAWN'
               AND c2.application_date >= em.month - interval '11 months'
               AND c2.application_date < em.month + interval '1 month'
               AND c2.application_date <= :'d') AS n
      FROM em
)
SELECT c.claim_id
  FROM claims c
  JOIN ratio r ON r.last_employer_id = c.last_employer_id
              AND r.month = date_trunc('month', c.application_date)::date
 WHERE c.status <> 'WITHDRAWN'
   AND c.application_date BETWEEN :'scope_start' AND :'d'
   AND r.headcount >= 1
   AND r.n > r.headcount * 0.5;
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_ln03 \gset
\echo baseline rule-LN-03 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- LN-04 SHORT_TENURE_LAST_EMPLOYER: fewer than 6 consecutive contribution months with the last
-- employer, counted back from L = the latest such month up to the separation month (0 when
-- there is none). Consecutive months counted back from L are those where
-- month_no + (row number, latest first) stays equal to that of L.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_ln04;
CREATE TABLE flag_ln04 AS
WITH cl AS (
    SELECT claim_id, person_id, last_employer_id, to_char(separation_date, 'YYYY-MM') AS sep_month
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date BETWEEN :'scope_start' AND :'d'
), months AS (
    SELECT cl.claim_id,
           month_no(k.period) + row_number() OVER (PARTITION BY cl.claim_id ORDER BY k.period DESC) AS run_key
      FROM cl
      JOIN contributions k ON k.person_id = cl.person_id
                          AND k.employer_id = cl.last_employer_id
                          AND k.period <= cl.sep_month
), streak AS (
    SELECT claim_id, count(*) AS months
      FROM (SELECT claim_id, run_key, first_value(run_key) OVER (PARTITION BY claim_id ORDER BY run_key DESC) AS last_run
              FROM months) m
     WHERE run_key = last_run
     GROUP BY claim_id
)
SELECT cl.claim_id
  FROM cl
  LEFT JOIN streak s ON s.claim_id = cl.claim_id
 WHERE coalesce(s.months, 0) < 6;
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_ln04 \gset
\echo baseline rule-LN-04 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- NAT-01 EMPLOYER_MASS_SEPARATION: for each live claim x of an employer the 30-day span
-- [x.separation_date - 29, x.separation_date]; a span holding the separation dates of live claims
-- of at least 10 distinct persons of the employer flags every in-scope claim in it.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_nat01;
CREATE TABLE flag_nat01 AS
WITH lc AS (
    SELECT claim_id, person_id, last_employer_id, separation_date, application_date
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date <= :'d'
), spans AS (
    SELECT x.last_employer_id, x.separation_date AS span_end
      FROM (SELECT DISTINCT last_employer_id, separation_date FROM lc) x
      JOIN lc y ON y.last_employer_id = x.last_employer_id
               AND y.separation_date BETWEEN x.separation_date - 29 AND x.separation_date
     GROUP BY x.last_employer_id, x.separation_date
    HAVING count(DISTINCT y.person_id) >= 10
)
SELECT DISTINCT y.claim_id
  FROM spans s
  JOIN lc y ON y.last_employer_id = s.last_employer_id
           AND y.separation_date BETWEEN s.span_end - 29 AND s.span_end
 WHERE y.application_date >= :'scope_start';
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_nat01 \gset
\echo baseline rule-NAT-01 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- NAT-02 EMPLOYER_HIGH_CLAIM_RATIO: as LN-03, but n counts only claimants who received benefits
-- (APPROVED, PAYING, SUSPENDED, ENDED); share 0.3, headcount at least 10.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_nat02;
CREATE TABLE flag_nat02 AS
WITH em AS (
    SELECT DISTINCT last_employer_id, date_trunc('month', application_date)::date AS month
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date BETWEEN :'scope_start' AND :'d'
), ratio AS (
    SELECT em.last_employer_id, em.month,
           (SELECT count(DISTINCT k.person_id)
              FROM contributions k
             WHERE k.employer_id = em.last_employer_id
               AND k.period BETWEEN to_char(em.month - interval '11 months', 'YYYY-MM')
                                AND to_char(em.month, 'YYYY-MM')) AS headcount,
           (SELECT count(DISTINCT c2.person_id)
              FROM claims c2
             WHERE c2.last_employer_id = em.last_employer_id
               AND c2.status IN ('APPROVED', 'PAYING', 'SUSPENDED', 'ENDED')
               AND c2.application_date >= em.month - interval '11 months'
               AND c2.application_date < em.month + interval '1 month'
               AND c2.application_date <= :'d') AS n
      FROM em
)
SELECT c.claim_id
  FROM claims c
  JOIN ratio r ON r.last_employer_id = c.last_employer_id
              AND r.month = date_trunc('month', c.application_date)::date
 WHERE c.status <> 'WITHDRAWN'
   AND c.application_date BETWEEN :'scope_start' AND :'d'
   AND r.headcount >= 10
   AND r.n > r.headcount * 0.3;
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_nat02 \gset
\echo baseline rule-NAT-02 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- NAT-03 SHORT_CONTRIBUTION: as LN-04, over the months with a contribution with any employer;
-- fewer than 3 consecutive months.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_nat03;
CREATE TABLE flag_nat03 AS
WITH cl AS (
    SELECT claim_id, person_id, to_char(separation_date, 'YYYY-MM') AS sep_month
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date BETWEEN :'scope_start' AND :'d'
), paid AS (
    SELECT DISTINCT cl.claim_id, k.period
      FROM cl
      JOIN contributions k ON k.person_id = cl.person_id AND k.period <= cl.sep_month
), months AS (
    SELECT claim_id,
           month_no(period) + row_number() OVER (PARTITION BY claim_id ORDER BY period DESC) AS run_key
      FROM paid
), streak AS (
    SELECT claim_id, count(*) AS months
      FROM (SELECT claim_id, run_key, first_value(run_key) OVER (PARTITION BY claim_id ORDER BY run_key DESC) AS last_run
              FROM months) m
     WHERE run_key = last_run
     GROUP BY claim_id
)
SELECT cl.claim_id
  FROM cl
  LEFT JOIN streak s ON s.claim_id = cl.claim_id
 WHERE coalesce(s.months, 0) < 3;
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_nat03 \gset
\echo baseline rule-NAT-03 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- NAT-04 CROSS_PROVINCE_DUPLICATE / NAT-05 DUPLICATE_CLAIM: two live, non-rejected claims of one
-- person whose coverages share a day, in different (NAT-04) or the same (NAT-05) province.
-- Coverage: [benefit_start, benefit_end]; [benefit_start, benefit_start] without an end;
-- [application_date, application_date] without a start.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS claim_coverage;
CREATE TEMP TABLE claim_coverage AS
SELECT claim_id, person_id, region_code, application_date,
       coalesce(benefit_start, application_date) AS cover_from,
       CASE WHEN benefit_start IS NULL THEN application_date
            ELSE coalesce(benefit_end, benefit_start) END AS cover_to
  FROM claims
 WHERE status NOT IN ('WITHDRAWN', 'REJECTED')
   AND application_date <= :'d'
   AND person_id IN (SELECT person_id FROM claims
                      WHERE status NOT IN ('WITHDRAWN', 'REJECTED') AND application_date <= :'d'
                      GROUP BY person_id HAVING count(*) > 1);

DROP TABLE IF EXISTS flag_nat04;
CREATE TABLE flag_nat04 AS
SELECT DISTINCT a.claim_id
  FROM claim_coverage a
  JOIN claim_coverage b ON b.person_id = a.person_id
                       AND b.claim_id <> a.claim_id
                       AND a.cover_from <= b.cover_to AND b.cover_from <= a.cover_to
 WHERE a.application_date >= :'scope_start'
   AND left(a.region_code, 2) <> left(b.region_code, 2);
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_nat04 \gset
\echo baseline rule-NAT-04 :s flagged=:n

SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_nat05;
CREATE TABLE flag_nat05 AS
SELECT DISTINCT a.claim_id
  FROM claim_coverage a
  JOIN claim_coverage b ON b.person_id = a.person_id
                       AND b.claim_id <> a.claim_id
                       AND a.cover_from <= b.cover_to AND b.cover_from <= a.cover_to
 WHERE a.application_date >= :'scope_start'
   AND left(a.region_code, 2) = left(b.region_code, 2);
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_nat05 \gset
\echo baseline rule-NAT-05 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- NAT-06 SHARED_CONTACT: among in-scope live claims, a phone (or, separately, a bank account)
-- used by at least 3 distinct persons flags every such claim carrying it. Phones are compared
-- as their last 11 digits (so "+86 139-4000-1234" is 13940001234), accounts without spaces.
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_nat06;
CREATE TABLE flag_nat06 AS
WITH sc AS (
    SELECT claim_id, person_id,
           nullif(right(regexp_replace(phone, '[^0-9]', '', 'g'), 11), '') AS phone,
           nullif(regexp_replace(bank_account, '\s', '', 'g'), '') AS bank_account
      FROM claims
     WHERE status <> 'WITHDRAWN' AND application_date BETWEEN :'scope_start' AND :'d'
), shared_phone AS (
    SELECT phone FROM sc WHERE phone IS NOT NULL GROUP BY phone HAVING count(DISTINCT person_id) >= 3
), shared_account AS (
    SELECT bank_account FROM sc WHERE bank_account IS NOT NULL GROUP BY bank_account HAVING count(DISTINCT person_id) >= 3
)
SELECT claim_id FROM sc WHERE phone IN (SELECT phone FROM shared_phone)
UNION
SELECT claim_id FROM sc WHERE bank_account IN (SELECT bank_account FROM shared_account);
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_nat06 \gset
\echo baseline rule-NAT-06 :s flagged=:n

-------------------------------------------------------------------------------------------------
-- NAT-07 CONTRIBUTING_WHILE_CLAIMING: an in-scope claim that paid benefits (APPROVED, PAYING,
-- SUSPENDED, ENDED, benefit_start set) whose person has a contribution with any employer in a
-- benefit month: month(benefit_start) + 1 .. month(min(benefit_end, D)).
-------------------------------------------------------------------------------------------------
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
DROP TABLE IF EXISTS flag_nat07;
CREATE TABLE flag_nat07 AS
SELECT c.claim_id
  FROM claims c
 WHERE c.status IN ('APPROVED', 'PAYING', 'SUSPENDED', 'ENDED')
   AND c.benefit_start IS NOT NULL
   AND c.application_date BETWEEN :'scope_start' AND :'d'
   AND EXISTS (SELECT 1
                 FROM contributions k
                WHERE k.person_id = c.person_id
                  AND k.period > to_char(c.benefit_start, 'YYYY-MM')
                  AND k.period <= to_char(least(coalesce(c.benefit_end, DATE :'d'), DATE :'d'), 'YYYY-MM'));
SELECT count(*) AS n, round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 2) AS s FROM flag_nat07 \gset
\echo baseline rule-NAT-07 :s flagged=:n

SELECT round((extract(epoch FROM clock_timestamp()) - :t_rules)::numeric, 1) AS s \gset
\echo baseline rules-sql :s
