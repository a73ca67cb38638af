package io.portcullis.adapters.security.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.SessionId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed JWTs shaped like simplejwt's ({@code token_type}, {@code exp}, {@code iat}, {@code jti},
 * numeric {@code user_id}), plus {@code sid}, the session the token belongs to.
 *
 * <p>With an HMAC algorithm one shared secret signs and verifies, and the header is PyJWT's
 * ({@code {"alg":"HS256","typ":"JWT"}}). With RS* or ES* the keys come from a {@link KeyDirectory}:
 * the header names the signing key ({@code {"alg":"RS256","kid":"...","typ":"JWT"}}), and a token is
 * verified with the key its {@code kid} names, which must be one the directory still holds. Either
 * way the configured algorithm is the only one accepted.
 */
public final class JwtTokenCodec implements TokenCodec {

    static final String TOKEN_TYPE = "token_type";
    static final String USER_ID = "user_id";
    static final String SESSION_ID = "sid";

    /** Far above any token we issue; refuses to parse megabytes of attacker input. */
    static final int MAX_TOKEN_LENGTH = 8192;

    private static final int MAX_JTI_LENGTH = 255;
    private static final int GENERATED_SECRET_BYTES = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final JwtSettings settings;
    /** The shared-secret algorithm; null with a key directory. */
    private final Algorithm hmac;
    /** The asymmetric keys; null with a shared secret. */
    private final KeyDirectory keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * A codec signing with the shared secret of the settings (HS256, HS384 or HS512).
     *
     * @throws IllegalArgumentException for an unsupported algorithm or a secret too short for it
     */
    public JwtTokenCodec(JwtSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hmac = SigningAlgorithms.fromSettings(settings);
        this.keys = null;
    }

