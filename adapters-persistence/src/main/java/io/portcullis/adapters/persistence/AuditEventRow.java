package io.portcullis.adapters.persistence;

import java.time.Instant;

/** One row of {@code audit_events} as read; {@code accountId} and the texts may be null. */
record AuditEventRow(long id, Instant occurredAt, String eventType, String outcome, Long accountId, String ipAddress,
        String userAgent, String reason) {}
