-- Token mode (opaque keys, dj-rest-auth's default): the SHA-256 digest of a session's key, in hex.
-- NULL for sessions of JWTs: Oracle leaves all-NULL rows out of the index, so they do not collide.

ALTER TABLE sessions ADD (key_digest VARCHAR2(64 CHAR));

CREATE UNIQUE INDEX ux_sessions_key_digest ON sessions (key_digest);
