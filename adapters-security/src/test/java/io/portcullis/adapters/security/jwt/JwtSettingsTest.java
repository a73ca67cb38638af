package io.portcullis.adapters.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.portcullis.application.port.TokenCodec.Decoded;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtSettingsTest {

    @ParameterizedTest
    @CsvSource({"HS256, 32", "HS384, 48", "HS512, 64"})
    void refusesASecretShorterThanTheHash(String algorithm, int minimum) {
        JwtSettings settings = JwtSettings.hmac(algorithm, new byte[minimum - 1]);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtTokenCodec(settings))
                .withMessageContaining("jwt.secret")
                .withMessageContaining(Integer.toString(minimum));
    }

    @ParameterizedTest
    @CsvSource({"HS256, 32", "HS384, 48", "HS512, 64"})
    void acceptsASecretAsLongAsTheHashAndSignsWithThatAlgorithm(String algorithm, int minimum) {
        JwtTokenCodec codec = new JwtTokenCodec(JwtSettings.hmac(algorithm, new byte[minimum]));
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        TokenClaims claims = new TokenClaims(TokenType.ACCESS, new AccountId(3), new SessionId("s"),
                codec.newTokenId(), now, now.plusSeconds(60));

        String token = codec.encode(claims);

        assertThat(JwtTokenCodecTest.json(token.split("\\.")[0])).contains("\"alg\":\"" + algorithm + "\"");
        assertThat(codec.decode(token, now)).isEqualTo(new Decoded.Valid(claims));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "NONE", "hs256", "RS256", "ES256", "PS256", ""})
    void refusesAnUnsupportedAlgorithm(String algorithm) {
        JwtSettings settings = JwtSettings.hmac(algorithm, JwtTokenCodec.generateSecret());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JwtTokenCodec(settings))
                .withMessageContaining("jwt.algorithm")
                .withMessageContaining("HS256, HS384, HS512");
    }

    @Test
    void generatesDistinctSecretsLongEnoughForHs512() {
        byte[] first = JwtTokenCodec.generateSecret();
        byte[] second = JwtTokenCodec.generateSecret();

        assertThat(first).hasSize(64);
        assertThat(first).isNotEqualTo(second);
        new JwtTokenCodec(JwtSettings.hmac("HS512", first));
    }

    @Test
    void neverPrintsTheSecret() {
        byte[] secret = "super-secret-value-that-is-32-by".getBytes(StandardCharsets.US_ASCII);
        JwtSettings settings = JwtSettings.hmac("HS256", secret);

        assertThat(settings.toString())
                .doesNotContain("super-secret")
                .doesNotContain(Arrays.toString(secret))
                .contains("HS256");
        assertThat(new JwtTokenCodec(settings).toString()).doesNotContain("super-secret");
    }

    @Test
    void copiesTheSecretInAndOut() {
        byte[] secret = JwtTokenCodec.generateSecret();
        byte[] original = secret.clone();
        JwtSettings settings = JwtSettings.hmac("HS256", secret);

        secret[0] ^= 1;
        settings.secret()[1] ^= 1;

        assertThat(settings.secret()).isEqualTo(original);
    }

    @Test
    void comparesTheSecretByContent() {
        byte[] secret = JwtTokenCodec.generateSecret();

        assertThat(JwtSettings.hmac("HS256", secret)).isEqualTo(JwtSettings.hmac("HS256", secret.clone()))
                .hasSameHashCodeAs(JwtSettings.hmac("HS256", secret.clone()));
        assertThat(JwtSettings.hmac("HS256", secret)).isNotEqualTo(JwtSettings.hmac("HS256", new byte[64]));
    }

    @Test
    void refusesNegativeLeewayAndBlankIssuerOrAudience() {
        byte[] secret = JwtTokenCodec.generateSecret();

        assertThatIllegalArgumentException().isThrownBy(() -> new JwtSettings(
                "HS256", secret, Optional.empty(), Optional.empty(), Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> JwtSettings.hmac("HS256", secret).withIssuer(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> JwtSettings.hmac("HS256", secret).withAudience(""));
    }
}
