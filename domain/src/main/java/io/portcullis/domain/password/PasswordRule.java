package io.portcullis.domain.password;

import java.util.Optional;

/** One password validator. Rules that need the account's attributes skip when there is no subject. */
public interface PasswordRule {

    /** The message for a password that breaks this rule, or nothing when it passes. */
    Optional<String> check(String password, Optional<PasswordSubject> subject);
}
