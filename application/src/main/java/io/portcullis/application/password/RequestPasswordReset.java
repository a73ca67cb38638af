package io.portcullis.application.password;

import io.portcullis.application.mail.MailVariables;
import io.portcullis.application.mail.UnknownAccountNotices;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.KeyGenerator;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.ratelimit.RateLimitedAction;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.timing.TimingEqualizer;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.EmailField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mails a password-reset link to the owner of an address. Known and unknown addresses get the
 * same answer; with enumeration protection an unknown address gets a notice instead of a link, so
 * both cost one mail in the outbox, written in the request's transaction.
 */
public final class RequestPasswordReset {

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
    private final OneTimeTokenStore tokens;
    private final KeyGenerator keys;
    private final MailOutbox outbox;
    private final MailFlowSettings mail;
    private final EnumerationProtection protection;
    private final UnknownAccountNotices unknownAccounts;
    private final TimingEqualizer timing = new TimingEqualizer();
    private final TransactionRunner transactions;
    private final Clock clock;
    private final RateLimits limits;

    public RequestPasswordReset(AccountStore accounts, OneTimeTokenStore tokens, KeyGenerator keys, MailOutbox outbox,
            MailFlowSettings mail, EnumerationProtection protection, TransactionRunner transactions, Clock clock) {
        this(accounts, tokens, keys, outbox, mail, protection, transactions, clock, RateLimits.unlimited());
    }

    /** @param limits counts requests per client IP and per address as typed, known or not */
    public RequestPasswordReset(AccountStore accounts, OneTimeTokenStore tokens, KeyGenerator keys, MailOutbox outbox,
            MailFlowSettings mail, EnumerationProtection protection, TransactionRunner transactions, Clock clock,
            RateLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.accounts = accounts;
        this.tokens = tokens;
        this.keys = keys;
        this.outbox = outbox;
        this.mail = mail;
        this.protection = protection;
        this.unknownAccounts = new UnknownAccountNotices(outbox, mail);
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome request(Command command) {
        var errors = ValidationErrors.builder();
        Optional<EmailAddress> email = EmailField.readRequired("email", command.email(), errors);
        if (errors.hasErrors()) {
            return new Outcome.Invalid(errors.build());
        }
        // Keyed on the address as typed, so known and unknown addresses are limited alike.
        limits.consume(RateLimitedAction.RESET_PASSWORD, command.client(), email.map(EmailAddress::canonical));
        Instant now = clock.instant();
        String language = mail.languageFor(command.languages());
        EmailAddress address = email.orElseThrow();
        long started = timing.start();
        boolean linkSent = transactions.inTransaction(() -> {
            Optional<Account> account = accounts.findByEmail(address);
            if (account.isPresent() && account.get().active()) {
                queueLink(account.get(), language, now);
                return true;
            }
            if (account.isEmpty() && protection.mailUnknownAccounts()) {
                unknownAccounts.queue(address, language, now);
            }
            return false;
        });
        if (protection.enabled()) {
            timing.finished(started, linkSent);
        }
        return new Outcome.Accepted();
    }

    private void queueLink(Account account, String language, Instant now) {
        OneTimeKey key = keys.newKey();
        tokens.save(OneTimeToken.issue(key, OneTimeTokenPurpose.PASSWORD_RESET, account.id(), account.email(), now,
                mail.resetLifetime()));
        String uid = ResetUid.of(account.id());
        var variables = MailVariables.forAccount(account, mail);
        variables.put("uid", uid);
        variables.put("token", key.value());
        variables.put("password_reset_url", mail.resetLink(uid, key.value()));
        // To the stored address, not the typed one: the two may differ in letter case only.
        outbox.enqueue(new OutgoingMail(MailKind.PASSWORD_RESET, account.email().orElseThrow(), language, variables), now);
    }
}
