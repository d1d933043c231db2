-- Staging is scratch space rebuilt by every load: no write-ahead log needed.
ALTER TABLE stg_employer     SET UNLOGGED;
ALTER TABLE stg_contribution SET UNLOGGED;
ALTER TABLE stg_claim        SET UNLOGGED;
ALTER TABLE stg_subsidy      SET UNLOGGED;
ALTER TABLE stg_certificate  SET UNLOGGED;
ALTER TABLE stg_registration SET UNLOGGED;
ALTER TABLE stg_medical      SET UNLOGGED;
