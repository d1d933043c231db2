-- H2 measures VARCHAR(n) in UTF-16 units, PostgreSQL in characters; extracts.md's text(n) counts
-- characters, so a name with rare CJK Extension B characters (two UTF-16 units each) must still
-- fit in H2. Text columns of extracts are doubled here; validation keeps the contract's limits.
ALTER TABLE employer ALTER COLUMN employer_name VARCHAR(400);
ALTER TABLE stg_employer ALTER COLUMN employer_name VARCHAR(400);
ALTER TABLE claim ALTER COLUMN claim_id VARCHAR(80);
ALTER TABLE stg_claim ALTER COLUMN claim_id VARCHAR(80);
ALTER TABLE claim ALTER COLUMN person_name VARCHAR(100);
ALTER TABLE stg_claim ALTER COLUMN person_name VARCHAR(100);
ALTER TABLE claim ALTER COLUMN reject_reason VARCHAR(1000);
ALTER TABLE stg_claim ALTER COLUMN reject_reason VARCHAR(1000);
ALTER TABLE subsidy ALTER COLUMN application_id VARCHAR(80);
ALTER TABLE stg_subsidy ALTER COLUMN application_id VARCHAR(80);
ALTER TABLE subsidy ALTER COLUMN certificate_no VARCHAR(80);
ALTER TABLE stg_subsidy ALTER COLUMN certificate_no VARCHAR(80);
ALTER TABLE subsidy ALTER COLUMN issuing_org_id VARCHAR(80);
ALTER TABLE stg_subsidy ALTER COLUMN issuing_org_id VARCHAR(80);
ALTER TABLE certificate ALTER COLUMN certificate_no VARCHAR(80);
ALTER TABLE stg_certificate ALTER COLUMN certificate_no VARCHAR(80);
ALTER TABLE certificate ALTER COLUMN issuing_org_id VARCHAR(80);
ALTER TABLE stg_certificate ALTER COLUMN issuing_org_id VARCHAR(80);
ALTER TABLE case_flag ALTER COLUMN item_id VARCHAR(80);
ALTER TABLE flag_first ALTER COLUMN item_id VARCHAR(80);
