package io.portcullis.application.user;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Deactivates an account (Django's {@code is_active = False}) and, in the same transaction, ends
 * every one of its sessions: its refresh tokens and access tokens stop working at once, and a
 * later reactivation does not bring them back.
 */
public final class DeactivateAccount {

    public sealed interface Outcome {
        record Deactivated(Account account) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    private static final int ATTEMPTS = 3;

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public DeactivateAccount(AccountStore accounts, SessionStore sessions, TransactionRunner transactions, Clock clock,
            AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Outcome deactivate(AccountId id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(() -> deactivateOnce(id, clock.instant()));
            } catch (ConcurrentUpdateException e) {
                // Another request changed the account meanwhile: read it again and retry.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Outcome deactivateOnce(AccountId id, Instant now) {
        Optional<Account> found = accounts.findById(id);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Account account = found.get();
        if (account.active()) {
            account = account.deactivated();
            accounts.update(account);
        }
        sessions.revokeAll(id, now);
        // An operator's act, not a client's: no client details.
        audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, now, id,
                ClientDetails.unknown()).because(AuditReasons.ACCOUNT_DEACTIVATED));
        return new Outcome.Deactivated(account);
    }
}
