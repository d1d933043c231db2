-- Incremental screening (issue #8). A rule that can (IncrementalRule) re-screens only the
-- claims whose inputs changed since the basis, the latest night screened with the same rule
-- parameters, and carries the basis night's other flags and alerts over unchanged.
--
-- screening_basis: per rule, the as-of date of the basis and the parameters it ran with.
CREATE TABLE screening_basis (
    rule       VARCHAR(10)   NOT NULL PRIMARY KEY,
    as_of      DATE          NOT NULL,
    parameters VARCHAR(2000) NOT NULL
);

-- change_log: what the merges changed since the basis (ChangeLog): persons, and employers
-- with the months [first_m, last_m] their rows touched. Only written while a basis exists;
-- emptied when a screening becomes the new basis.
CREATE TABLE change_log (
    person_id   CHAR(18),
    employer_id CHAR(18),
    first_m     INT,
    last_m      INT
);

-- The night's focus, derived from change_log and from D's move: persons, and employer months.
-- focus_person.first_m: the person's claims whose months reach first_m (separation month, last
-- benefit month) are re-screened; earlier months did not change.
CREATE TABLE focus_person (
    person_id CHAR(18) NOT NULL PRIMARY KEY,
    first_m   INT      NOT NULL
);
CREATE TABLE focus_employer (
    employer_id CHAR(18) NOT NULL,
    first_m     INT      NOT NULL,
    last_m      INT      NOT NULL
);
CREATE INDEX focus_employer_id ON focus_employer (employer_id, first_m);

-- share_headcount: LN-03's and NAT-02's headcount per employer and application month, computed
-- once per screening and window and read by both rules (ClaimShareRule).
CREATE TABLE share_headcount (
    window_months INT      NOT NULL,
    employer_id   CHAR(18) NOT NULL,
    m             INT      NOT NULL,
    h             INT      NOT NULL,
    PRIMARY KEY (window_months, employer_id, m)
);
