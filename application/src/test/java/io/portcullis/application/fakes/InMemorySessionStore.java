package io.portcullis.application.fakes;

import io.portcullis.application.port.SessionStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.session.SessionKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link SessionStore} in memory, for use-case tests. It behaves as the database adapter does
 * (see {@code SessionStoreContract}): {@link #consume} looks at the token alone, not at its
 * session, and is atomic. Thread-safe: every method holds the store's lock.
 */
public class InMemorySessionStore implements SessionStore {

    /** A session as stored. */
    public record StoredSession(SessionId id, AccountId account, Instant createdAt, Optional<Instant> revokedAt,
            Instant lastUsedAt, ClientDetails client, Optional<Instant> expiresAt) {

        StoredSession revoked(Instant at) {
            return new StoredSession(id, account, createdAt, Optional.of(at), lastUsedAt, client, expiresAt);
        }

        StoredSession used(Instant at, ClientDetails by) {
            var merged = new ClientDetails(by.userAgent().or(client::userAgent), by.ipAddress().or(client::ipAddress));
            return new StoredSession(id, account, createdAt, revokedAt, at, merged, expiresAt);
        }

        StoredSession expiringAt(Instant at) {
            return new StoredSession(id, account, createdAt, revokedAt, lastUsedAt, client, Optional.of(at));
        }
    }

    /** A refresh token as stored. */
    public record StoredToken(String jti, SessionId session, AccountId account, Instant expiresAt,
            Optional<Instant> usedAt) {}

    private final Map<SessionId, StoredSession> sessions = new LinkedHashMap<>();
    private final Map<String, SessionId> byKeyDigest = new HashMap<>();
    private final Map<String, StoredToken> tokens = new HashMap<>();
    private final Supplier<String> ids;

    /** Session ids are 32 random bytes from a {@link SecureRandom}, base64url without padding. */
    public InMemorySessionStore() {
        this(randomIds(new SecureRandom()));
    }

    /** Session ids come from {@code ids}, which must not repeat itself. */
    public InMemorySessionStore(Supplier<String> ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** 32 bytes of {@code random} as unpadded base64url: 43 characters, URL- and cookie-safe. */
    public static Supplier<String> randomIds(SecureRandom random) {
        return () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }

    @Override
    public synchronized SessionId open(AccountId account, Instant now, ClientDetails client) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(client, "client");
        SessionId id = new SessionId(ids.get());
        if (sessions.containsKey(id)) {
            throw new IllegalStateException("session id generator repeated itself");
        }
        sessions.put(id, new StoredSession(id, account, now, Optional.empty(), now, client, Optional.empty()));
        return id;
    }

    @Override
    public synchronized SessionId openWithKey(AccountId account, Instant now, ClientDetails client, SessionKey key) {
        Objects.requireNonNull(key, "key");
        if (byKeyDigest.containsKey(key.digest())) {
            throw new IllegalArgumentException("session key stored twice");
        }
        SessionId id = open(account, now, client);
        byKeyDigest.put(key.digest(), id);
        return id;
    }

    @Override
    public synchronized Optional<ActiveSession> findByKey(SessionKey key, Instant now) {
        SessionId id = byKeyDigest.get(key.digest());
        return id == null ? Optional.empty() : activeSessions(sessions.get(id).account(), now).stream()
                .filter(s -> s.id().equals(id)).findFirst();
    }

    /** The digests of the stored keys: for assertions that no key is kept in the clear. */
    public synchronized java.util.Set<String> keyDigests() {
        return java.util.Set.copyOf(byKeyDigest.keySet());
    }

    @Override
    public synchronized void touch(SessionId session, Instant now, ClientDetails client) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(client, "client");
        StoredSession s = sessions.get(session);
        if (s != null && s.revokedAt().isEmpty()) {
            sessions.put(session, s.used(now, client));
        }
    }

    @Override
    public synchronized List<ActiveSession> activeSessions(AccountId account, Instant now) {
        Objects.requireNonNull(now, "now");
        return sessions.values().stream()
                .filter(s -> s.account().equals(account) && s.revokedAt().isEmpty())
                .filter(s -> s.expiresAt().isEmpty() || now.isBefore(s.expiresAt().get()))
                .sorted(Comparator.comparing(StoredSession::lastUsedAt).thenComparing(StoredSession::createdAt).reversed())
                .map(s -> new ActiveSession(s.id(), s.account(), s.createdAt(), s.lastUsedAt(), s.client()))
                .toList();
    }

    /** @throws IllegalArgumentException when the session was never opened or the jti is recorded already */
    @Override
    public synchronized void recordRefreshToken(String jti, SessionId session, AccountId account, Instant expiresAt) {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!sessions.containsKey(session)) {
            throw new IllegalArgumentException("no such session");
        }
        if (tokens.containsKey(jti)) {
            throw new IllegalArgumentException("refresh token recorded twice");
        }
        tokens.put(jti, new StoredToken(jti, session, account, expiresAt, Optional.empty()));
        sessions.put(session, sessions.get(session).expiringAt(expiresAt));
    }

    @Override
    public synchronized Consumption consume(String jti, Instant now) {
        Objects.requireNonNull(now, "now");
        StoredToken token = tokens.get(jti);
        if (token == null) {
            return Consumption.UNKNOWN;
        }
        if (token.usedAt().isPresent()) {
            return Consumption.ALREADY_USED;
        }
        tokens.put(jti, new StoredToken(jti, token.session(), token.account(), token.expiresAt(), Optional.of(now)));
        return Consumption.CONSUMED;
    }

    @Override
    public synchronized boolean isBlacklisted(String jti) {
        StoredToken token = tokens.get(jti);
        return token != null && token.usedAt().isPresent();
    }

    @Override
    public synchronized boolean isActive(SessionId session) {
        StoredSession s = sessions.get(session);
        return s != null && s.revokedAt().isEmpty();
    }

    /** Revokes once: a second revocation keeps the first instant. Unknown ids are ignored. */
    @Override
    public synchronized void revoke(SessionId session, Instant now) {
        Objects.requireNonNull(now, "now");
        StoredSession s = sessions.get(session);
        if (s != null && s.revokedAt().isEmpty()) {
            sessions.put(session, s.revoked(now));
        }
    }

    @Override
    public synchronized void revokeAll(AccountId account, Instant now) {
        for (StoredSession s : List.copyOf(sessions.values())) {
            if (s.account().equals(account)) {
                revoke(s.id(), now);
            }
        }
    }

    /** The sessions of an account in the order they were opened: for assertions. */
    public synchronized List<StoredSession> sessionsOf(AccountId account) {
        List<StoredSession> found = new ArrayList<>();
        for (StoredSession s : sessions.values()) {
            if (s.account().equals(account)) {
                found.add(s);
            }
        }
        return found;
    }

    public synchronized Optional<StoredSession> session(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public synchronized Optional<StoredToken> token(String jti) {
        return Optional.ofNullable(tokens.get(jti));
    }
}
