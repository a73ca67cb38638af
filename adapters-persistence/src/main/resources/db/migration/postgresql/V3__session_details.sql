-- What a user sees of their sessions (PostgreSQL): when each was last used, from which client, and
-- until when it lives. last_used_at starts as created_at; expires_at follows the session's last
-- refresh token and stays NULL for a session without refresh tokens (opaque keys), which does not
-- expire.

ALTER TABLE sessions
    ADD COLUMN last_used_at TIMESTAMPTZ(6),
    ADD COLUMN user_agent   VARCHAR(512),
    ADD COLUMN ip_address   VARCHAR(45),
    ADD COLUMN expires_at   TIMESTAMPTZ(6);

UPDATE sessions SET last_used_at = created_at,
    expires_at = (SELECT MAX(t.expires_at) FROM refresh_tokens t WHERE t.session_id = sessions.id);

-- The list of an account's live sessions.
CREATE INDEX ix_sessions_account_live ON sessions (account_id, revoked_at, expires_at);
