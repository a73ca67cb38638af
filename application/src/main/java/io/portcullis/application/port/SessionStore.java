package io.portcullis.application.port;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.session.SessionKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Logins and the refresh tokens each has issued. A refresh token is known by its {@code jti}; a
 * consumed one is blacklisted, and presenting it again reveals a stolen token. A session also
 * records when it was opened and last used, and from which client, for its owner to see.
 */
public interface SessionStore {

    /**
     * Starts a session for an account and returns its new, unguessable id. It is last used now and
     * lives until its last refresh token expires.
     */
    SessionId open(AccountId account, Instant now, ClientDetails client);

    /**
     * Token mode: starts a session that the key authenticates, storing only the key's digest. The
     * session has no refresh token and does not expire; it lives until it is revoked.
     */
    SessionId openWithKey(AccountId account, Instant now, ClientDetails client, SessionKey key);

    /** The live (neither revoked nor expired) session whose key this is. */
    Optional<ActiveSession> findByKey(SessionKey key, Instant now);

    /** {@link #open(AccountId, Instant, ClientDetails)} with nothing known of the client. */
    default SessionId open(AccountId account, Instant now) {
        return open(account, now, ClientDetails.unknown());
    }

    /**
     * Records a refresh token issued within a session, so it can be consumed exactly once; the
     * session then lives until this token expires.
     */
    void recordRefreshToken(String jti, SessionId session, AccountId account, Instant expiresAt);

    /**
     * Marks a session used now (a refresh), by this client: what is known of it replaces what was
     * recorded, what is not known leaves it. Does nothing to a revoked or unknown session.
     */
    void touch(SessionId session, Instant now, ClientDetails client);

    /**
     * The account's sessions that are neither revoked nor expired at {@code now}, the most recently
     * used first.
     */
    List<ActiveSession> activeSessions(AccountId account, Instant now);

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
