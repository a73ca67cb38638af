package io.portcullis.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An account about to be stored for the first time; the store gives it its id. */
public record NewAccount(
        Optional<Username> username,
        Optional<EmailAddress> email,
        boolean emailVerified,
        PasswordHash passwordHash,
        Profile profile,
        Instant createdAt) {

    public NewAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        if (username.isEmpty() && email.isEmpty()) {
            throw new IllegalArgumentException("an account needs a username or an e-mail address");
        }
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Account withId(AccountId id) {
        return new Account(id, username, email, emailVerified, true, passwordHash, profile, createdAt,
                Optional.empty(), createdAt, 0);
    }
}
