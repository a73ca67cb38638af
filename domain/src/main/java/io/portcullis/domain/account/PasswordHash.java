package io.portcullis.domain.account;

/**
 * A stored password hash in its encoded form (algorithm, parameters, salt and digest), or Django's
 * unusable password: {@code !} and random characters, which no password ever matches. Accounts
 * created by social login carry one until their owner sets a password.
 */
public record PasswordHash(String encoded) {

    /** Django's UNUSABLE_PASSWORD_PREFIX: no hasher's encoding starts with it. */
    public static final String UNUSABLE_PREFIX = "!";

    public PasswordHash {
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("a password hash cannot be empty");
        }
    }

    /**
     * An unusable password, as Django's {@code set_unusable_password()} stores it.
     *
     * @param randomSuffix random characters, so two unusable passwords are never the same text
     */
    public static PasswordHash unusable(String randomSuffix) {
        if (randomSuffix == null || randomSuffix.isBlank() || randomSuffix.startsWith(UNUSABLE_PREFIX)) {
            throw new IllegalArgumentException("an unusable password needs random characters after the prefix");
        }
        return new PasswordHash(UNUSABLE_PREFIX + randomSuffix);
    }

    /** False for an unusable password: logging in with a password must fail whatever is typed. */
    public boolean usable() {
        return !encoded.startsWith(UNUSABLE_PREFIX);
    }

    /** The algorithm prefix of the encoded form, such as {@code argon2id} or {@code pbkdf2_sha256}. */
    public String algorithm() {
        if (!usable()) {
            return UNUSABLE_PREFIX;
        }
        String body = encoded.startsWith("$") ? encoded.substring(1) : encoded;
        int end = body.indexOf('$');
        return end < 0 ? body : body.substring(0, end);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm() + "]";
    }
}
