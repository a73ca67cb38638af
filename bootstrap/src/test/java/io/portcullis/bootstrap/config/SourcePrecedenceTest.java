package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePrecedenceTest {

    @TempDir
    Path dir;

    @Test
    void builtInDefaultsApplyWhenNothingIsSet() {
        assertThat(Loading.withSecret().load().http().port()).isEqualTo(8000);
    }

    @Test
    void fileBeatsDefaults() {
        Path file = Loading.write(dir, "p.properties", "http.port=8001");
        assertThat(Loading.withSecret().commandLine(file).load().http().port()).isEqualTo(8001);
    }

    @Test
    void environmentBeatsFile() {
        Path file = Loading.write(dir, "p.properties", "http.port=8001");
        var loading = Loading.withSecret().commandLine(file).env("PORTCULLIS_HTTP_PORT", "8002");
        assertThat(loading.load().http().port()).isEqualTo(8002);
    }

    @Test
    void systemPropertiesBeatEnvironment() {
        Path file = Loading.write(dir, "p.properties", "http.port=8001");
        var loading = Loading.withSecret().commandLine(file)
                .env("PORTCULLIS_HTTP_PORT", "8002")
                .prop("portcullis.http.port", "8003");
        assertThat(loading.load().http().port()).isEqualTo(8003);
    }

    @Test
    void aProblemNamesTheSourceOfTheWinningValue() {
        Path file = Loading.write(dir, "p.properties", "http.port=8001");
        var loading = Loading.withSecret().commandLine(file)
                .env("PORTCULLIS_HTTP_PORT", "8002")
                .prop("portcullis.http.port", "eighty");
        ConfigProblem problem = loading.onlyProblem();
        assertThat(problem.locations()).containsExactly(new ConfigProblem.Location(
                "http.port", ConfigSource.systemProperty("portcullis.http.port")));
        assertThat(problem.describe()).contains("system property portcullis.http.port").contains("\"eighty\"");
    }

    @Test
    void eachLayerOverridesOnlyTheKeysItSets() {
        Path file = Loading.write(dir, "p.properties", "http.port=8001", "http.host=10.0.0.1", "database.pool-size=3");
        PortcullisConfig config = Loading.withSecret().commandLine(file)
                .env("PORTCULLIS_HTTP_HOST", "10.0.0.2")
                .prop("portcullis.database.pool-size", "4")
                .load();
        assertThat(config.http().port()).isEqualTo(8001);
        assertThat(config.http().host()).isEqualTo("10.0.0.2");
        assertThat(config.database().poolSize()).isEqualTo(4);
        assertThat(config.database().url()).isEqualTo("jdbc:h2:file:./data/portcullis");
    }

    @Test
    void aBlankValueUnsetsAnOptionalSettingOfALowerLayer() {
        Path file = Loading.write(dir, "p.properties", "cookies.access-name=my-app-auth");
        PortcullisConfig config = Loading.withSecret().commandLine(file).env("PORTCULLIS_COOKIES_ACCESS_NAME", "").load();
        assertThat(config.cookies().accessName()).isEmpty();
    }

    @Test
    void aBlankValueForASettingThatNeedsOneIsAProblem() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_HTTP_PORT", " ").onlyProblem();
        assertThat(problem.keys()).containsExactly("http.port");
        assertThat(problem.message()).contains("is empty");
    }

    // ------------------------------------------------------------ choosing the file

    @Test
    void theFileCanBeNamedByEnvironmentSystemPropertyOrCommandLineInRisingPrecedence() {
        Path fromEnv = Loading.write(dir, "env.properties", "http.port=9001");
        Path fromProp = Loading.write(dir, "prop.properties", "http.port=9002");
        Path fromArgs = Loading.write(dir, "args.properties", "http.port=9003");
        var loading = Loading.withSecret().env("PORTCULLIS_CONFIG", fromEnv.toString());
        assertThat(loading.load().http().port()).isEqualTo(9001);
        loading.prop("portcullis.config", fromProp.toString());
        assertThat(loading.load().http().port()).isEqualTo(9002);
        loading.commandLine(fromArgs);
        PortcullisConfig config = loading.load();
        assertThat(config.http().port()).isEqualTo(9003);
        assertThat(config.configFile()).contains(fromArgs);
    }

    @Test
    void withoutAFileNoneIsRead() {
        assertThat(Loading.withSecret().load().configFile()).isEmpty();
    }

    @Test
    void aNamedFileThatDoesNotExistStopsTheStart() {
        Path missing = dir.resolve("nowhere.properties");
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_CONFIG", missing.toString()).onlyProblem();
        assertThat(problem.describe())
                .contains(missing.toString())
                .contains("environment variable PORTCULLIS_CONFIG")
                .contains("does not exist");
    }

    @Test
    void aMissingFileNamedOnTheCommandLineNamesTheOption() {
        Path missing = dir.resolve("nowhere.properties");
        ConfigProblem problem = Loading.withSecret().commandLine(missing).onlyProblem();
        assertThat(problem.locations().getFirst().source()).isEqualTo(ConfigSource.commandLine("--config"));
    }

    @Test
    void aKeyWrittenTwiceInTheFileIsAProblem() {
        Path file = Loading.write(dir, "p.properties", "http.port=8001", "http.port=8002");
        ConfigProblem problem = Loading.withSecret().commandLine(file).onlyProblem();
        assertThat(problem.keys()).containsExactly("http.port");
        assertThat(problem.message()).contains("more than once");
    }

    @Test
    void theFileIsReadAsUtf8() {
        Path file = Loading.write(dir, "p.properties",
                "account.profile.fields=city", "account.profile.city.label=Città");
        PortcullisConfig config = Loading.withSecret().commandLine(file).load();
        assertThat(config.account().profile().field("city").orElseThrow().label()).isEqualTo("Città");
    }

    @Test
    void valuesAreTrimmed() {
        Path file = Loading.write(dir, "p.properties", "http.port = 8001   ");
        assertThat(Loading.withSecret().commandLine(file).load().http().port()).isEqualTo(8001);
    }
}
