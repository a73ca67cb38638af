package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.LoginMethod;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.bootstrap.config.PortcullisConfig.Argon2;
import io.portcullis.bootstrap.config.PortcullisConfig.Container;
import io.portcullis.bootstrap.config.PortcullisConfig.Cookies;
import io.portcullis.bootstrap.config.PortcullisConfig.Hasher;
import io.portcullis.bootstrap.config.PortcullisConfig.Http;
import io.portcullis.bootstrap.config.PortcullisConfig.JwtAlgorithm;
import io.portcullis.bootstrap.config.PortcullisConfig.PasswordHashing;
import io.portcullis.bootstrap.config.PortcullisConfig.SameSite;
import io.portcullis.domain.password.PasswordPolicy;
import io.portcullis.domain.profile.ProfileSchema;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A fresh start with nothing but a JWT secret: useful and safe. */
class DefaultsTest {

    private final PortcullisConfig config = Loading.withSecret().load();

    @Test
    void http() {
        assertThat(config.http()).isEqualTo(new Http("0.0.0.0", 8000, "/auth", 1_048_576, 8, Container.JETTY));
    }

    @Test
    void workerAndHashingThreadsFollowTheCores() {
        var loading = Loading.withSecret();
        loading.cores = 16;
        PortcullisConfig big = loading.load();
        assertThat(big.http().workerThreads()).isEqualTo(32);
        assertThat(big.passwordHashing().threads()).isEqualTo(16);
    }

    @Test
    void database() {
        var database = config.database();
        assertThat(database.url()).isEqualTo("jdbc:h2:file:./data/portcullis");
        assertThat(database.user()).isEqualTo("sa");
        assertThat(database.password().isEmpty()).isTrue();
        assertThat(database.poolSize()).isEqualTo(10);
        assertThat(database.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jwtMatchesSimpleJwt() {
        var jwt = config.jwt();
        assertThat(jwt.algorithm()).isEqualTo(JwtAlgorithm.HS256);
        assertThat(jwt.tokens()).isEqualTo(TokenSettings.simpleJwtDefaults());
        assertThat(jwt.returnExpiration()).isFalse();
        assertThat(jwt.issuer()).isEmpty();
        assertThat(jwt.audience()).isEmpty();
        assertThat(jwt.leeway()).isZero();
        assertThat(jwt.secretGenerated()).isFalse();
    }

    @Test
    void noCookiesUntilNamed() {
        assertThat(config.cookies()).isEqualTo(new Cookies(
                Optional.empty(), Optional.empty(), true, true, SameSite.LAX, "/", Optional.empty(),
                PortcullisConfig.Csrf.DOUBLE_SUBMIT, "csrftoken", "X-CSRFToken", true));
        assertThat(config.cookies().enabled()).isFalse();
    }

    @Test
    void passwordHashing() {
        assertThat(config.passwordHashing())
                .isEqualTo(new PasswordHashing(Hasher.ARGON2ID, new Argon2(19456, 2, 1), 260_000, 4, 32));
    }

    @Test
    void accountByEmailWithDjangosPasswordValidators() {
        assertThat(config.account()).isEqualTo(new AccountSettings(
                LoginMethod.EMAIL, true, false, false, true, 1, EmailVerification.NONE, ProfileSchema.NONE,
                List.of("pk", "email"), PasswordPolicy.djangoDefaults(), 4096, true, false));
    }

    @Test
    void validatorsRunInTheConfiguredOrderAndSubset() {
        PortcullisConfig custom = Loading.withSecret()
                .env("PORTCULLIS_PASSWORD_VALIDATORS", "numeric, minimum_length")
                .env("PORTCULLIS_PASSWORD_MIN_LENGTH", "12")
                .load();
        assertThat(custom.account().passwordPolicy().rules()).containsExactly(
                new io.portcullis.domain.password.EntirelyNumeric(), new io.portcullis.domain.password.MinimumLength(12));
        PortcullisConfig none = Loading.withSecret().env("PORTCULLIS_PASSWORD_VALIDATORS", "").load();
        assertThat(none.account().passwordPolicy().rules()).isEmpty();
    }

    @Test
    void everyFixedKeyHasAnEnvironmentNameOfItsOwn() {
        assertThat(ConfigKeys.fixedKeys().stream().map(ConfigKeys::environmentName).distinct())
                .hasSameSizeAs(ConfigKeys.fixedKeys());
    }
}
