package io.portcullis.application.user;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.profile.ProfileSchema;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.Messages;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.Map;
import java.util.Optional;

/**
 * Changes the editable attributes of the caller's own account (PUT replaces them all, PATCH
 * some). Read-only and unknown fields are ignored, as dj-rest-auth ignores them.
 */
public final class UpdateUser {

    public record Command(AccountId account, boolean partial, FieldInput username, Map<String, FieldInput> profile) {

        public Command {
            profile = Map.copyOf(profile);
        }
    }

    public sealed interface Outcome {
        record Updated(Account account) implements Outcome {}

        record Rejected(ValidationErrors errors) implements Outcome {}

        /** The account changed between our read and our write; nothing was written. */
        record Conflict() implements Outcome {}

        record NotFound() implements Outcome {}
    }

    static final String USERNAME_TAKEN = "A user with that username already exists.";

    private final AccountStore accounts;
    private final AccountSettings settings;
    private final TransactionRunner transactions;

    public UpdateUser(AccountStore accounts, AccountSettings settings, TransactionRunner transactions) {
        this.accounts = accounts;
        this.settings = settings;
        this.transactions = transactions;
    }

    public Outcome update(Command command) {
        try {
            return transactions.inTransaction(() -> accounts.findById(command.account())
                    .map(account -> apply(account, command))
                    .orElseGet(Outcome.NotFound::new));
        } catch (ConcurrentUpdateException e) {
            return new Outcome.Conflict();
        } catch (DuplicateAccountException e) {
            return new Outcome.Rejected(ValidationErrors.of("username", USERNAME_TAKEN));
        }
    }

    private Outcome apply(Account account, Command command) {
        var errors = ValidationErrors.builder();
        Optional<Username> username = readUsername(account, command, errors);
        var purpose = command.partial() ? ProfileSchema.Purpose.PARTIAL_UPDATE : ProfileSchema.Purpose.FULL_UPDATE;
        Map<String, String> changes = settings.profile().read(command.profile(), purpose, errors);
        if (errors.hasErrors()) {
            return new Outcome.Rejected(errors.build());
        }
        Account changed = account.withProfile(account.profile().with(changes), username);
        accounts.update(changed);
        return new Outcome.Updated(changed);
    }

    private Optional<Username> readUsername(Account account, Command command, ValidationErrors.Builder errors) {
        if (!settings.usernameEnabled() || !settings.usernameEditable()) {
            return account.username();
        }
        boolean mustBePresent = settings.usernameRequired() && !command.partial();
        var rules = new TextField(mustBePresent, false, Username.MAX_LENGTH, settings.usernameMinLength());
        Optional<String> text = rules.read("username", command.username(), errors);
        if (text.isEmpty()) {
            return account.username();
        }
        Optional<Username> username = Username.parse(text.get());
        if (username.isEmpty()) {
            errors.add("username", Messages.INVALID_USERNAME);
            return account.username();
        }
        boolean unchanged = account.username().map(Username::canonical).equals(Optional.of(username.get().canonical()));
        if (!unchanged && accounts.usernameTaken(username.get())) {
            errors.add("username", USERNAME_TAKEN);
        }
        return username;
    }
}
