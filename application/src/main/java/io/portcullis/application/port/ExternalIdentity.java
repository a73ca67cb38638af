package io.portcullis.application.port;

import io.portcullis.domain.account.EmailAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity a provider vouches for. It is keyed by {@code (provider, subject)}: the address is a
 * claim about the person, never the key, and counts as proven only when {@code emailVerified}.
 *
 * @param details what the provider says besides (name, login, picture), kept with the linked account
 *     for display; never secrets or tokens
 */
public record ExternalIdentity(String provider, String subject, Optional<EmailAddress> email, boolean emailVerified,
        Map<String, String> details) {

    public ExternalIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(email, "email");
        details = Map.copyOf(details);
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a provider subject cannot be blank");
        }
        if (email.isEmpty() && emailVerified) {
            throw new IllegalArgumentException("no address to be verified");
        }
    }
}
