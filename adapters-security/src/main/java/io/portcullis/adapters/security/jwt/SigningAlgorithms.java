package io.portcullis.adapters.security.jwt;

import com.auth0.jwt.algorithms.Algorithm;
import java.util.function.Function;

/**
 * Turns the configured HMAC algorithm name and its secret into a java-jwt {@link Algorithm}.
 * Asymmetric algorithms take their keys from a {@link KeyDirectory} instead.
 */
final class SigningAlgorithms {

    static final String SUPPORTED = "HS256, HS384, HS512";

    private SigningAlgorithms() {}

    static Algorithm fromSettings(JwtSettings settings) {
        return switch (settings.algorithm()) {
            case "HS256" -> hmac(settings, 32, Algorithm::HMAC256);
            case "HS384" -> hmac(settings, 48, Algorithm::HMAC384);
            case "HS512" -> hmac(settings, 64, Algorithm::HMAC512);
            default -> throw new IllegalArgumentException(JwsAlgorithm.named(settings.algorithm())
                    .filter(JwsAlgorithm::asymmetric)
                    .map(a -> "jwt.algorithm " + a + " signs with a key pair from a key directory, not a secret;"
                            + " with a secret use one of " + SUPPORTED)
                    .orElse("jwt.algorithm " + settings.algorithm() + " is not supported; use one of " + SUPPORTED));
        };
    }

    /** RFC 7518 3.2: an HMAC key must be at least as long as the hash output. */
    private static Algorithm hmac(JwtSettings settings, int minimumBytes, Function<byte[], Algorithm> factory) {
        byte[] secret = settings.secret();
        if (secret.length < minimumBytes) {
            throw new IllegalArgumentException("jwt.secret must be at least " + minimumBytes + " bytes for "
                    + settings.algorithm());
        }
        return factory.apply(secret);
    }
}
