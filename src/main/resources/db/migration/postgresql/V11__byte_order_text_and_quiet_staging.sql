-- (Runs after every table so far exists; a later migration adding text columns on PostgreSQL
-- declares them COLLATE "C" itself.)
-- Identifiers and codes compare byte by byte (COLLATE "C"), whatever the database's default
-- collation. Sorting and indexing them then skips the locale's strcoll and can use abbreviated
-- keys: building the contribution keys at province scale is several times faster, and every
-- ORDER BY already asked for code-point order (H2 compares that way by default).
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND c.data_type IN ('character', 'character varying', 'text')
          AND c.table_name NOT LIKE 'batch\_%' AND c.table_name NOT LIKE 'flyway%'
          AND c.is_generated = 'NEVER'
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE %s COLLATE "C"', col.table_name, col.column_name,
            CASE col.data_type
                WHEN 'character' THEN format('CHAR(%s)', col.character_maximum_length)
                WHEN 'character varying' THEN
                    CASE WHEN col.character_maximum_length IS NULL THEN 'VARCHAR'
                         ELSE format('VARCHAR(%s)', col.character_maximum_length) END
                ELSE 'TEXT' END);
    END LOOP;
END $$;

-- Staging is emptied by every merge: autovacuum passes over tens of millions of staged rows
-- would only compete with the night's own work.
ALTER TABLE stg_employer     SET (autovacuum_enabled = false);
ALTER TABLE stg_contribution SET (autovacuum_enabled = false);
ALTER TABLE stg_claim        SET (autovacuum_enabled = false);
ALTER TABLE stg_subsidy      SET (autovacuum_enabled = false);
ALTER TABLE stg_certificate  SET (autovacuum_enabled = false);
ALTER TABLE stg_registration SET (autovacuum_enabled = false);
ALTER TABLE stg_medical      SET (autovacuum_enabled = false);
