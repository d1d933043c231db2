-- One run at a time per database: the single row names the running process (RunLock).
CREATE TABLE run_lock (
    id          INT PRIMARY KEY,
    holder_host VARCHAR(255),
    holder_pid  BIGINT,
    as_of       DATE,
    acquired_at TIMESTAMP
);
INSERT INTO run_lock (id) VALUES (1);
