package io.portcullis.domain.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address, kept as the user typed it. Two addresses are the same account when their
 * {@link #canonical()} forms are equal, which is how allauth compares them.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    // Dot-atom local part or quoted string; the domain is a host name with a TLD of letters,
    // or a bracketed IP literal. Close to Django's EmailValidator, which the reference uses.
    private static final Pattern LOCAL_PART = Pattern.compile(
            "(?i)^([-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
                    + "|\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\")$");
    private static final Pattern DOMAIN_PART = Pattern.compile(
            "(?i)^((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
                    + "(?:[A-Z]{2,63}|xn--[A-Z0-9]{1,59}))\\.?$");
    private static final Pattern IP_LITERAL = Pattern.compile("^\\[[0-9A-Fa-f:.]+]$");

    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid e-mail address");
        }
    }

    public static Optional<EmailAddress> parse(String text) {
        return isValid(text) ? Optional.of(new EmailAddress(text)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            return false;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return false;
        }
        return DOMAIN_PART.matcher(domain).matches() || IP_LITERAL.matcher(domain).matches();
    }

    /** The form used for look-ups and uniqueness: the whole address in lower case. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
