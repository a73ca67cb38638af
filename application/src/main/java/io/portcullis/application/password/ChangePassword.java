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
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sets a new password for the caller. The old one is asked for unless settings turn that off or
 * the account has none that is usable (an account created by social login sets its first one),
 * and with logout-on-change every session of the account ends, this one included.
 */
public final class ChangePassword {

    /**
     * @param languages the client's preferred languages, best first, for the notice mail
     * @param client who changes the password, for the audit trail
     */
    public record Command(AccountId account, FieldInput oldPassword, FieldInput newPassword1, FieldInput newPassword2,
            List<String> languages, ClientDetails client) {

        public Command {
            languages = List.copyOf(languages);
            java.util.Objects.requireNonNull(client, "client");
        }

        public Command(AccountId account, FieldInput oldPassword, FieldInput newPassword1, FieldInput newPassword2,
                List<String> languages) {
            this(account, oldPassword, newPassword1, newPassword2, languages, ClientDetails.unknown());
        }

        public Command(AccountId account, FieldInput oldPassword, FieldInput newPassword1, FieldInput newPassword2) {
            this(account, oldPassword, newPassword1, newPassword2, List.of());
        }
    }

    public sealed interface Outcome {
        record Changed() implements Outcome {}

        record Rejected(ValidationErrors errors) implements Outcome {}

        record Conflict() implements Outcome {}
    }

    static final String WRONG_OLD_PASSWORD = "Your old password was entered incorrectly. Please enter it again.";

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final OneTimeTokenStore oneTimeTokens;
    private final PasswordHasher hasher;
    private final AccountSettings settings;
    private final MailFlowSettings mail;
    private final PasswordChangeNotice notice;
    private final NewPasswordRules rules;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public ChangePassword(AccountStore accounts, SessionStore sessions, OneTimeTokenStore oneTimeTokens,
            MailOutbox outbox, PasswordHasher hasher, AccountSettings settings, MailFlowSettings mail,
            TransactionRunner transactions, Clock clock, AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.oneTimeTokens = oneTimeTokens;
        this.hasher = hasher;
        this.settings = settings;
        this.mail = mail;
        this.notice = new PasswordChangeNotice(outbox, mail);
        this.rules = new NewPasswordRules(settings);
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Outcome change(Command command) {
        Optional<Account> found = accounts.findById(command.account());
        if (found.isEmpty()) {
            return new Outcome.Conflict();
        }
        Account account = found.get();
        var errors = ValidationErrors.builder();
        TextField passwordField = TextField.required().maxLength(settings.passwordMaxLength());
        // An account without a usable password (created by social login) has no old password to give:
        // this sets its first one, as allauth's set-password form does.
        if (settings.oldPasswordRequired() && account.passwordHash().usable()) {
            passwordField.read("old_password", command.oldPassword(), errors)
                    .filter(old -> !hasher.matches(old, account.passwordHash()))
                    .ifPresent(old -> {
                        errors.add("old_password", WRONG_OLD_PASSWORD);
                        // Someone holding a stolen access token may be guessing the password.
                        audit.record(AuthenticationEvent.failed(AuthenticationEventType.PASSWORD_CHANGED,
                                clock.instant(), Optional.of(account.id()), command.client(),
                                AuditReasons.WRONG_PASSWORD));
                    });
        }
        Optional<String> new1 = passwordField.read("new_password1", command.newPassword1(), errors);
        Optional<String> new2 = passwordField.read("new_password2", command.newPassword2(), errors);
        if (errors.hasErrors()) {
            return new Outcome.Rejected(errors.build());
        }
        List<String> problems = rules.problems(account, new1.get(), new2.get());
        if (!problems.isEmpty()) {
            return new Outcome.Rejected(ValidationErrors.builder().addAll("new_password2", problems).build());
        }
        PasswordHash hash = hasher.hash(new2.get());
        Instant now = clock.instant();
        try {
            return transactions.inTransaction(() -> {
                Account changed = account.withPassword(hash, now);
                accounts.update(changed);
                oneTimeTokens.revokeAll(account.id(), OneTimeTokenPurpose.PASSWORD_RESET, now);
                audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.PASSWORD_CHANGED, now, account.id(),
                        command.client()));
                if (settings.logoutOnPasswordChange()) {
                    sessions.revokeAll(account.id(), now);
                    audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, now,
                            account.id(), command.client()).because(AuditReasons.PASSWORD_CHANGED));
                }
                notice.queue(changed, mail.languageFor(command.languages()), now);
                return new Outcome.Changed();
            });
        } catch (ConcurrentUpdateException e) {
            return new Outcome.Conflict();
        }
    }
}
