package io.portcullis.adapters.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.portcullis.application.port.TokenCodec.Decoded;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.domain.session.TokenType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RS* and ES* tokens: the kid header, verification from the published JWK alone, and forgeries refused. */
class AsymmetricSigningTest {

    static final Instant NOW = KeyDirectoryTest.START;

    @TempDir
    Path keys;

    final TestClock clock = new TestClock(NOW);

    KeyDirectory directory(JwsAlgorithm algorithm) {
        return KeyDirectory.open(algorithm, new KeyDirectorySettings(keys, true, Optional.empty(), Duration.ofDays(1)),
                clock);
    }

    static TokenClaims claims(TokenType type, Instant issued) {
        return new TokenClaims(type, new AccountId(42), new SessionId("session-42"),
                "0123456789abcdef0123456789abcdef", issued, issued.plusSeconds(300));
    }

    static String json(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A public key rebuilt from nothing but a JWK, as another service would. */
    static PublicKey fromJwk(Map<String, Object> jwk) throws Exception {
        var decoder = Base64.getUrlDecoder();
        if (jwk.get("kty").equals("RSA")) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode((String) jwk.get("n"))),
                    new BigInteger(1, decoder.decode((String) jwk.get("e")))));
        }
        String curve = switch ((String) jwk.get("crv")) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            default -> "secp521r1";
        };
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, decoder.decode((String) jwk.get("x"))),
                        new BigInteger(1, decoder.decode((String) jwk.get("y")))),
                parameters.getParameterSpec(ECParameterSpec.class)));
    }

    static Algorithm verifierOnly(String alg, PublicKey key) {
        return switch (alg) {
            case "RS256" -> Algorithm.RSA256((RSAPublicKey) key, null);
            case "RS384" -> Algorithm.RSA384((RSAPublicKey) key, null);
            case "RS512" -> Algorithm.RSA512((RSAPublicKey) key, null);
            case "ES256" -> Algorithm.ECDSA256((ECPublicKey) key, null);
            case "ES384" -> Algorithm.ECDSA384((ECPublicKey) key, null);
            default -> Algorithm.ECDSA512((ECPublicKey) key, null);
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> onlyJwk(KeyDirectory directory) {
        return ((List<Map<String, Object>>) directory.jwkSet().get("keys")).getFirst();
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"})
    void signsWithAKeyIdThatAVerifierHoldingOnlyTheJwkAccepts(JwsAlgorithm algorithm) throws Exception {
        KeyDirectory directory = directory(algorithm);
        var codec = new JwtTokenCodec(JwtSettings.keyPairs(algorithm.name()), directory);
        TokenClaims claims = claims(TokenType.ACCESS, NOW);

        String token = codec.encode(claims);

        String kid = directory.signingKey().kid();
        assertThat(json(token.split("\\.")[0]))
                .isEqualTo("{\"alg\":\"" + algorithm + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}");
        assertThat(codec.decode(token, NOW)).isEqualTo(new Decoded.Valid(claims));
        Map<String, Object> jwk = onlyJwk(directory);
        assertThat(jwk).containsEntry("kid", kid).containsEntry("alg", algorithm.name());
        var verified = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(
                verifierOnly(algorithm.name(), fromJwk(jwk)))).build(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .verify(token);
        assertThat(verified.getClaim("user_id").asLong()).isEqualTo(42L);
    }

    @Test
    void refusesASettingsAlgorithmOtherThanTheDirectorysAndAnHmacCodecForKeyPairs() {
        KeyDirectory directory = directory(JwsAlgorithm.ES256);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtTokenCodec(JwtSettings.keyPairs("RS256"), directory))
                .withMessageContaining("ES256");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtTokenCodec(JwtSettings.keyPairs("RS256")))
                .withMessageContaining("key pair");
    }

    @Test
    void tokensOfAnOldKeyStillVerifyAfterARotation() {
        KeyDirectory directory = KeyDirectory.open(JwsAlgorithm.ES256,
                new KeyDirectorySettings(keys, true, Optional.of(Duration.ofDays(30)), Duration.ofDays(1)), clock);
        var codec = new JwtTokenCodec(JwtSettings.keyPairs("ES256"), directory);
        clock.advance(Duration.ofDays(30).minusMinutes(1));
        String old = codec.encode(claims(TokenType.REFRESH, clock.instant()));

        clock.advance(Duration.ofMinutes(1));
        directory.refresh();
        String fresh = codec.encode(claims(TokenType.REFRESH, clock.instant()));

        assertThat(JWT.decode(fresh).getKeyId()).isNotEqualTo(JWT.decode(old).getKeyId());
        assertThat(codec.decode(old, clock.instant())).isInstanceOf(Decoded.Valid.class);
        assertThat(codec.decode(fresh, clock.instant())).isInstanceOf(Decoded.Valid.class);
    }
}
