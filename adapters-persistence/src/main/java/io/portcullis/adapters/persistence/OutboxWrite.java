package io.portcullis.adapters.persistence;

import java.time.Instant;

/**
 * The parameters of an insert into {@code mail_outbox}. Mutable in one place only: MyBatis writes
 * the generated {@link #id} back.
 */
final class OutboxWrite {
    Long id;
    final String kind;
    final String recipient;
    final String language;
    final String variables;
    final Instant createdAt;

    OutboxWrite(String kind, String recipient, String language, String variables, Instant createdAt) {
        this.kind = kind;
        this.recipient = recipient;
        this.language = language;
        this.variables = variables;
        this.createdAt = createdAt;
    }
}
