package io.portcullis.domain.onetime;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored one-time token: the digest of its key, what it is for, whose it is, the address it
 * was sent to, and when it stops working. Used tokens are kept until purged, never reused.
 */
public record OneTimeToken(
        String digest,
        OneTimeTokenPurpose purpose,
        AccountId account,
        Optional<EmailAddress> email,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> usedAt) {

    public OneTimeToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a one-time token must expire after it is created");
        }
    }

    public static OneTimeToken issue(OneTimeKey key, OneTimeTokenPurpose purpose, AccountId account,
            Optional<EmailAddress> email, Instant now, java.time.Duration lifetime) {
        return new OneTimeToken(key.digest(), purpose, account, email, now, now.plus(lifetime), Optional.empty());
    }

    /** Unused and not yet expired at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return usedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
