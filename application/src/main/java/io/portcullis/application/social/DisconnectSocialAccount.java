package io.portcullis.application.social;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.social.SocialAccount;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Removes one of the caller's linked identities. Another account's link and an unknown id are
 * both "not found". The last link of an account without a usable password is its only way in:
 * that one stays until the owner sets a password, as allauth's {@code validate_disconnect} says.
 */
public final class DisconnectSocialAccount {

    /**
     * @param socialAccount the id as the client sent it, not yet checked
     * @param client who asks, for the audit trail
     */
    public record Command(AccountId account, String socialAccount, ClientDetails client) {

        public Command {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(client, "client");
        }

        public Command(AccountId account, String socialAccount) {
            this(account, socialAccount, ClientDetails.unknown());
        }
    }

    public sealed interface Outcome {
        record Disconnected(SocialAccount link) implements Outcome {}

        record Refused(ValidationErrors errors) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    static final String NO_PASSWORD = "Your account has no password set up: set one (password/change/) before"
            + " disconnecting its last social account.";

    private final AccountStore accounts;
    private final SocialAccountStore socialAccounts;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public DisconnectSocialAccount(AccountStore accounts, SocialAccountStore socialAccounts,
            TransactionRunner transactions, Clock clock, AuditTrail audit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.accounts = accounts;
        this.socialAccounts = socialAccounts;
        this.transactions = transactions;
    }

    public Outcome disconnect(Command command) {
        long id;
        try {
            id = Long.parseLong(command.socialAccount() == null ? "" : command.socialAccount());
        } catch (NumberFormatException e) {
            return new Outcome.NotFound();
        }
        return transactions.inTransaction(() -> {
            Optional<SocialAccount> link = socialAccounts.findById(id)
                    .filter(found -> found.account().equals(command.account()));
            Optional<Account> account = accounts.findById(command.account());
            if (link.isEmpty() || account.isEmpty()) {
                return new Outcome.NotFound();
            }
            List<SocialAccount> all = socialAccounts.listByAccount(command.account());
            Instant now = clock.instant();
            if (!account.get().passwordHash().usable() && all.size() <= 1) {
                audit.record(AuthenticationEvent.failed(AuthenticationEventType.SOCIAL_ACCOUNT_DISCONNECTED, now,
                        Optional.of(command.account()), command.client(), AuditReasons.LAST_WAY_IN));
                return new Outcome.Refused(ValidationErrors.nonField(NO_PASSWORD));
            }
            if (!socialAccounts.unlink(id, command.account())) {
                return new Outcome.NotFound();
            }
            audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SOCIAL_ACCOUNT_DISCONNECTED, now,
                    command.account(), command.client()));
            return new Outcome.Disconnected(link.get());
        });
    }
}
