package io.portcullis.adapters.persistence;

import java.time.Instant;

/** One row of {@code one_time_tokens} as read. */
record OneTimeTokenRow(
        String digest,
        String purpose,
        long accountId,
        String email,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt) {}
