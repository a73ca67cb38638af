package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.audit.EventOutcome;
import io.portcullis.domain.session.ClientDetails;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail in {@code audit_events}, one row per event. A row written inside a use case's
 * transaction commits or rolls back with it; outside one (a refused login changes nothing) it
 * commits on its own. Housekeeping purges rows older than the retention.
 */
public final class MyBatisAuditTrail implements AuditTrail {

    private final AuditEventMapper mapper;

    public MyBatisAuditTrail(Database database) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(AuditEventMapper.class);
    }

    @Override
    public void record(AuthenticationEvent event) {
        Objects.requireNonNull(event, "event");
        guard("recording an audit event", () -> mapper.insert(event.at(), event.type().code(),
                event.outcome().code(), event.account().map(AccountId::value).orElse(null),
                event.client().ipAddress().orElse(null), event.client().userAgent().orElse(null),
                event.reason().orElse(null)));
    }

    /** The events with an instant in {@code [from, to)}, in the order recorded. */
    public List<AuthenticationEvent> recordedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return guard("reading audit events", () -> mapper.selectBetween(from, to)).stream()
                .map(MyBatisAuditTrail::event).toList();
    }

    /** An account's events, the most recent first, at most {@code limit}. */
    public List<AuthenticationEvent> recentOf(AccountId account, int limit) {
        Objects.requireNonNull(account, "account");
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is at least 1, got " + limit);
        }
        return guard("reading audit events", () -> mapper.selectOfAccount(account.value(), limit)).stream()
                .map(MyBatisAuditTrail::event).toList();
    }

    private static AuthenticationEvent event(AuditEventRow row) {
        return new AuthenticationEvent(row.occurredAt(), AuthenticationEventType.fromCode(row.eventType()),
                EventOutcome.fromCode(row.outcome()), Optional.ofNullable(row.accountId()).map(AccountId::new),
                new ClientDetails(Optional.ofNullable(row.userAgent()), Optional.ofNullable(row.ipAddress())),
                Optional.ofNullable(row.reason()));
    }
}
