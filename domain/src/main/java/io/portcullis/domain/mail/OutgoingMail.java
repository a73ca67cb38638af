package io.portcullis.domain.mail;

import io.portcullis.domain.account.EmailAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message waiting to be written: what it is, to whom, in which language, and the values its
 * templates show (site name, user display name, the link...). Rendering happens at delivery.
 */
public record OutgoingMail(MailKind kind, EmailAddress to, String language, Map<String, String> variables) {

    public OutgoingMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(language, "language");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    @Override
    public String toString() {
        // Variables carry one-time links: keep them out of logs.
        return "OutgoingMail[" + kind + " in " + language + "]";
    }
}
