package io.portcullis.domain.password;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses a password too much like one of the account's attributes, or like any word of one.
 * Similarity is the share of characters the two strings have in common (as a multiset), the
 * measure Django's validator uses, so the same passwords are refused as on a Django site.
 */
public record AttributeSimilarity(double maxSimilarity) implements PasswordRule {

    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    public AttributeSimilarity {
        if (maxSimilarity < 0.1 || maxSimilarity > 1.0) {
            throw new IllegalArgumentException("the maximum similarity must lie between 0.1 and 1.0");
        }
    }

    @Override
    public Optional<String> check(String password, Optional<PasswordSubject> subject) {
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        String candidate = password.toLowerCase(Locale.ROOT);
        for (PasswordSubject.Attribute attribute : subject.get().attributes()) {
            String value = attribute.value();
            if (value == null || value.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>(List.of(NON_WORD.split(value, -1)));
            parts.add(value);
            for (String part : parts) {
                if (similarity(candidate, part.toLowerCase(Locale.ROOT)) >= maxSimilarity) {
                    return Optional.of("The password is too similar to the " + attribute.verboseName() + ".");
                }
            }
        }
        return Optional.empty();
    }

    static double similarity(String a, String b) {
        int total = a.length() + b.length();
        if (total == 0) {
            return 1.0;
        }
        Map<Character, Integer> available = new HashMap<>();
        for (char c : b.toCharArray()) {
            available.merge(c, 1, Integer::sum);
        }
        int matches = 0;
        for (char c : a.toCharArray()) {
            Integer left = available.get(c);
            if (left != null && left > 0) {
                available.put(c, left - 1);
                matches++;
            }
        }
        return 2.0 * matches / total;
    }
}
