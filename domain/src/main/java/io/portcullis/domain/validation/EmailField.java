package io.portcullis.domain.validation;

import io.portcullis.domain.account.EmailAddress;
import java.util.Optional;

/** A required e-mail address field: the text checks first, then the address syntax. */
public final class EmailField {

    private EmailField() {}

    /** The address, or nothing with the messages recorded under {@code field}. */
    public static Optional<EmailAddress> readRequired(String field, FieldInput input, ValidationErrors.Builder errors) {
        Optional<String> text = TextField.required().maxLength(EmailAddress.MAX_LENGTH).read(field, input, errors);
        Optional<EmailAddress> email = text.flatMap(EmailAddress::parse);
        if (text.isPresent() && email.isEmpty()) {
            errors.add(field, Messages.INVALID_EMAIL);
        }
        return email;
    }
}
