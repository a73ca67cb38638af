package io.portcullis.adapters.persistence;

import java.time.Instant;

/** One row of {@code accounts} as read; {@link AccountRows} turns it into the domain's account. */
record AccountRow(
        long id,
        String username,
        String email,
        boolean emailVerified,
        boolean active,
        String passwordHash,
        String profile,
        Instant createdAt,
        Instant lastLoginAt,
        Instant passwordChangedAt,
        long version) {}
