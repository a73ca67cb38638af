package io.portcullis.application.fakes;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AuditTrail} that keeps every event in memory, in the order recorded, for use-case
 * tests to inspect. It takes no part in transactions: what a rolled-back change recorded stays
 * here (the database adapter drops it with the change; see {@code AuditTrailContract}). It can be
 * made to fail, for tests of what a broken sink does to a request.
 */
public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuthenticationEvent> events = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public synchronized void record(AuthenticationEvent event) {
        java.util.Objects.requireNonNull(event, "event");
        if (failure != null) {
            throw failure;
        }
        events.add(event);
    }

    /** From now on every event fails with {@code failure}, as a broken sink would; null heals it. */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized List<AuthenticationEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<AuthenticationEvent> ofType(AuthenticationEventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }

    /** The events whose instant lies in {@code [from, to)}, in the order recorded. */
    public synchronized List<AuthenticationEvent> recordedBetween(Instant from, Instant to) {
        return events.stream().filter(event -> !event.at().isBefore(from) && event.at().isBefore(to)).toList();
    }

    /** The only event recorded; fails when there are none or several. */
    public synchronized AuthenticationEvent single() {
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one event, got " + events);
        }
        return events.get(0);
    }

    public synchronized void clear() {
        events.clear();
    }
}
