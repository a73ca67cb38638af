package io.portcullis.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The opaque key of a session in token mode ({@code Authorization: Token <key>}, dj-rest-auth's
 * default): random, at least 128 bits, handed to the client once. Only its SHA-256 digest is
 * stored, so a copy of the database yields no usable key.
 */
public record SessionKey(String value) {

    public SessionKey {
        if (value == null || value.isBlank() || value.length() > 512) {
            throw new IllegalArgumentException("a session key is 1 to 512 characters");
        }
    }

    /** The digest under which the key is stored and looked up: 64 lower-case hex digits. */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SessionKey[hidden]";
    }
}
