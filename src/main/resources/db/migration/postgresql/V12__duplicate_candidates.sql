-- Lines of the file being staged whose key the staging's Bloom filter may have seen before:
-- the duplicate search only looks at rows with those keys (ExtractStager). Scratch space.
CREATE UNLOGGED TABLE stg_key_candidate (line_no BIGINT NOT NULL);
ALTER TABLE stg_key_candidate SET (autovacuum_enabled = false);
