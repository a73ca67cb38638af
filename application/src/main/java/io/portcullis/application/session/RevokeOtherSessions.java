package io.portcullis.application.session;

import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** "Log out everywhere else": ends every session of the caller's account but the one making the request. */
public final class RevokeOtherSessions {

    public record Command(AccountId account, SessionId current) {

        public Command {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(current, "current");
        }
    }

    /** @param revoked how many sessions ended */
    public record Revoked(int revoked) {}

    private final SessionStore sessions;
    private final TransactionRunner transactions;
    private final Clock clock;

    public RevokeOtherSessions(SessionStore sessions, TransactionRunner transactions, Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Revoked revoke(Command command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            int count = 0;
            for (ActiveSession session : sessions.activeSessions(command.account(), now)) {
                if (!session.id().equals(command.current())) {
                    sessions.revoke(session.id(), now);
                    count++;
                }
            }
            return new Revoked(count);
        });
    }
}
