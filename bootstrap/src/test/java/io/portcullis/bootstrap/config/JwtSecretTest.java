package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {

    @TempDir
    Path dir;

    @Test
    void aMissingSecretStopsTheStartAndSaysHowToSetOne() {
        ConfigProblem problem = Loading.bare().onlyProblem();
        assertThat(problem.keys()).containsExactly("jwt.secret");
        assertThat(problem.message())
                .contains("is not set")
                .contains("Set jwt.secret (environment variable PORTCULLIS_JWT_SECRET)")
                .contains("for development only, set jwt.allow-generated-secret=true");
    }

    @Test
    void aBlankSecretIsMissing() {
        assertThat(Loading.bare().env("PORTCULLIS_JWT_SECRET", "  ").onlyProblem().message()).contains("is not set");
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedForHs256() {
        String secret = "x".repeat(31);
        ConfigProblem problem = Loading.bare().env("PORTCULLIS_JWT_SECRET", secret).onlyProblem();
        assertThat(problem.keys()).containsExactly("jwt.secret");
        assertThat(problem.message()).contains("too short for HS256").contains("at least 32 bytes")
                .contains("PORTCULLIS_JWT_SECRET");
        assertThat(Loading.bare().env("PORTCULLIS_JWT_SECRET", "x".repeat(32)).load().jwt().secret().bytes())
                .hasSize(32);
    }

    @Test
    void longerAlgorithmsNeedLongerSecrets() {
        ConfigProblem hs384 = Loading.withSecret().env("PORTCULLIS_JWT_ALGORITHM", "HS384").onlyProblem();
        assertThat(hs384.message()).contains("too short for HS384").contains("at least 48 bytes");
        ConfigProblem hs512 = Loading.bare().env("PORTCULLIS_JWT_ALGORITHM", "HS512")
                .env("PORTCULLIS_JWT_SECRET", "y".repeat(63)).onlyProblem();
        assertThat(hs512.message()).contains("at least 64 bytes");
        PortcullisConfig config = Loading.bare().env("PORTCULLIS_JWT_ALGORITHM", "HS512")
                .env("PORTCULLIS_JWT_SECRET", "y".repeat(64)).load();
        assertThat(config.jwt().algorithm()).isEqualTo(PortcullisConfig.JwtAlgorithm.HS512);
    }

    @Test
    void bytesAreCountedNotCharacters() {
        String sixteenTwoByteCharacters = "é".repeat(16);
        assertThat(Loading.bare().env("PORTCULLIS_JWT_SECRET", sixteenTwoByteCharacters).load().jwt().secret().bytes())
                .hasSize(32);
    }

    @Test
    void developmentModeGeneratesARandomSecret() {
        var loading = Loading.bare().env("PORTCULLIS_JWT_ALLOW_GENERATED_SECRET", "true");
        PortcullisConfig config = loading.load();
        assertThat(config.jwt().secretGenerated()).isTrue();
        assertThat(config.jwt().secret().bytes().length).isGreaterThanOrEqualTo(64);
        assertThat(loading.load().jwt().secret()).as("same seed, same key").isEqualTo(config.jwt().secret());
        loading.seed = 7;
        assertThat(loading.load().jwt().secret()).isNotEqualTo(config.jwt().secret());
    }

    @Test
    void aGeneratedSecretIsLongEnoughForHs512() {
        PortcullisConfig config = Loading.bare().env("PORTCULLIS_JWT_ALLOW_GENERATED_SECRET", "true")
                .env("PORTCULLIS_JWT_ALGORITHM", "HS512").load();
        assertThat(config.jwt().secret().bytes().length).isGreaterThanOrEqualTo(64);
    }

    @Test
    void aConfiguredSecretWinsOverGeneration() {
        PortcullisConfig config = Loading.withSecret().env("PORTCULLIS_JWT_ALLOW_GENERATED_SECRET", "true").load();
        assertThat(config.jwt().secretGenerated()).isFalse();
        assertThat(config.jwt().secret().reveal()).isEqualTo(Loading.SECRET);
    }

    @Test
    void aShortConfiguredSecretIsRefusedEvenInDevelopmentMode() {
        ConfigProblem problem = Loading.bare().env("PORTCULLIS_JWT_ALLOW_GENERATED_SECRET", "true")
                .env("PORTCULLIS_JWT_SECRET", "short").onlyProblem();
        assertThat(problem.message()).contains("too short");
    }

    // ------------------------------------------------------------ never shown

    private static final String SHORT_SECRET = "hunter2-hunter2";
    private static final String DB_PASSWORD = "db-pa55word-value";
    private static final String DB_URL = "jdbc:postgresql://db/portcullis?password=url-embedded-pw";

    @Test
    void secretValuesNeverAppearInAnyMessage() {
        Path file = Loading.write(dir, "p.properties",
                "jwt.secret=" + SHORT_SECRET,
                "database.password=" + DB_PASSWORD,
                "database.url=" + DB_URL.replace("jdbc:", "jbdc:"),
                "database.secret=" + DB_PASSWORD,
                "jwt.secrte=" + SHORT_SECRET);
        List<UnaryOperator<Loading>> variants = List.of(
                l -> l.commandLine(file),
                l -> l.env("PORTCULLIS_JWT_SECRET", SHORT_SECRET),
                l -> l.prop("portcullis.jwt.secret", SHORT_SECRET).env("PORTCULLIS_JWT_ALGORITHM", "HS512"),
                l -> l.env("PORTCULLIS_JWT_SECRET_KEY", SHORT_SECRET),
                l -> l.env("PORTCULLIS_DATABASE_PASSWRD", DB_PASSWORD).env("PORTCULLIS_JWT_SECRET", SHORT_SECRET),
                l -> l.prop("portcullis.database.url", "postgres://x?password=" + DB_PASSWORD)
                        .env("PORTCULLIS_JWT_SECRET", SHORT_SECRET));
        for (UnaryOperator<Loading> variant : variants) {
            ConfigurationException e = variant.apply(Loading.bare()).failure();
            assertThat(e.getMessage()).doesNotContain(SHORT_SECRET).doesNotContain(DB_PASSWORD)
                    .doesNotContain("url-embedded-pw");
            assertThat(e.problems().toString()).doesNotContain(SHORT_SECRET).doesNotContain(DB_PASSWORD);
        }
    }

    @Test
    void theLoadedConfigurationPrintsNoSecret() {
        PortcullisConfig config = Loading.withSecret()
                .env("PORTCULLIS_DATABASE_PASSWORD", DB_PASSWORD).load();
        assertThat(config.toString()).doesNotContain(Loading.SECRET).doesNotContain(DB_PASSWORD)
                .contains("Secret[hidden]");
        assertThat(config.database().password().reveal()).isEqualTo(DB_PASSWORD);
    }

    @Test
    void secretKeysAreRecognisedByName() {
        assertThat(ConfigKeys.isSecret("jwt.secret")).isTrue();
        assertThat(ConfigKeys.isSecret("database.password")).isTrue();
        assertThat(ConfigKeys.isSecret("database.url")).isTrue();
        assertThat(ConfigKeys.isSecret("mail.smtp.password")).isTrue();
        assertThat(ConfigKeys.isSecret("social.google.client-secret")).isTrue();
        assertThat(ConfigKeys.isSecret("password.min-length")).isFalse();
        assertThat(ConfigKeys.isSecret("http.port")).isFalse();
    }
}
