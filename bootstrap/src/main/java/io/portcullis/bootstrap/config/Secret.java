package io.portcullis.bootstrap.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A configured secret (the JWT signing key, the database password). Its {@code toString} never
 * shows the value, so a configuration record can be logged or printed safely.
 */
public final class Secret {

    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    /** The text, for the one adapter that needs it. Never log it. */
    public String reveal() {
        return value;
    }

    /** The UTF-8 bytes of the text, as a key: Django's SECRET_KEY is used the same way. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && MessageDigest.isEqual(bytes(), that.bytes());
    }

    @Override
    public int hashCode() {
        return Secret.class.hashCode();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "Secret[empty]" : "Secret[hidden]";
    }
}
