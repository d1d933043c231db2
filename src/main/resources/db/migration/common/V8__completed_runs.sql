-- One row per successfully completed run: SVC-04 sends notices for decisions made since the
-- latest successful run with an earlier as-of date.
CREATE TABLE completed_run (
    as_of        DATE      NOT NULL,
    rerun        INT       NOT NULL,
    completed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (as_of, rerun)
);
