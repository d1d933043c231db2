-- Keys of the file being staged that the staging's Bloom filter may have seen before (as text,
-- up to three key columns): the duplicate search only looks at staged rows with those keys
-- (ExtractStager), one hash join instead of sorting every staged row. Scratch space.
CREATE UNLOGGED TABLE stg_key_candidate (
    k1 VARCHAR(60) COLLATE "C" NOT NULL,
    k2 VARCHAR(60) COLLATE "C",
    k3 VARCHAR(60) COLLATE "C"
);
ALTER TABLE stg_key_candidate SET (autovacuum_enabled = false);
