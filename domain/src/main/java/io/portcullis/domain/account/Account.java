package io.portcullis.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The account aggregate. Immutable: every change returns a new account with a version one
 * higher, which the store uses to refuse a write based on a stale read.
 */
public record Account(
        AccountId id,
        Optional<Username> username,
        Optional<EmailAddress> email,
        boolean emailVerified,
        boolean active,
        PasswordHash passwordHash,
        Profile profile,
        Instant createdAt,
        Optional<Instant> lastLoginAt,
        Instant passwordChangedAt,
        long version) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        if (username.isEmpty() && email.isEmpty()) {
            throw new IllegalArgumentException("an account needs a username or an e-mail address");
        }
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastLoginAt, "lastLoginAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    }

    public Account withPassword(PasswordHash hash, Instant now) {
        return new Account(id, username, email, emailVerified, active, hash, profile, createdAt, lastLoginAt, now, version + 1);
    }

    /** Replaces the hash after a successful login with an outdated algorithm: not a password change. */
    public Account withRehashedPassword(PasswordHash hash) {
        return new Account(id, username, email, emailVerified, active, hash, profile, createdAt, lastLoginAt,
                passwordChangedAt, version + 1);
    }

    public Account withProfile(Profile newProfile, Optional<Username> newUsername) {
        return new Account(id, newUsername, email, emailVerified, active, passwordHash, newProfile, createdAt,
                lastLoginAt, passwordChangedAt, version + 1);
    }

    public Account withEmailVerified() {
        return new Account(id, username, email, true, active, passwordHash, profile, createdAt, lastLoginAt,
                passwordChangedAt, version + 1);
    }

    public Account deactivated() {
        return new Account(id, username, email, emailVerified, false, passwordHash, profile, createdAt, lastLoginAt,
                passwordChangedAt, version + 1);
    }
}
