package io.portcullis.domain.password;

import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Profile;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.profile.ProfileSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The account attributes a password must not resemble, each with the name a message uses for it. */
public record PasswordSubject(List<Attribute> attributes) {

    public record Attribute(String verboseName, String value) {}

    public PasswordSubject {
        attributes = List.copyOf(attributes);
    }

    /** The username, the address and every profile value, named as Django names them. */
    public static PasswordSubject of(
            Optional<Username> username, Optional<EmailAddress> email, Profile profile, ProfileSchema schema) {
        var attributes = new ArrayList<Attribute>();
        username.ifPresent(u -> attributes.add(new Attribute("username", u.value())));
        email.ifPresent(e -> attributes.add(new Attribute("email address", e.value())));
        schema.fields().forEach(field -> profile.get(field.name())
                .ifPresent(value -> attributes.add(new Attribute(field.label().toLowerCase(Locale.ROOT), value))));
        return new PasswordSubject(attributes);
    }
}
