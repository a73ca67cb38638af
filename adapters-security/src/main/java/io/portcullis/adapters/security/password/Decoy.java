package io.portcullis.adapters.security.password;

import io.portcullis.domain.account.PasswordHash;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;

/** A hash of a random password, made on first use and kept: its cost is paid once, not per login. */
final class Decoy {

    private final Function<String, PasswordHash> hasher;
    private volatile PasswordHash hash;

    Decoy(Function<String, PasswordHash> hasher) {
        this.hasher = hasher;
    }

    PasswordHash get() {
        PasswordHash result = hash;
        if (result == null) {
            synchronized (this) {
                result = hash;
                if (result == null) {
                    result = hasher.apply(randomPassword());
                    hash = result;
                }
            }
        }
        return result;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
