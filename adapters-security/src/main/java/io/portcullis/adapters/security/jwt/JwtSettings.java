package io.portcullis.adapters.security.jwt;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How tokens are signed and checked.
 *
 * @param algorithm the JWS algorithm, such as {@code HS256}; a token signed with any other is refused
 * @param secret the HMAC key (setting {@code jwt.secret}), empty for RS* and ES*; copied in and out so
 *     callers cannot change it
 * @param issuer written as {@code iss} and then required on decode, when present
 * @param audience written as {@code aud} and then required on decode, when present
 * @param leeway tolerated clock skew when checking {@code exp}
 */
public record JwtSettings(
        String algorithm, byte[] secret, Optional<String> issuer, Optional<String> audience, Duration leeway) {

    public JwtSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("jwt.leeway cannot be negative");
        }
        if (issuer.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("jwt.issuer cannot be blank");
        }
        if (audience.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("jwt.audience cannot be blank");
        }
        secret = secret.clone();
    }

    /** An HMAC setup with no issuer, no audience and no leeway. */
    public static JwtSettings hmac(String algorithm, byte[] secret) {
        return new JwtSettings(algorithm, secret, Optional.empty(), Optional.empty(), Duration.ZERO);
    }

    /** An RS* or ES* setup (no secret: the keys come from a {@link KeyDirectory}), no issuer, audience or leeway. */
    public static JwtSettings keyPairs(String algorithm) {
        return new JwtSettings(algorithm, new byte[0], Optional.empty(), Optional.empty(), Duration.ZERO);
    }

    public JwtSettings withIssuer(String issuer) {
        return new JwtSettings(algorithm, secret, Optional.of(issuer), audience, leeway);
    }

    public JwtSettings withAudience(String audience) {
        return new JwtSettings(algorithm, secret, issuer, Optional.of(audience), leeway);
    }

    public JwtSettings withLeeway(Duration leeway) {
        return new JwtSettings(algorithm, secret, issuer, audience, leeway);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwtSettings that
                && algorithm.equals(that.algorithm)
                && Arrays.equals(secret, that.secret)
                && issuer.equals(that.issuer)
                && audience.equals(that.audience)
                && leeway.equals(that.leeway);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, Arrays.hashCode(secret), issuer, audience, leeway);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "JwtSettings[algorithm=" + algorithm + ", secret=<redacted>, issuer=" + issuer
                + ", audience=" + audience + ", leeway=" + leeway + "]";
    }
}
