package io.portcullis.application.session;

import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
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

    /** @param session the id as the client sent it, not yet checked */
    public record Command(AccountId account, String session) {

        public Command {
            Objects.requireNonNull(account, "account");
        }
    }

    public sealed interface Outcome {
        record Revoked(SessionId session) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    private final SessionStore sessions;
    private final TransactionRunner transactions;
    private final Clock clock;

    public RevokeSession(SessionStore sessions, TransactionRunner transactions, Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome revoke(Command command) {
        SessionId target;
        try {
            target = new SessionId(command.session() == null ? "" : command.session());
        } catch (IllegalArgumentException e) {
            return new Outcome.NotFound();
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            boolean owned = sessions.activeSessions(command.account(), now).stream()
                    .anyMatch(session -> session.id().equals(target));
            if (!owned) {
                return new Outcome.NotFound();
            }
            sessions.revoke(target, now);
            return new Outcome.Revoked(target);
        });
    }
}
