package io.portcullis.bootstrap.audit;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.audit.AuthenticationEvent;
import java.util.List;
import java.util.Objects;

/**
 * Hands every event to each configured sink in turn, in the order given. The first to throw stops
 * the rest and fails the request: put the database first, so that a line is logged only for an
 * event the table took (the table is what an investigation trusts; a log line whose transaction
 * rolled back afterwards is still possible, and rare).
 */
public final class FanOutAuditTrail implements AuditTrail {

    private final List<AuditTrail> sinks;

    public FanOutAuditTrail(List<AuditTrail> sinks) {
        this.sinks = List.copyOf(Objects.requireNonNull(sinks, "sinks"));
    }

    @Override
    public void record(AuthenticationEvent event) {
        for (AuditTrail sink : sinks) {
            sink.record(event);
        }
    }

    /** How many sinks receive each event. */
    public int size() {
        return sinks.size();
    }
}