    /**
     * A codec signing with the keys of a directory (RS* or ES*, the directory's algorithm).
     *
     * @throws IllegalArgumentException when the settings name another algorithm than the directory's
     */
    public JwtTokenCodec(JwtSettings settings, KeyDirectory keys) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.hmac = null;
        if (!keys.algorithm().name().equals(settings.algorithm())) {
            throw new IllegalArgumentException("jwt.algorithm " + settings.algorithm() + " but the key directory holds "
                    + keys.algorithm() + " keys");
        }
    }

    /** A random secret long enough for every supported HMAC algorithm, for development setups. */
    public static byte[] generateSecret() {
        byte[] secret = new byte[GENERATED_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    @Override
    public String encode(TokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        // Header and claims in PyJWT's order: for the same claims and key the token is byte for byte
        // the one simplejwt would issue.
        Algorithm algorithm;
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", settings.algorithm());
        if (keys == null) {
            algorithm = hmac;
        } else {
            KeyDirectory.Key key = keys.signingKey();
            algorithm = key.algorithm();
            header.put("kid", key.kid());
        }
        // PyJWT sorts the header's keys: alg, kid, typ.
        header.put("typ", "JWT");
        JWTCreator.Builder builder = JWT.create()
                .withHeader(header)
                .withClaim(TOKEN_TYPE, claims.type().claim())
                .withExpiresAt(claims.expiresAt())
                .withIssuedAt(claims.issuedAt())
                .withJWTId(claims.jti())
                .withClaim(USER_ID, claims.account().value())
                .withClaim(SESSION_ID, claims.session().value());
        settings.issuer().ifPresent(builder::withIssuer);
        settings.audience().ifPresent(builder::withAudience);
        return builder.sign(algorithm);
    }

    /**
     * Never throws for a bad token: every failure is an {@link Decoded.Invalid} with a short reason
     * fit for logs (it never echoes the token). {@code now} is required: a missing clock is a bug.
     */
    @Override
    public Decoded decode(String token, Instant now) {
        Objects.requireNonNull(now, "now");
        if (token == null || token.isBlank()) {
            return invalid("empty token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return invalid("token too long");
        }
        try {
            DecodedJWT unverified = JWT.decode(token);
            // The allow-list: the configured algorithm alone, whatever the header says (none, HS256
            // with a public key as its secret...), checked before any key is looked up.
            if (!settings.algorithm().equals(unverified.getAlgorithm())) {
                return invalid("algorithm not allowed");
            }
            Algorithm algorithm;
            if (keys == null) {
                algorithm = hmac;
            } else {
                String kid = unverified.getKeyId();
                if (kid == null || kid.isBlank()) {
                    return invalid("no kid");
                }
                Optional<KeyDirectory.Key> key = keys.verifyingKey(kid, now);
                if (key.isEmpty()) {
                    return invalid("unknown kid");
                }
                algorithm = key.get().algorithm();
            }
            return readClaims(verifier(algorithm, now).verify(unverified), now);
        } catch (AlgorithmMismatchException e) {
            return invalid("algorithm not allowed");
        } catch (SignatureVerificationException e) {
            return invalid("bad signature");
        } catch (TokenExpiredException e) {
            return invalid("expired");
        } catch (MissingClaimException e) {
            return invalid("missing claim " + e.getClaimName());
        } catch (IncorrectClaimException e) {
            return invalid("wrong claim " + e.getClaimName());
        } catch (JWTDecodeException e) {
            return invalid("malformed token");
        } catch (RuntimeException e) {
            return invalid("unreadable token");
        }
    }

    @Override
    public String newTokenId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** Checks signature, algorithm (only the configured one), iss and aud. */
    private JWTVerifier verifier(Algorithm algorithm, Instant now) {
        // java-jwt takes whole seconds; rounding up keeps it from refusing what our own exp check allows.
        long leewaySeconds = ceilSeconds(settings.leeway());
        Verification verification = JWT.require(algorithm).acceptLeeway(leewaySeconds)
                // iat is checked for presence below, not against the clock: a node slightly ahead must
                // not make its fresh tokens unusable on the others.
                .ignoreIssuedAt();
        settings.issuer().ifPresent(verification::withIssuer);
        settings.audience().ifPresent(verification::withAudience);
        return ((JWTVerifier.BaseVerification) verification).build(Clock.fixed(now, ZoneOffset.UTC));
    }

    private Decoded readClaims(DecodedJWT jwt, Instant now) {
        Optional<TokenType> type = string(jwt.getClaim(TOKEN_TYPE)).flatMap(TokenType::fromClaim);
        if (type.isEmpty()) {
            return invalid("missing or unknown token_type");
        }
        Optional<Long> expiresAt = integer(jwt.getClaim("exp"));
        if (expiresAt.isEmpty()) {
            return invalid("missing or non-integer exp");
        }
        Optional<Long> issuedAt = integer(jwt.getClaim("iat"));
        if (issuedAt.isEmpty()) {
            return invalid("missing or non-integer iat");
        }
        Instant expiry = Instant.ofEpochSecond(expiresAt.get());
        // Expired at exp itself, as in PyJWT: valid while now - leeway < exp.
        if (!now.minus(settings.leeway()).isBefore(expiry)) {
            return invalid("expired");
        }
        Optional<String> jti = string(jwt.getClaim("jti")).filter(id -> id.length() <= MAX_JTI_LENGTH);
        if (jti.isEmpty()) {
            return invalid("missing or invalid jti");
        }
        Optional<Long> userId = integer(jwt.getClaim(USER_ID)).filter(id -> id > 0);
        if (userId.isEmpty()) {
            return invalid("missing or invalid user_id");
        }
        Optional<String> sessionId = string(jwt.getClaim(SESSION_ID)).filter(JwtTokenCodec::isSessionId);
        if (sessionId.isEmpty()) {
            return invalid("missing or invalid sid");
        }
        return new Decoded.Valid(new TokenClaims(
                type.get(),
                new AccountId(userId.get()),
                new SessionId(sessionId.get()),
                jti.get(),
                Instant.ofEpochSecond(issuedAt.get()),
                expiry));
    }

    private static Optional<String> string(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return Optional.empty();
        }
        return claim.as(Object.class) instanceof String value && !value.isBlank()
                ? Optional.of(value)
                : Optional.empty();
    }

    /** A JSON integer that fits a long: not a string of digits, not 1.5, not a huge number. */
    private static Optional<Long> integer(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return Optional.empty();
        }
        Object value = claim.as(Object.class);
        if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            // Keeps Instant.ofEpochSecond from failing on absurd dates.
            return Math.abs(number) <= Instant.MAX.getEpochSecond() ? Optional.of(number) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isSessionId(String value) {
        try {
            new SessionId(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static Decoded invalid(String reason) {
        return new Decoded.Invalid(reason);
    }

    @Override
    public String toString() {
        return "JwtTokenCodec[" + settings.algorithm() + (keys == null ? "" : ", " + keys) + "]";
    }
}
