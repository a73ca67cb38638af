package io.portcullis.domain.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A login name under Django's rules: letters, digits and {@code @ . + - _}, at most 150 characters. */
public record Username(String value) {

    public static final int MAX_LENGTH = 150;
    private static final Pattern ALLOWED = Pattern.compile("^[\\w.@+-]+$", Pattern.UNICODE_CHARACTER_CLASS);

    public Username {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid username");
        }
    }

    public static Optional<Username> parse(String text) {
        return isValid(text) ? Optional.of(new Username(text)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_LENGTH && ALLOWED.matcher(text).matches();
    }

    /** Usernames are unique regardless of letter case, as allauth treats them. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
