-- Scratch space for a delta night's contribution islands (ContributionIslands), beside
-- island_work (V13): each pair (person, employer) and each person of the night's contributions,
-- with how the night's months meet their islands so far (kind: 0 inside an island, 1 extends the
-- end of one, 2 stands alone, 3 anything else), so that most islands are updated in place (one
-- new month usually extends one island) and only the rest merged. Filled and emptied again in
-- the same transaction. Ordinary tables on H2 (PostgreSQL: unlogged, like staging).
CREATE TABLE island_pair (
    person_id    CHAR(18) NOT NULL,
    employer_id  CHAR(18) NOT NULL,
    period_month INT      NOT NULL,
    kind         INT      NOT NULL,
    prev_first   INT,
    next_first   INT
);

CREATE TABLE island_person (
    person_id    CHAR(18) NOT NULL,
    period_month INT      NOT NULL,
    kind         INT      NOT NULL,
    prev_first   INT
);
