package io.portcullis.domain.password;

import java.util.Optional;

public record EntirelyNumeric() implements PasswordRule {

    @Override
    public Optional<String> check(String password, Optional<PasswordSubject> subject) {
        boolean numeric = !password.isEmpty() && password.codePoints().allMatch(Character::isDigit);
        return numeric ? Optional.of("This password is entirely numeric.") : Optional.empty();
    }
}
