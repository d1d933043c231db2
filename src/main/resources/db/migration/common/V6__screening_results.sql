-- Screening results. case_flag keeps, per as-of date, which rule flagged which case (a claim or
-- a subsidy application) with its
-- evidence: a rerun of a date replaces that date's rows; other dates stay (the trend report
-- counts "flagged by any run up to D"). flag_first and alert_first remember the first as-of date
-- a case was flagged or an alert raised, so first_flagged_on / is_new survive across nights.

CREATE TABLE case_flag (
    as_of     DATE           NOT NULL,
    item_type VARCHAR(8)     NOT NULL, -- CLAIM or SUBSIDY
    item_id   VARCHAR(40)    NOT NULL,
    rule      VARCHAR(10)    NOT NULL,
    severity  VARCHAR(6)     NOT NULL,
    evidence  VARCHAR(10000) NOT NULL,
    PRIMARY KEY (as_of, item_type, item_id, rule)
);
CREATE INDEX case_flag_item ON case_flag (item_type, item_id);

CREATE TABLE flag_first (
    item_type        VARCHAR(8)  NOT NULL, -- CLAIM or SUBSIDY
    item_id          VARCHAR(40) NOT NULL,
    first_flagged_on DATE        NOT NULL,
    PRIMARY KEY (item_type, item_id)
);

CREATE TABLE alert (
    as_of         DATE         NOT NULL,
    alert_id      CHAR(16)     NOT NULL,
    rule          VARCHAR(10)  NOT NULL,
    severity      VARCHAR(6)   NOT NULL,
    entity_type   VARCHAR(10)  NOT NULL,
    entity_id     VARCHAR(100) NOT NULL,
    entity_name   VARCHAR(200),
    region_code   CHAR(6),
    period_start  DATE         NOT NULL,
    period_end    DATE         NOT NULL,
    metric        VARCHAR(40)  NOT NULL,
    metric_value  VARCHAR(40)  NOT NULL,
    threshold     VARCHAR(40)  NOT NULL,
    related_cases INT          NOT NULL,
    PRIMARY KEY (as_of, alert_id)
);

CREATE TABLE alert_first (
    alert_id        CHAR(16) NOT NULL PRIMARY KEY,
    first_raised_on DATE     NOT NULL
);

-- Keys created once per database (the alert_id HMAC key): never leaves the database.
CREATE TABLE app_secret (
    name   VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);
