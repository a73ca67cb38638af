package io.portcullis.domain.password;

import java.util.Optional;

public record MinimumLength(int minimum) implements PasswordRule {

    public MinimumLength {
        if (minimum < 1) {
            throw new IllegalArgumentException("the minimum password length must be at least 1");
        }
    }

    @Override
    public Optional<String> check(String password, Optional<PasswordSubject> subject) {
        if (password.codePointCount(0, password.length()) >= minimum) {
            return Optional.empty();
        }
        String unit = minimum == 1 ? "character" : "characters";
        return Optional.of("This password is too short. It must contain at least " + minimum + " " + unit + ".");
    }
}
