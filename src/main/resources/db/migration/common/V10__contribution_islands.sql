-- Runs of consecutive contribution months ("islands"), kept beside the contributions by every
-- load (ContributionIslands) so that the claim rules read about one row per person and employer
-- instead of two dozen monthly rows: at 1 M insured persons, 1.3 M islands instead of 21 M
-- contributions. On a delta night only the persons of the night's contributions are recomputed.
--
-- employment_island: with one employer; next_first_p is the start of the person's next island
-- with that employer (NULL for the latest), so a window's headcount counts each person once.
-- insured_island: with any employer (months with several employers count once).
CREATE TABLE employment_island (
    person_id    CHAR(18) NOT NULL,
    employer_id  CHAR(18) NOT NULL,
    first_p      INT      NOT NULL,
    last_p       INT      NOT NULL,
    next_first_p INT,
    PRIMARY KEY (person_id, employer_id, first_p)
);
CREATE INDEX employment_island_employer ON employment_island (employer_id, first_p);

-- employer_month: the months in which an employer paid for anyone (LN-01's insured months,
-- the employer's first insured month). With it and the islands no rule reads contributions by
-- employer, so the contribution table needs only its key: one index less to build and maintain.
CREATE TABLE employer_month (
    employer_id  CHAR(18) NOT NULL,
    period_month INT      NOT NULL,
    PRIMARY KEY (employer_id, period_month)
);
DROP INDEX contribution_employer;

CREATE TABLE insured_island (
    person_id CHAR(18) NOT NULL,
    first_p   INT      NOT NULL,
    last_p    INT      NOT NULL,
    PRIMARY KEY (person_id, first_p)
);

-- databases that already hold contributions get their islands now
INSERT INTO employment_island (person_id, employer_id, first_p, last_p, next_first_p)
SELECT person_id, employer_id, first_p, last_p,
       LEAD(first_p) OVER (PARTITION BY person_id, employer_id ORDER BY first_p)
  FROM (SELECT person_id, employer_id, MIN(period_month) AS first_p, MAX(period_month) AS last_p
          FROM (SELECT person_id, employer_id, period_month,
                       period_month - ROW_NUMBER() OVER (PARTITION BY person_id, employer_id ORDER BY period_month) AS g
                  FROM contribution) k
         GROUP BY person_id, employer_id, g) i;

INSERT INTO insured_island (person_id, first_p, last_p)
SELECT person_id, MIN(period_month), MAX(period_month)
  FROM (SELECT person_id, period_month, period_month - ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY period_month) AS g
          FROM (SELECT DISTINCT person_id, period_month FROM contribution) p) k
 GROUP BY person_id, g;

INSERT INTO employer_month (employer_id, period_month) SELECT DISTINCT employer_id, period_month FROM contribution;
