package io.portcullis.adapters.rest.describe;

import io.portcullis.domain.profile.Choice;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One field of a request or of the answer of an endpoint, as the OPTIONS metadata, the browsable
 * page and the OpenAPI document all show it.
 *
 * @param type DRF's metadata type: {@code string}, {@code email}, {@code integer} or {@code choice}
 * @param readOnly shown in answers only; a request's value is ignored
 * @param secret a password: the page's form hides what is typed
 * @param pattern a regular expression the value must match, when configured
 */
public record FieldSpec(
        String name,
        String type,
        boolean required,
        boolean readOnly,
        String label,
        OptionalInt minLength,
        OptionalInt maxLength,
        List<Choice> choices,
        Optional<String> pattern,
        Optional<String> helpText,
        boolean secret) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(minLength, "minLength");
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(helpText, "helpText");
        choices = List.copyOf(choices);
    }

    static FieldSpec of(String name, String type, boolean required, String label) {
        return new FieldSpec(name, type, required, false, label, OptionalInt.empty(), OptionalInt.empty(), List.of(),
                Optional.empty(), Optional.empty(), false);
    }

    static FieldSpec string(String name, boolean required, String label) {
        return of(name, "string", required, label);
    }

    static FieldSpec email(String name, boolean required, String label) {
        return of(name, "email", required, label);
    }

    static FieldSpec password(String name, String label) {
        return new FieldSpec(name, "string", true, false, label, OptionalInt.empty(), OptionalInt.empty(), List.of(),
                Optional.empty(), Optional.empty(), true);
    }

    FieldSpec asReadOnly() {
        return new FieldSpec(name, type, false, true, label, minLength, maxLength, choices, pattern, helpText, secret);
    }

    /** The field as a request may leave it out, its rules otherwise the same. */
    FieldSpec asOptional() {
        return new FieldSpec(name, type, false, readOnly, label, minLength, maxLength, choices, pattern, helpText, secret);
    }

    FieldSpec withLengths(OptionalInt min, OptionalInt max) {
        return new FieldSpec(name, type, required, readOnly, label, min, max, choices, pattern, helpText, secret);
    }

    FieldSpec withChoices(List<Choice> values) {
        return new FieldSpec(name, type, required, readOnly, label, minLength, maxLength, values, pattern, helpText, secret);
    }

    FieldSpec withPattern(Optional<String> regex) {
        return new FieldSpec(name, type, required, readOnly, label, minLength, maxLength, choices, regex, helpText, secret);
    }

    FieldSpec withHelp(String text) {
        return new FieldSpec(name, type, required, readOnly, label, minLength, maxLength, choices, pattern,
                Optional.of(text), secret);
    }

    public boolean isChoice() {
        return type.equals("choice");
    }
}
