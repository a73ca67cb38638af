-- What a user sees of their sessions (Oracle): when each was last used, from which client, and
-- until when it lives. last_used_at starts as created_at; expires_at follows the session's last
-- refresh token and stays NULL for a session without refresh tokens (opaque keys), which does not
-- expire. Run in tests by H2 in MODE=Oracle only.

ALTER TABLE sessions ADD (
    last_used_at  TIMESTAMP(6) WITH TIME ZONE,
    user_agent    VARCHAR2(512 CHAR),
    ip_address    VARCHAR2(45 CHAR),
    expires_at    TIMESTAMP(6) WITH TIME ZONE
);

UPDATE sessions SET last_used_at = created_at,
    expires_at = (SELECT MAX(t.expires_at) FROM refresh_tokens t WHERE t.session_id = sessions.id);

-- The list of an account's live sessions.
CREATE INDEX ix_sessions_account_live ON sessions (account_id, revoked_at, expires_at);
