package io.portcullis.application.port;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.SessionId;
import java.time.Instant;

/**
 * Logins and the refresh tokens each has issued. A refresh token is known by its {@code jti}; a
 * consumed one is blacklisted, and presenting it again reveals a stolen token.
 */
public interface SessionStore {

    /** Starts a session for an account and returns its new, unguessable id. */
    SessionId open(AccountId account, Instant now);

    /** Records a refresh token issued within a session, so it can be consumed exactly once. */
    void recordRefreshToken(String jti, SessionId session, AccountId account, Instant expiresAt);

    /** What happened when a refresh token was presented for consumption. */
    enum Consumption {
        /** It was live and is now blacklisted: the caller may issue its successor. */
        CONSUMED,
        /** It had been consumed or blacklisted before. */
        ALREADY_USED,
        /** No such token was ever recorded (or it was purged with its session). */
        UNKNOWN
    }

    /**
     * Atomically blacklists a live refresh token; of two concurrent calls, one alone sees CONSUMED.
     * Looks at the token alone: whether its session is still active is {@link #isActive}'s question.
     */
    Consumption consume(String jti, Instant now);

    boolean isBlacklisted(String jti);

    /** True while the session exists and has not been revoked. */
    boolean isActive(SessionId session);

    void revoke(SessionId session, Instant now);

    void revokeAll(AccountId account, Instant now);
}
