-- Scratch space for a delta night's contribution islands (ContributionIslands): the new
-- employment islands of the pairs (person, employer) in the night's contributions, merged from
-- those pairs' islands so far and the night's months, are held here while the old ones are
-- replaced, and emptied again in the same transaction. (V10 says a delta night recomputes the
-- persons of the night's contributions; since this table it merges islands instead of reading
-- their contribution rows: employment islands of the night's pairs, insured islands of the
-- night's persons from their employment islands.)
-- An ordinary table on H2 (PostgreSQL: unlogged, like staging).
CREATE TABLE island_work (
    person_id   CHAR(18) NOT NULL,
    employer_id CHAR(18) NOT NULL,
    first_p     INT      NOT NULL,
    last_p      INT      NOT NULL
);
