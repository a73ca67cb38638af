package io.portcullis.adapters.security.jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the asymmetric signing keys live and how they change.
 *
 * @param directory PEM files named {@code <kid>.pem} (setting {@code jwt.keys-dir})
 * @param generate make and store a key pair when the directory holds no private key, and when a
 *     rotation is due (setting {@code jwt.generate-keys})
 * @param rotationInterval how long a key signs before a new one takes over; empty means until an
 *     operator adds a newer key (setting {@code jwt.key-rotation-interval})
 * @param tokenLifetime the longest a token lives (the refresh lifetime plus the leeway): a key that
 *     stopped signing keeps verifying for this long, then is dropped
 */
public record KeyDirectorySettings(
        Path directory, boolean generate, Optional<Duration> rotationInterval, Duration tokenLifetime) {

    public KeyDirectorySettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(rotationInterval, "rotationInterval");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (rotationInterval.filter(d -> d.isNegative() || d.isZero()).isPresent()) {
            throw new IllegalArgumentException("the key rotation interval must be positive");
        }
        if (rotationInterval.isPresent() && !generate) {
            throw new IllegalArgumentException("rotating keys means generating them: jwt.key-rotation-interval needs"
                    + " jwt.generate-keys=true");
        }
        if (tokenLifetime.isNegative()) {
            throw new IllegalArgumentException("the token lifetime cannot be negative");
        }
    }
}
