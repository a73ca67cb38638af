package io.portcullis.application.session;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Ends one of the caller's own sessions: its refresh tokens and its access tokens stop working at
 * once. A session of another account, an ended one and an unknown id are all "not found", so the
 * answer tells nobody whether an id exists.
 */
public final class RevokeSession {

    /**
     * @param session the id as the client sent it, not yet checked
     * @param client who ends the session, for the audit trail
     */
    public record Command(AccountId account, String session, ClientDetails client) {

        public Command {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(client, "client");
        }

        public Command(AccountId account, String session) {
            this(account, session, ClientDetails.unknown());
        }
    }

    public sealed interface Outcome {
        record Revoked(SessionId session) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    private final SessionStore sessions;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public RevokeSession(SessionStore sessions, TransactionRunner transactions, Clock clock, AuditTrail audit) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Outcome revoke(Command command) {
        return end(command, AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, clock.instant(),
                command.account(), command.client()).because(AuditReasons.REVOKED_BY_OWNER));
    }

    /**
     * Token mode's logout: the session of the key that authenticated the request ends, and the
     * trail records a logout rather than a revocation.
     */
    public Outcome logOut(Command command) {
        return end(command, AuthenticationEvent.succeeded(AuthenticationEventType.LOGGED_OUT, clock.instant(),
                command.account(), command.client()));
    }

    private Outcome end(Command command, AuthenticationEvent event) {
        SessionId target;
        try {
            target = new SessionId(command.session() == null ? "" : command.session());
        } catch (IllegalArgumentException e) {
            return new Outcome.NotFound();
        }
        Instant now = event.at();
        return transactions.inTransaction(() -> {
            boolean owned = sessions.activeSessions(command.account(), now).stream()
                    .anyMatch(session -> session.id().equals(target));
            if (!owned) {
                return new Outcome.NotFound();
            }
            sessions.revoke(target, now);
            audit.record(event);
            return new Outcome.Revoked(target);
        });
    }
}
