package io.portcullis.application.password;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.PasswordHash;
import io.portcullis.domain.password.PasswordSubject;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sets a new password for the caller. The old one is asked for unless settings turn that off,
 * and with logout-on-change every session of the account ends, this one included.
 */
public final class ChangePassword {

    public record Command(AccountId account, FieldInput oldPassword, FieldInput newPassword1, FieldInput newPassword2) {}

    public sealed interface Outcome {
        record Changed() implements Outcome {}

        record Rejected(ValidationErrors errors) implements Outcome {}

        record Conflict() implements Outcome {}
    }

    static final String WRONG_OLD_PASSWORD = "Your old password was entered incorrectly. Please enter it again.";
    // Django's SetPasswordForm writes this one with a typographic apostrophe, unlike registration.
    static final String PASSWORDS_DIFFER = "The two password fields didn\u2019t match.";

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AccountSettings settings;
    private final TransactionRunner transactions;
    private final Clock clock;

    public ChangePassword(AccountStore accounts, SessionStore sessions, PasswordHasher hasher,
            AccountSettings settings, TransactionRunner transactions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome change(Command command) {
        Optional<Account> found = accounts.findById(command.account());
        if (found.isEmpty()) {
            return new Outcome.Conflict();
        }
        Account account = found.get();
        var errors = ValidationErrors.builder();
        TextField passwordField = TextField.required().maxLength(settings.passwordMaxLength());
        if (settings.oldPasswordRequired()) {
            passwordField.read("old_password", command.oldPassword(), errors)
                    .filter(old -> !hasher.matches(old, account.passwordHash()))
                    .ifPresent(old -> errors.add("old_password", WRONG_OLD_PASSWORD));
        }
        Optional<String> new1 = passwordField.read("new_password1", command.newPassword1(), errors);
        Optional<String> new2 = passwordField.read("new_password2", command.newPassword2(), errors);
        if (errors.hasErrors()) {
            return new Outcome.Rejected(errors.build());
        }
        List<String> problems = newPasswordProblems(account, new1.get(), new2.get());
        if (!problems.isEmpty()) {
            return new Outcome.Rejected(ValidationErrors.builder().addAll("new_password2", problems).build());
        }
        PasswordHash hash = hasher.hash(new2.get());
        Instant now = clock.instant();
        try {
            return transactions.inTransaction(() -> {
                accounts.update(account.withPassword(hash, now));
                if (settings.logoutOnPasswordChange()) {
                    sessions.revokeAll(account.id(), now);
                }
                return new Outcome.Changed();
            });
        } catch (ConcurrentUpdateException e) {
            return new Outcome.Conflict();
        }
    }

    private List<String> newPasswordProblems(Account account, String new1, String new2) {
        if (!new1.equals(new2)) {
            return List.of(PASSWORDS_DIFFER);
        }
        var subject = PasswordSubject.of(account.username(), account.email(), account.profile(), settings.profile());
        return settings.passwordPolicy().check(new2, Optional.of(subject));
    }
}
