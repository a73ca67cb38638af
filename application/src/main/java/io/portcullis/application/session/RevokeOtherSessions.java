package io.portcullis.application.session;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** "Log out everywhere else": ends every session of the caller's account but the one making the request. */
public final class RevokeOtherSessions {

    /** @param client who asks, for the audit trail */
    public record Command(AccountId account, SessionId current, ClientDetails client) {

        public Command {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(client, "client");
        }

        public Command(AccountId account, SessionId current) {
            this(account, current, ClientDetails.unknown());
        }
    }

    /** @param revoked how many sessions ended */
    public record Revoked(int revoked) {}

    private final SessionStore sessions;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public RevokeOtherSessions(SessionStore sessions, TransactionRunner transactions, Clock clock, AuditTrail audit) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Revoked revoke(Command command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            int count = 0;
            for (ActiveSession session : sessions.activeSessions(command.account(), now)) {
                if (!session.id().equals(command.current())) {
                    sessions.revoke(session.id(), now);
                    audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, now,
                            command.account(), command.client()).because(AuditReasons.REVOKED_BY_OWNER));
                    count++;
                }
            }
            return new Revoked(count);
        });
    }
}
