package io.portcullis.adapters.social.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.application.port.IdentityRejectedException;
import java.util.Collection;
import java.util.Optional;

/**
 * An OAuth2 error a provider answered ({@code {"error": "invalid_grant", "error_description": ...}}),
 * turned into a message for the client: what the provider said and what usually causes it.
 */
public record OAuthError(String code, Optional<String> description) {

    private static final int MAX_DESCRIPTION = 200;

    /** The error in a token endpoint answer, when it has one. */
    public static Optional<OAuthError> from(JsonNode answer) {
        JsonNode error = answer.get("error");
        if (error == null || !error.isTextual() || error.asText().isBlank()) {
            return Optional.empty();
        }
        JsonNode description = answer.get("error_description");
        return Optional.of(new OAuthError(error.asText(),
                description != null && description.isTextual() ? Optional.of(description.asText()) : Optional.empty()));
    }

    /**
     * @param provider the provider's id
     * @param action what was refused, such as {@code the authorization code}
     * @param presented the code, verifier and secret sent: a description that repeats one loses it
     */
    public IdentityRejectedException rejection(String provider, String action, Collection<String> presented) {
        StringBuilder message = new StringBuilder(provider).append(" refused ").append(action).append(": ")
                .append(printable(code, 60));
        description.map(text -> printable(text, MAX_DESCRIPTION))
                .filter(text -> !text.isBlank())
                .filter(text -> presented.stream().noneMatch(secret -> !secret.isEmpty() && text.contains(secret)))
                .ifPresent(text -> message.append(" (").append(text).append(")"));
        hint().ifPresent(hint -> message.append(". ").append(hint));
        return new IdentityRejectedException(message.toString());
    }

    private Optional<String> hint() {
        return Optional.ofNullable(switch (code) {
            case "invalid_grant", "bad_verification_code" -> "The code is unknown, already used or expired (a code"
                    + " is single-use and lives a few minutes), or the PKCE code_verifier does not match the"
                    + " code_challenge of the authorization request";
            case "redirect_uri_mismatch" -> "The redirect_uri must be exactly the one used in the authorization"
                    + " request and registered with the provider";
            case "invalid_client", "unauthorized_client", "incorrect_client_credentials" -> "The client id or client"
                    + " secret configured for this provider is wrong, or the client may not use this flow";
            case "invalid_request" -> "A parameter is missing or malformed: check the redirect_uri and the"
                    + " code_verifier";
            default -> null;
        });
    }

    // Keeps a provider's words to one short line of visible characters.
    private static String printable(String text, int max) {
        String line = text.replaceAll("[\\p{Cntrl}]", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
