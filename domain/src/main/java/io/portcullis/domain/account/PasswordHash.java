package io.portcullis.domain.account;

/** A stored password hash in its encoded form (algorithm, parameters, salt and digest). */
public record PasswordHash(String encoded) {

    public PasswordHash {
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("a password hash cannot be empty");
        }
    }

    /** The algorithm prefix of the encoded form, such as {@code argon2id} or {@code pbkdf2_sha256}. */
    public String algorithm() {
        String body = encoded.startsWith("$") ? encoded.substring(1) : encoded;
        int end = body.indexOf('$');
        return end < 0 ? body : body.substring(0, end);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm() + "]";
    }
}
