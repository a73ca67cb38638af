package io.portcullis.adapters.social.oidc;

import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.domain.account.EmailAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The identity OpenID Connect claims describe, from an ID token or a userinfo answer alike. */
final class ClaimsIdentity {

    /** The standard claims kept as display details, when present. */
    static final List<String> DETAILS = List.of("name", "given_name", "family_name", "picture", "preferred_username");
    private static final int MAX_DETAIL = 512;

    private ClaimsIdentity() {
    }

    static ExternalIdentity from(String provider, Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String subject) || subject.isBlank()) {
            throw new IdentityRejectedException(provider + " named no subject (sub) for this user");
        }
        // An address that is not a valid one is no address: the account is still linked by subject.
        Optional<EmailAddress> email = claims.get("email") instanceof String text ? EmailAddress.parse(text.strip())
                : Optional.empty();
        boolean verified = email.isPresent() && isTrue(claims.get("email_verified"));
        Map<String, String> details = new LinkedHashMap<>();
        for (String name : DETAILS) {
            if (claims.get(name) instanceof String value && !value.isBlank() && value.length() <= MAX_DETAIL) {
                details.put(name, value);
            }
        }
        return new ExternalIdentity(provider, subject, email, verified, details);
    }

    // Some providers send email_verified as the string "true" rather than a JSON boolean.
    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof String text && text.strip().equalsIgnoreCase("true"));
    }
}
