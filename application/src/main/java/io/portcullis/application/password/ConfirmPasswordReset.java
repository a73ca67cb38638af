package io.portcullis.application.password;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.PasswordHash;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.Messages;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sets a new password with the uid and token of a reset link. The token is spent only when the
 * new password is accepted, so a typo does not burn the link; once spent, it never works again,
 * and every other reset link of the account dies with it.
 */
public final class ConfirmPasswordReset {

    /** @param client who follows the link, for the audit trail */
    public record Command(FieldInput newPassword1, FieldInput newPassword2, FieldInput uid, FieldInput token,
            List<String> languages, ClientDetails client) {
        public Command {
            languages = List.copyOf(languages);
            java.util.Objects.requireNonNull(client, "client");
        }

        public Command(FieldInput newPassword1, FieldInput newPassword2, FieldInput uid, FieldInput token,
                List<String> languages) {
            this(newPassword1, newPassword2, uid, token, languages, ClientDetails.unknown());
        }
    }

    public sealed interface Outcome {
        record Reset() implements Outcome {}

        record Rejected(ValidationErrors errors) implements Outcome {}
    }

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final OneTimeTokenStore tokens;
    private final PasswordHasher hasher;
    private final AccountSettings settings;
    private final MailFlowSettings mail;
    private final NewPasswordRules rules;
    private final PasswordChangeNotice notice;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public ConfirmPasswordReset(AccountStore accounts, SessionStore sessions, OneTimeTokenStore tokens,
            MailOutbox outbox, PasswordHasher hasher, AccountSettings settings, MailFlowSettings mail,
            TransactionRunner transactions, Clock clock, AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.settings = settings;
        this.mail = mail;
        this.rules = new NewPasswordRules(settings);
        this.notice = new PasswordChangeNotice(outbox, mail);
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Outcome confirm(Command command) {
        var errors = ValidationErrors.builder();
        TextField passwordField = TextField.required().maxLength(settings.passwordMaxLength());
        Optional<String> new1 = passwordField.read("new_password1", command.newPassword1(), errors);
        Optional<String> new2 = passwordField.read("new_password2", command.newPassword2(), errors);
        Optional<String> uid = TextField.required().maxLength(64).read("uid", command.uid(), errors);
        Optional<String> token = TextField.required().maxLength(512).read("token", command.token(), errors);
        if (errors.hasErrors()) {
            return new Outcome.Rejected(errors.build());
        }
        Optional<Account> account = ResetUid.parse(uid.get()).flatMap(accounts::findById).filter(Account::active);
        if (account.isEmpty()) {
            return invalid("uid");
        }
        Instant now = clock.instant();
        String digest = new OneTimeKey(token.get()).digest();
        AccountId owner = account.get().id();
        boolean usable = tokens.find(digest, OneTimeTokenPurpose.PASSWORD_RESET)
                .filter(t -> t.account().equals(owner) && t.isUsableAt(now))
                .isPresent();
        if (!usable) {
            return invalid("token");
        }
        List<String> problems = rules.problems(account.get(), new1.get(), new2.get());
        if (!problems.isEmpty()) {
            return new Outcome.Rejected(ValidationErrors.builder().addAll("new_password2", problems).build());
        }
        PasswordHash hash = hasher.hash(new2.get());
        String language = mail.languageFor(command.languages());
        try {
            return transactions.inTransaction(() -> reset(owner, digest, hash, language, command.client(), now));
        } catch (ConcurrentUpdateException e) {
            return invalid("token");
        }
    }

    private Outcome reset(AccountId owner, String digest, PasswordHash hash, String language, ClientDetails client,
            Instant now) {
        if (!tokens.consume(digest, OneTimeTokenPurpose.PASSWORD_RESET, now)) {
            return invalid("token");
        }
        Account changed = accounts.findById(owner).orElseThrow().withPassword(hash, now);
        accounts.update(changed);
        tokens.revokeAll(owner, OneTimeTokenPurpose.PASSWORD_RESET, now);
        audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.PASSWORD_RESET, now, owner, client));
        if (mail.logoutOnPasswordReset()) {
            sessions.revokeAll(owner, now);
            audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, now, owner, client)
                    .because(AuditReasons.PASSWORD_RESET));
        }
        notice.queue(changed, language, now);
        return new Outcome.Reset();
    }

    private static Outcome invalid(String field) {
        return new Outcome.Rejected(ValidationErrors.of(field, Messages.INVALID_VALUE));
    }
}
