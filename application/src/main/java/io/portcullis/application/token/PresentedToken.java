package io.portcullis.application.token;

import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.Optional;

/**
 * A token field of a request body, with the cookie that stands in for it when the body has none.
 * The body wins; the cookie is read only when the field is absent, as dj-rest-auth does.
 */
record PresentedToken(String field, FieldInput body, Optional<String> cookie) {

    /** The outcome of reading the token: a value, no token at all, or field errors. */
    sealed interface Reading {
        record Present(String token) implements Reading {}

        record Missing() implements Reading {}

        record Malformed(ValidationErrors errors) implements Reading {}
    }

    Reading read() {
        var errors = ValidationErrors.builder();
        Optional<String> fromBody = TextField.optional().read(field, body, errors);
        if (errors.hasErrors()) {
            return new Reading.Malformed(errors.build());
        }
        return fromBody.or(() -> cookie.filter(c -> !c.isBlank()))
                .<Reading>map(Reading.Present::new)
                .orElseGet(Reading.Missing::new);
    }
}
