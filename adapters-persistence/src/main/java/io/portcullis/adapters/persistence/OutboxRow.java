package io.portcullis.adapters.persistence;

/** The part of a {@code mail_outbox} row a dispatcher needs, as read. */
record OutboxRow(long id, String kind, String recipient, String language, String variables, int attempts) {}
