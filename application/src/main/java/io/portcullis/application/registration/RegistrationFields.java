package io.portcullis.application.registration;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.Messages;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.Optional;

/** The rules of the identity and password fields of a registration form. */
public final class RegistrationFields {

    public static final String EMAIL_TAKEN = "A user is already registered with this e-mail address.";
    static final String USERNAME_TAKEN = "A user with that username already exists.";

    private final AccountStore accounts;
    private final AccountSettings settings;
    private final boolean reportTakenEmail;

    /** @param reportTakenEmail whether a taken address is a field error, or is left for the caller to hide */
    public RegistrationFields(AccountStore accounts, AccountSettings settings, boolean reportTakenEmail) {
        this.accounts = accounts;
        this.settings = settings;
        this.reportTakenEmail = reportTakenEmail;
    }

    Optional<Username> username(FieldInput input, ValidationErrors.Builder errors) {
        if (!settings.usernameEnabled()) {
            // Without usernames the field still exists with a maximum length of 0, as in allauth.
            if (input instanceof FieldInput.Text t && !t.value().isBlank()) {
                errors.add("username", Messages.tooLong(0));
            }
            return Optional.empty();
        }
        var rules = new TextField(settings.usernameRequired(), false, Username.MAX_LENGTH, settings.usernameMinLength());
        Optional<String> text = rules.read("username", input, errors);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Username> username = Username.parse(text.get());
        if (username.isEmpty()) {
            errors.add("username", Messages.INVALID_USERNAME);
        } else if (accounts.usernameTaken(username.get())) {
            errors.add("username", USERNAME_TAKEN);
            return Optional.empty();
        }
        return username;
    }

    public Optional<EmailAddress> email(FieldInput input, ValidationErrors.Builder errors) {
        var rules = TextField.optional().requiredIf(settings.emailRequired()).maxLength(EmailAddress.MAX_LENGTH);
        Optional<String> text = rules.read("email", input, errors);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<EmailAddress> email = EmailAddress.parse(text.get());
        if (email.isEmpty()) {
            errors.add("email", Messages.INVALID_EMAIL);
        } else if (reportTakenEmail && accounts.emailTaken(email.get())) {
            errors.add("email", EMAIL_TAKEN);
            return Optional.empty();
        }
        return email;
    }

    /** A password field; the policy runs on the first of the pair only, as in dj-rest-auth. */
    Optional<String> password(String field, FieldInput input, boolean applyPolicy, ValidationErrors.Builder errors) {
        Optional<String> password =
                TextField.required().maxLength(settings.passwordMaxLength()).read(field, input, errors);
        if (password.isPresent() && applyPolicy) {
            var messages = settings.passwordPolicy().check(password.get(), Optional.empty());
            if (!messages.isEmpty()) {
                errors.addAll(field, messages);
                return Optional.empty();
            }
        }
        return password;
    }

    public ValidationErrors duplicateError(DuplicateAccountException.Attribute attribute) {
        return switch (attribute) {
            case EMAIL -> ValidationErrors.of("email", EMAIL_TAKEN);
            case USERNAME -> ValidationErrors.of("username", USERNAME_TAKEN);
        };
    }
}
