package io.portcullis.adapters.mail.sender;

import io.portcullis.domain.account.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A message ready to be handed over: one recipient, a single-line subject, the plain text and,
 * when the template set has one, an HTML alternative.
 */
public record RenderedMail(EmailAddress to, String subject, String text, Optional<String> html) {

    public RenderedMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            // A line break in a header would let a value add headers of its own.
            throw new IllegalArgumentException("a subject is a single line");
        }
    }

    @Override
    public String toString() {
        // The text carries one-time links: keep it out of logs.
        return "RenderedMail[" + (html.isPresent() ? "text and html" : "text") + "]";
    }
}
