package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** jwt.algorithm RS* and ES*: no secret, a key directory, optional rotation. */
class KeyPairConfigTest {

    @Test
    void rs256NeedsNoSecretAndKeepsItsKeysInDataKeysByDefault() {
        PortcullisConfig config = Loading.bare().env("PORTCULLIS_JWT_ALGORITHM", "RS256").load();

        assertThat(config.jwt().algorithm()).isEqualTo(PortcullisConfig.JwtAlgorithm.RS256);
        assertThat(config.jwt().algorithm().asymmetric()).isTrue();
        assertThat(config.jwt().keysDir()).isEqualTo(Path.of("./data/keys"));
        assertThat(config.jwt().generateKeys()).isTrue();
        assertThat(config.jwt().keyRotationInterval()).isEmpty();
        assertThat(config.jwt().secretGenerated()).isFalse();
    }

    @Test
    void everyRsAndEsAlgorithmIsAccepted() {
        for (String algorithm : new String[] {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"}) {
            assertThat(Loading.bare().env("PORTCULLIS_JWT_ALGORITHM", algorithm).load().jwt().algorithm().name())
                    .isEqualTo(algorithm);
        }
    }

    @Test
    void aSecretNextToAKeyPairAlgorithmIsAMistake() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_JWT_ALGORITHM", "ES256").onlyProblem();

        assertThat(problem.keys()).containsExactly("jwt.secret", "jwt.algorithm");
        assertThat(problem.message()).contains("is not used by ES256").contains("jwt.keys-dir");
    }

    @Test
    void rotationTakesADuration() {
        PortcullisConfig config = Loading.bare().env("PORTCULLIS_JWT_ALGORITHM", "ES256")
                .env("PORTCULLIS_JWT_KEY_ROTATION_INTERVAL", "30d")
                .env("PORTCULLIS_JWT_KEYS_DIR", "/var/lib/portcullis/keys").load();

        assertThat(config.jwt().keyRotationInterval()).isEqualTo(Optional.of(Duration.ofDays(30)));
        assertThat(config.jwt().keysDir()).isEqualTo(Path.of("/var/lib/portcullis/keys"));
    }

    @Test
    void rotationNeedsGeneratedKeysAndAKeyPairAlgorithm() {
        ConfigProblem noGeneration = Loading.bare().env("PORTCULLIS_JWT_ALGORITHM", "RS256")
                .env("PORTCULLIS_JWT_KEY_ROTATION_INTERVAL", "30d").env("PORTCULLIS_JWT_GENERATE_KEYS", "false")
                .onlyProblem();
        assertThat(noGeneration.keys()).containsExactly("jwt.key-rotation-interval", "jwt.generate-keys");

        ConfigProblem hmac = Loading.withSecret().env("PORTCULLIS_JWT_KEY_ROTATION_INTERVAL", "30d").onlyProblem();
        assertThat(hmac.keys()).containsExactly("jwt.key-rotation-interval", "jwt.algorithm");
        assertThat(hmac.message()).contains("only key pairs rotate");
    }

    @Test
    void aRotationShorterThanAMinuteIsRefused() {
        ConfigProblem problem = Loading.bare().env("PORTCULLIS_JWT_ALGORITHM", "RS256")
                .env("PORTCULLIS_JWT_KEY_ROTATION_INTERVAL", "10s").onlyProblem();
        assertThat(problem.keys()).containsExactly("jwt.key-rotation-interval");
    }
}
