-- Scratch space for a delta night's contribution islands (ContributionIslands), beside
-- island_work (V13): each pair (person, employer) and each person of the night's contributions,
-- with how the night's months meet their islands so far (kind: 0 inside an island, 1 extends the
-- end of one, 2 stands alone, 3 anything else), so that most islands are updated in place (one
-- new month usually extends one island) and only the rest merged. Filled and emptied again in
-- the same transaction. Unlogged and without autovacuum, like the staging tables (V3, V11).
CREATE UNLOGGED TABLE island_pair (
    person_id    CHAR(18) COLLATE "C" NOT NULL,
    employer_id  CHAR(18) COLLATE "C" NOT NULL,
    period_month INT      NOT NULL,
    kind         INT      NOT NULL,
    prev_first   INT,
    next_first   INT
);
ALTER TABLE island_pair SET (autovacuum_enabled = false);

CREATE UNLOGGED TABLE island_person (
    person_id    CHAR(18) COLLATE "C" NOT NULL,
    period_month INT      NOT NULL,
    kind         INT      NOT NULL,
    prev_first   INT
);
ALTER TABLE island_person SET (autovacuum_enabled = false);

-- A delta night extends most islands in place (a new month usually follows the end of one):
-- with room left on the pages, such an update stays on its page and leaves the keys and indexes
-- alone (a HOT update) instead of inserting into each index. Applies to the pages written from
-- now on (the next first load copies the islands in anew).
ALTER TABLE employment_island SET (fillfactor = 80);
ALTER TABLE insured_island SET (fillfactor = 80);
