-- The identifiers of V14 compare byte by byte like every other identifier (V11), and its work
-- tables, rebuilt every night, need no write-ahead log.
ALTER TABLE change_log     ALTER COLUMN person_id   TYPE CHAR(18) COLLATE "C";
ALTER TABLE change_log     ALTER COLUMN employer_id TYPE CHAR(18) COLLATE "C";
ALTER TABLE focus_person   ALTER COLUMN person_id   TYPE CHAR(18) COLLATE "C";
ALTER TABLE focus_employer ALTER COLUMN employer_id TYPE CHAR(18) COLLATE "C";
ALTER TABLE share_headcount ALTER COLUMN employer_id TYPE CHAR(18) COLLATE "C";
ALTER TABLE focus_person   SET UNLOGGED;
ALTER TABLE focus_employer SET UNLOGGED;
ALTER TABLE share_headcount SET UNLOGGED;
