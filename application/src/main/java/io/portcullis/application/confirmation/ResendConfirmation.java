package io.portcullis.application.confirmation;

import io.portcullis.application.mail.UnknownAccountNotices;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.ratelimit.RateLimitedAction;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.timing.TimingEqualizer;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.EmailField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends another confirmation mail to an unconfirmed address. The answer is the same whether the
 * address belongs to an account or not; with enumeration protection an unknown address gets a
 * notice, so an unconfirmed and an unknown address both cost one mail in the outbox.
 */
public final class ResendConfirmation {

    /** @param client who asks, for the rate limits per IP */
    public record Command(FieldInput email, List<String> languages, ClientDetails client) {
        public Command {
            languages = List.copyOf(languages);
            java.util.Objects.requireNonNull(client, "client");
        }

        public Command(FieldInput email, List<String> languages) {
            this(email, languages, ClientDetails.unknown());
        }
    }

    public sealed interface Outcome {
        record Accepted() implements Outcome {}

        record Invalid(ValidationErrors errors) implements Outcome {}
    }

    private final AccountStore accounts;
    private final EmailConfirmations confirmations;
    private final MailFlowSettings mail;
    private final EnumerationProtection protection;
    private final UnknownAccountNotices unknownAccounts;
    private final TimingEqualizer timing = new TimingEqualizer();
    private final TransactionRunner transactions;
    private final Clock clock;
    private final RateLimits limits;

    public ResendConfirmation(AccountStore accounts, EmailConfirmations confirmations, MailOutbox outbox,
            MailFlowSettings mail, EnumerationProtection protection, TransactionRunner transactions, Clock clock) {
        this(accounts, confirmations, outbox, mail, protection, transactions, clock, RateLimits.unlimited());
    }

    /** @param limits counts requests per client IP and per address as typed, known or not */
    public ResendConfirmation(AccountStore accounts, EmailConfirmations confirmations, MailOutbox outbox,
            MailFlowSettings mail, EnumerationProtection protection, TransactionRunner transactions, Clock clock,
            RateLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.mail = mail;
        this.protection = protection;
        this.unknownAccounts = new UnknownAccountNotices(outbox, mail);
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome resend(Command command) {
        var errors = ValidationErrors.builder();
        Optional<EmailAddress> email = EmailField.readRequired("email", command.email(), errors);
        if (errors.hasErrors()) {
            return new Outcome.Invalid(errors.build());
        }
        // Keyed on the address as typed, so known and unknown addresses are limited alike.
        limits.consume(RateLimitedAction.CONFIRM_EMAIL, command.client(), email.map(EmailAddress::canonical));
        Instant now = clock.instant();
        String language = mail.languageFor(command.languages());
        EmailAddress address = email.orElseThrow();
        long started = timing.start();
        boolean keySent = transactions.inTransaction(() -> {
            Optional<Account> account = accounts.findByEmail(address);
            if (account.isPresent() && account.get().active() && !account.get().emailVerified()) {
                confirmations.send(account.get(), MailKind.EMAIL_CONFIRMATION, language, now);
                return true;
            }
            if (account.isEmpty() && protection.mailUnknownAccounts()) {
                unknownAccounts.queue(address, language, now);
            }
            return false;
        });
        if (protection.enabled()) {
            timing.finished(started, keySent);
        }
        return new Outcome.Accepted();
    }
}
