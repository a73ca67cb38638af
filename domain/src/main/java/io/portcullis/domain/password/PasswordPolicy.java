package io.portcullis.domain.password;

import java.util.List;
import java.util.Optional;

/** The password validators of a deployment, run in their declared order. */
public record PasswordPolicy(List<PasswordRule> rules) {

    /** Django's four default validators with their default parameters, in Django's order. */
    public static PasswordPolicy djangoDefaults() {
        return new PasswordPolicy(List.of(
                new AttributeSimilarity(0.7), new MinimumLength(8), CommonPasswords.builtIn(), new EntirelyNumeric()));
    }

    public PasswordPolicy {
        rules = List.copyOf(rules);
    }

    /** Every message the password earns, in rule order; empty when it is acceptable. */
    public List<String> check(String password, Optional<PasswordSubject> subject) {
        return rules.stream()
                .map(rule -> rule.check(password, subject))
                .flatMap(Optional::stream)
                .toList();
    }
}
