package io.portcullis.domain.session;

import io.portcullis.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A login that is still good: not revoked and not expired. What its owner sees of it.
 *
 * @param lastUsedAt the last time it issued tokens (the login, then every refresh)
 * @param client who opened it or, after a refresh, who last used it
 */
public record ActiveSession(
        SessionId id, AccountId account, Instant createdAt, Instant lastUsedAt, ClientDetails client) {

    public ActiveSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(client, "client");
    }
}
