-- Rate-limit counters (H2). Instants are TIMESTAMP(6) WITH TIME ZONE, written in UTC by the adapter.

-- One row per counter: the hits of its open window, which opened at its first hit and ends at
-- ends_at (exclusive). Every node on this database counts in the same rows; an increment is one
-- conditional UPDATE, or the INSERT of the first hit. The key is a SHA-256 digest in hex, never
-- an address, a login or an IP. Rows whose window ended decide nothing; Housekeeping purges them.
CREATE TABLE rate_limit_counters (
    bucket      VARCHAR(64) NOT NULL,
    key_digest  VARCHAR(64) NOT NULL,
    hits        BIGINT NOT NULL,
    ends_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_rate_limit_counters PRIMARY KEY (bucket, key_digest),
    CONSTRAINT ck_rate_limit_counters_hits CHECK (hits > 0)
);

-- Purging ended windows.
CREATE INDEX ix_rate_limit_counters_ends ON rate_limit_counters (ends_at);
