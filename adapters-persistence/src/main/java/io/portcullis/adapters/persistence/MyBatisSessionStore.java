package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import io.portcullis.application.port.SessionStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.session.SessionKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sessions in {@code sessions} and their refresh tokens in {@code refresh_tokens}. A consumed
 * token keeps its row with {@code used_at} set: that row is the blacklist. {@link #consume} is one
 * conditional {@code UPDATE}, so of concurrent callers the database lets exactly one succeed; it
 * judges the token alone, not its session (see {@code SessionStoreContract}).
 */
public final class MyBatisSessionStore implements SessionStore {

    private final SessionMapper mapper;
    private final Supplier<String> ids;

    /** Session ids are 32 bytes of a {@link SecureRandom} in unpadded base64url (43 characters). */
    public MyBatisSessionStore(Database database) {
        this(database, randomIds(new SecureRandom()));
    }

    /** Session ids come from {@code ids}: unguessable, unique, at most 64 URL-safe characters. */
    public MyBatisSessionStore(Database database, Supplier<String> ids) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(SessionMapper.class);
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** 32 bytes of {@code random} as unpadded base64url. */
    public static Supplier<String> randomIds(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }

    @Override
    public SessionId open(AccountId account, Instant now, ClientDetails client) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(client, "client");
        SessionId id = new SessionId(ids.get());
        guard("opening a session", () -> mapper.insertSession(id.value(), account.value(), now,
                client.userAgent().orElse(null), client.ipAddress().orElse(null), null));
        return id;
    }

    @Override
    public SessionId openWithKey(AccountId account, Instant now, ClientDetails client, SessionKey key) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(client, "client");
        SessionId id = new SessionId(ids.get());
        guard("opening a session", () -> mapper.insertSession(id.value(), account.value(), now,
                client.userAgent().orElse(null), client.ipAddress().orElse(null), key.digest()));
        return id;
    }

    @Override
    public Optional<ActiveSession> findByKey(SessionKey key, Instant now) {
        Objects.requireNonNull(now, "now");
        return Optional.ofNullable(guard("finding the session of a key", () -> mapper.selectLiveByKey(key.digest(), now)))
                .map(MyBatisSessionStore::active);
    }

    @Override
    public void recordRefreshToken(String jti, SessionId session, AccountId account, Instant expiresAt) {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        guard("recording a refresh token", () -> {
            mapper.insertRefreshToken(jti, session.value(), account.value(), expiresAt);
            return mapper.extend(session.value(), expiresAt);
        });
    }

    @Override
    public void touch(SessionId session, Instant now, ClientDetails client) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(client, "client");
        guard("marking a session used", () -> mapper.touch(session.value(), now, client.userAgent().orElse(null),
                client.ipAddress().orElse(null)));
    }

    @Override
    public List<ActiveSession> activeSessions(AccountId account, Instant now) {
        Objects.requireNonNull(now, "now");
        return guard("listing the sessions of an account", () -> mapper.selectLive(account.value(), now)).stream()
                .map(MyBatisSessionStore::active)
                .toList();
    }

    private static ActiveSession active(SessionRow row) {
        return new ActiveSession(new SessionId(row.id()), new AccountId(row.accountId()), row.createdAt(),
                row.lastUsedAt(), ClientDetails.of(row.userAgent(), row.ipAddress()));
    }

    @Override
    public Consumption consume(String jti, Instant now) {
        Objects.requireNonNull(now, "now");
        return guard("consuming a refresh token", () -> {
            if (mapper.markUsed(jti, now) == 1) {
                return Consumption.CONSUMED;
            }
            return mapper.countTokens(jti) > 0 ? Consumption.ALREADY_USED : Consumption.UNKNOWN;
        });
    }

    @Override
    public boolean isBlacklisted(String jti) {
        return guard("checking a refresh token", () -> mapper.countUsed(jti) > 0);
    }

    @Override
    public boolean isActive(SessionId session) {
        return guard("checking a session", () -> mapper.countActive(session.value()) > 0);
    }

    @Override
    public void revoke(SessionId session, Instant now) {
        Objects.requireNonNull(now, "now");
        guard("revoking a session", () -> mapper.revoke(session.value(), now));
    }

    @Override
    public void revokeAll(AccountId account, Instant now) {
        Objects.requireNonNull(now, "now");
        guard("revoking the sessions of an account", () -> mapper.revokeAll(account.value(), now));
    }
}
