package io.portcullis.application.social;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.KeyGenerator;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Username;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A free, valid username for an account created by social login, as allauth's
 * {@code generate_unique_username} makes one: from the provider's login name, the person's name or
 * the local part of the address, else {@code user}; reduced to ASCII letters, digits and
 * {@code . _ + -}; then a number appended until it is free.
 */
final class UsernameSuggestions {

    /** allauth keeps generated names short; a user can change theirs later when usernames are editable. */
    static final int MAX_LENGTH = 30;
    private static final int NUMBERED_TRIES = 50;

    private final AccountStore accounts;
    private final KeyGenerator keys;
    private final int minLength;
    private final int maxLength;

    UsernameSuggestions(AccountStore accounts, KeyGenerator keys, int minLength) {
        this.accounts = accounts;
        this.keys = keys;
        this.minLength = minLength;
        // Room for a number or a random tail after a name of the minimum length.
        this.maxLength = Math.min(Username.MAX_LENGTH, Math.max(MAX_LENGTH, minLength + 9));
    }

    Username suggest(ExternalIdentity identity, Optional<EmailAddress> email) {
        String base = candidates(identity, email).stream()
                .map(UsernameSuggestions::clean)
                .filter(text -> !text.isEmpty())
                .findFirst()
                .orElse("user");
        base = pad(base);
        for (int n = 1; n <= NUMBERED_TRIES; n++) {
            String suffix = n == 1 ? "" : Integer.toString(n);
            Username candidate = new Username(truncate(base, maxLength - suffix.length()) + suffix);
            if (!accounts.usernameTaken(candidate)) {
                return candidate;
            }
        }
        // A crowded name: a random tail makes a collision unlikely; the store's unique index has the last word.
        String tail = clean(keys.newKey().value()).replace("-", "");
        String random = tail.substring(0, Math.min(8, tail.length()));
        return new Username(truncate(base, maxLength - random.length() - 1) + "_" + random);
    }

    private static List<String> candidates(ExternalIdentity identity, Optional<EmailAddress> email) {
        var candidates = new ArrayList<String>();
        for (String detail : List.of("login", "preferred_username", "username", "given_name", "name")) {
            String value = identity.details().get(detail);
            if (value != null) {
                candidates.add(detail.equals("preferred_username") ? localPart(value) : value);
            }
        }
        email.ifPresent(address -> candidates.add(localPart(address.value())));
        return candidates;
    }

    private static String localPart(String text) {
        int at = text.indexOf('@');
        return at < 0 ? text : text.substring(0, at);
    }

    /** ASCII letters and digits and {@code . _ + -}, lower case; accents dropped, the rest removed. */
    static String clean(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String kept = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._+-]", "");
        return kept.replaceAll("^[._+-]+", "");
    }

    private String pad(String base) {
        var padded = new StringBuilder(base);
        while (padded.length() < minLength) {
            padded.append('0');
        }
        return padded.toString();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
