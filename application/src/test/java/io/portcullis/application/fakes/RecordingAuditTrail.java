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
 * here (the database adapter drops it with the change; see {@code AuditTrailContract}).
 */
public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuthenticationEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuthenticationEvent event) {
        events.add(java.util.Objects.requireNonNull(event, "event"));
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
