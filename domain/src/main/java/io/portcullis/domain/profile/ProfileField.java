package io.portcullis.domain.profile;

import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.Messages;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A custom attribute of accounts declared in settings, with the rules its values obey.
 * {@code editable} false means the value is set at registration and read-only afterwards.
 */
public record ProfileField(
        String name,
        String label,
        ProfileFieldType type,
        List<Choice> choices,
        int maxLength,
        Optional<Pattern> pattern,
        boolean required,
        boolean editable) {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    public ProfileField {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pattern, "pattern");
        choices = List.copyOf(choices);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "profile field name '" + name + "' must be lower case letters, digits and _ , starting with a letter");
        }
        if (type == ProfileFieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice field '" + name + "' needs at least one choice");
        }
        if (type == ProfileFieldType.TEXT && !choices.isEmpty()) {
            throw new IllegalArgumentException("text field '" + name + "' cannot have choices");
        }
        if (maxLength <= 0) {
            throw new IllegalArgumentException("field '" + name + "' needs a positive maximum length");
        }
    }

    /** Checks one input; returns the value to store, or nothing when absent or invalid. */
    public Optional<String> read(FieldInput input, boolean mustBePresent, ValidationErrors.Builder errors) {
        return switch (type) {
            case TEXT -> readText(input, mustBePresent, errors);
            case CHOICE -> readChoice(input, mustBePresent, errors);
        };
    }

    private Optional<String> readText(FieldInput input, boolean mustBePresent, ValidationErrors.Builder errors) {
        TextField rules = new TextField(mustBePresent, !required, maxLength, 0);
        Optional<String> value = rules.read(name, input, errors);
        if (value.isPresent() && !value.get().isEmpty() && pattern.isPresent()
                && !pattern.get().matcher(value.get()).matches()) {
            errors.add(name, Messages.PATTERN_MISMATCH);
            return Optional.empty();
        }
        return value;
    }

    private Optional<String> readChoice(FieldInput input, boolean mustBePresent, ValidationErrors.Builder errors) {
        return switch (input) {
            case FieldInput.Absent a -> {
                if (mustBePresent) {
                    errors.add(name, Messages.REQUIRED);
                }
                yield Optional.empty();
            }
            case FieldInput.Null n -> {
                errors.add(name, Messages.NULL);
                yield Optional.empty();
            }
            case FieldInput.NotText n -> {
                errors.add(name, Messages.notAChoice(n.shape()));
                yield Optional.empty();
            }
            case FieldInput.Text t -> {
                if (t.value().isEmpty() && !required) {
                    yield Optional.of("");
                }
                if (choices.stream().anyMatch(c -> c.value().equals(t.value()))) {
                    yield Optional.of(t.value());
                }
                errors.add(name, Messages.notAChoice(t.value()));
                yield Optional.empty();
            }
        };
    }
}
