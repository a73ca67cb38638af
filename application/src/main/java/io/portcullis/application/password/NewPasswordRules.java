package io.portcullis.application.password;

import io.portcullis.application.settings.AccountSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.password.PasswordSubject;
import java.util.List;
import java.util.Optional;

/**
 * The checks of Django's SetPasswordForm, shared by password change and reset: the two entries
 * must match, then the new password must pass every validator with the account as subject.
 */
final class NewPasswordRules {

    // Django writes this one with a typographic apostrophe, unlike the registration message.
    static final String PASSWORDS_DIFFER = "The two password fields didn\u2019t match.";

    private final AccountSettings settings;

    NewPasswordRules(AccountSettings settings) {
        this.settings = settings;
    }

    /** The messages for {@code new_password2}, empty when the new password is acceptable. */
    List<String> problems(Account account, String new1, String new2) {
        if (!new1.equals(new2)) {
            return List.of(PASSWORDS_DIFFER);
        }
        var subject = PasswordSubject.of(account.username(), account.email(), account.profile(), settings.profile());
        return settings.passwordPolicy().check(new2, Optional.of(subject));
    }
}
