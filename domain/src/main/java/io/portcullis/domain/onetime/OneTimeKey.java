package io.portcullis.domain.onetime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The secret a user receives by mail (a confirmation key or a reset token). Only its SHA-256
 * digest is ever stored, so a copy of the database yields no usable link.
 */
public record OneTimeKey(String value) {

    public OneTimeKey {
        if (value == null || value.isBlank() || value.length() > 512) {
            throw new IllegalArgumentException("a one-time key is 1 to 512 characters");
        }
    }

    /** The digest under which the key is stored and looked up. */
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
        return "OneTimeKey[hidden]";
    }
}
