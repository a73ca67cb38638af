package io.portcullis.adapters.persistence;

import java.time.Instant;

/**
 * The parameters of an insert or update of {@code accounts}. Mutable in one place only: MyBatis
 * writes the generated {@link #id} back after an insert.
 */
final class AccountWrite {
    Long id;
    final String username;
    final String usernameCanonical;
    final String email;
    final String emailCanonical;
    final boolean emailVerified;
    final boolean active;
    final String passwordHash;
    final String profile;
    final Instant createdAt;
    final Instant passwordChangedAt;
    final long version;
    /** The flags as 1 or 0, for Oracle's NUMBER(1) columns. */
    final int emailVerifiedNumber;
    final int activeNumber;

    AccountWrite(Long id, String username, String usernameCanonical, String email, String emailCanonical,
            boolean emailVerified, boolean active, String passwordHash, String profile, Instant createdAt,
            Instant passwordChangedAt, long version) {
        this.id = id;
        this.username = username;
        this.usernameCanonical = usernameCanonical;
        this.email = email;
        this.emailCanonical = emailCanonical;
        this.emailVerified = emailVerified;
        this.active = active;
        this.passwordHash = passwordHash;
        this.profile = profile;
        this.createdAt = createdAt;
        this.passwordChangedAt = passwordChangedAt;
        this.version = version;
        this.emailVerifiedNumber = emailVerified ? 1 : 0;
        this.activeNumber = active ? 1 : 0;
    }
}
