package io.portcullis.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks every text field goes through before its own rules: presence, null, shape, blank and
 * length. Leading and trailing whitespace is dropped, as dj-rest-auth does, so values (passwords
 * included) compare the same way they did on a Django site.
 */
public record TextField(boolean mandatory, boolean allowBlank, int maxLength, int minLength) {

    public static TextField required() {
        return new TextField(true, false, Integer.MAX_VALUE, 0);
    }

    public static TextField optional() {
        return new TextField(false, false, Integer.MAX_VALUE, 0);
    }

    public TextField maxLength(int max) {
        return new TextField(mandatory, allowBlank, max, minLength);
    }

    public TextField allowingBlank() {
        return new TextField(mandatory, true, maxLength, minLength);
    }

    public TextField requiredIf(boolean isRequired) {
        return new TextField(isRequired, allowBlank, maxLength, minLength);
    }

    /** The outcome of the generic checks: a trimmed value, nothing (absent), or messages. */
    public sealed interface Result {
        record Value(String text) implements Result {}

        record Missing() implements Result {}

        record Invalid(List<String> messages) implements Result {}
    }

    public Result check(FieldInput input) {
        return switch (input) {
            case FieldInput.Absent a -> mandatory ? invalid(Messages.REQUIRED) : new Result.Missing();
            case FieldInput.Null n -> invalid(Messages.NULL);
            case FieldInput.NotText n -> invalid(Messages.NOT_TEXT);
            case FieldInput.Text t -> checkText(t.value().strip());
        };
    }

    private Result checkText(String text) {
        if (text.isEmpty()) {
            return allowBlank ? new Result.Value(text) : invalid(Messages.BLANK);
        }
        List<String> messages = new ArrayList<>();
        if (text.codePointCount(0, text.length()) > maxLength) {
            messages.add(Messages.tooLong(maxLength));
        }
        if (text.codePointCount(0, text.length()) < minLength) {
            messages.add(Messages.tooShort(minLength));
        }
        return messages.isEmpty() ? new Result.Value(text) : new Result.Invalid(messages);
    }

    /** Runs the checks and records any messages under {@code field}; the value when it passed. */
    public Optional<String> read(String field, FieldInput input, ValidationErrors.Builder errors) {
        return switch (check(input)) {
            case Result.Value v -> Optional.of(v.text());
            case Result.Missing m -> Optional.empty();
            case Result.Invalid i -> {
                errors.addAll(field, i.messages());
                yield Optional.empty();
            }
        };
    }

    private static Result invalid(String message) {
        return new Result.Invalid(List.of(message));
    }
}
