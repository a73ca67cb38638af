package io.portcullis.adapters.persistence;

import java.time.Instant;

/** One live row of {@code sessions} as the owner's list reads it. */
record SessionRow(
        String id, long accountId, Instant createdAt, Instant lastUsedAt, String userAgent, String ipAddress) {}
