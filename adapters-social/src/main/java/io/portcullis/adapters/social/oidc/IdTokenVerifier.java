package io.portcullis.adapters.social.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.portcullis.adapters.social.http.ProviderHttp;
import io.portcullis.application.port.IdentityRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks: a signature by one of the provider's
 * published keys with an accepted algorithm, the issuer, the audience and authorized party, the
 * times with a small allowance for clock skew, and the nonce.
 */
final class IdTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final String ACCEPTED_NAMES = ACCEPTED_ALGORITHMS.stream()
            .map(JWSAlgorithm::getName).sorted().collect(Collectors.joining(", "));
    private static final int MAX_QUOTED = 100;

    private final String provider;
    private final String clientId;
    private final SigningKeys signingKeys;
    private final Clock clock;

    IdTokenVerifier(String provider, String clientId, SigningKeys signingKeys, Clock clock) {
        this.provider = provider;
        this.clientId = clientId;
        this.signingKeys = signingKeys;
        this.clock = clock;
    }

    /**
     * @param signed a token {@link #signedToken} accepted
     * @param expectedNonce the nonce of the authorization request; a token must carry it exactly, and
     *     carry none when there was none
     * @return the token's claims, once every check has passed
     */
    JWTClaimsSet verify(SignedJWT signed, ProviderMetadata metadata, Optional<String> expectedNonce) {
        checkSignature(signed, metadata);
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw rejected("its claims are not a JSON object");
        }
        checkIssuer(claims, new IssuerPattern(metadata.issuer()));
        checkAudience(claims);
        checkTimes(claims);
        checkNonce(claims, expectedNonce);
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw rejected("it names no subject (sub)");
        }
        return claims;
    }

    /** The token as a signed JWT with an accepted algorithm: what can be refused before asking the provider. */
    SignedJWT signedToken(String idToken) {
        if (idToken.length() > ProviderHttp.MAX_TOKEN_LENGTH) {
            throw rejected("it is too long to be one");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken.strip());
        } catch (ParseException e) {
            throw rejected("it is not a well-formed JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw rejected("it is not signed (alg none)");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw rejected("it is encrypted, which is not supported");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ACCEPTED_ALGORITHMS.contains(algorithm)) {
            throw rejected("it is signed with " + quoted(algorithm.getName()) + ", which is not accepted (accepted: "
                    + ACCEPTED_NAMES + ")");
        }
        return signed;
    }

    private void checkSignature(SignedJWT signed, ProviderMetadata metadata) {
        List<JWK> keys = signingKeys.candidates(metadata.jwksUri(), signed.getHeader());
        if (keys.isEmpty()) {
            throw rejected("it is signed with a key " + provider + " does not publish");
        }
        for (JWK key : keys) {
            if (verifies(signed, key)) {
                return;
            }
        }
        throw rejected("its signature does not verify with " + provider + "'s published keys");
    }

    private static boolean verifies(SignedJWT signed, JWK key) {
        try {
            JWSVerifier verifier = switch (key) {
                case RSAKey rsa -> new RSASSAVerifier(rsa);
                case ECKey ec -> new ECDSAVerifier(ec);
                default -> null;
            };
            return verifier != null && signed.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private void checkIssuer(JWTClaimsSet claims, IssuerPattern issuer) {
        if (!issuer.matches(claims)) {
            throw rejected("it was issued by " + quoted(claims.getIssuer()) + ", not by " + issuer.issuer());
        }
    }

    private void checkAudience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            throw rejected("it was issued to another client: its audience does not include this client id");
        }
        // With this client as the only audience, azp may name a sibling client that obtained the token:
        // Google's Android and iOS sign-in put the app's client id there and the web client id in aud.
        if (audience.size() > 1) {
            Object authorizedParty = claims.getClaim("azp");
            if (authorizedParty == null) {
                throw rejected("it has several audiences but names no authorized party (azp)");
            }
            if (!clientId.equals(authorizedParty)) {
                throw rejected("it has several audiences and its authorized party (azp) is another client");
            }
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        Date issuedAt = claims.getIssueTime();
        Date notBefore = claims.getNotBeforeTime();
        if (expiry == null) {
            throw rejected("it has no expiry (exp)");
        }
        if (issuedAt == null) {
            throw rejected("it has no issue time (iat)");
        }
        if (!now.isBefore(expiry.toInstant().plus(CLOCK_SKEW))) {
            throw rejected("it expired at " + expiry.toInstant());
        }
        if (issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw rejected("it was issued in the future (" + issuedAt.toInstant() + "): check the server's clock");
        }
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw rejected("it is not valid before " + notBefore.toInstant() + ": check the server's clock");
        }
    }

    private void checkNonce(JWTClaimsSet claims, Optional<String> expectedNonce) {
        Object nonce = claims.getClaim("nonce");
        if (expectedNonce.isEmpty()) {
            if (nonce != null) {
                throw rejected("it carries a nonce but none was given: send the nonce of the authorization request");
            }
            return;
        }
        if (nonce == null) {
            throw rejected("a nonce was given but it carries none");
        }
        if (!(nonce instanceof String text) || !MessageDigest.isEqual(text.getBytes(StandardCharsets.UTF_8),
                expectedNonce.get().getBytes(StandardCharsets.UTF_8))) {
            throw rejected("its nonce does not match the nonce of the authorization request");
        }
    }

    private IdentityRejectedException rejected(String why) {
        return new IdentityRejectedException(provider + " ID token refused: " + why);
    }

    // What a token claims is shown cut short: it comes from whoever made the token.
    private static String quoted(String text) {
        if (text == null) {
            return "nobody";
        }
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return "'" + (line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "...") + "'";
    }
}
