package io.portcullis.application.settings;

import java.time.Duration;
import java.util.Objects;

/** Lifetimes and rotation of access and refresh tokens (simplejwt's SIMPLE_JWT settings). */
public record TokenSettings(
        Duration accessLifetime,
        Duration refreshLifetime,
        boolean rotateRefreshTokens,
        boolean blacklistAfterRotation) {

    public TokenSettings {
        Objects.requireNonNull(accessLifetime, "accessLifetime");
        Objects.requireNonNull(refreshLifetime, "refreshLifetime");
        if (accessLifetime.isNegative() || accessLifetime.isZero()) {
            throw new IllegalArgumentException("the access token lifetime must be positive");
        }
        if (refreshLifetime.compareTo(accessLifetime) < 0) {
            throw new IllegalArgumentException("the refresh token lifetime must not be shorter than the access token's");
        }
    }

    public static TokenSettings simpleJwtDefaults() {
        return new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), true, true);
    }
}
