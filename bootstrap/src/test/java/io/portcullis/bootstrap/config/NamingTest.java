package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.domain.profile.ProfileField;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How keys are named in the environment and in system properties, and what happens to unknown ones. */
class NamingTest {

    @TempDir
    Path dir;

    @Test
    void environmentNamesAreUpperCaseWithDotsAndDashesAsUnderscores() {
        assertThat(ConfigKeys.environmentName("jwt.secret")).isEqualTo("PORTCULLIS_JWT_SECRET");
        assertThat(ConfigKeys.environmentName("account.profile.phone_number.max-length"))
                .isEqualTo("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_MAX_LENGTH");
        assertThat(ConfigKeys.systemPropertyName("jwt.secret")).isEqualTo("portcullis.jwt.secret");
    }

    @Test
    void theJwtSecretComesFromTheEnvironment() {
        PortcullisConfig config = Loading.bare().env("PORTCULLIS_JWT_SECRET", Loading.SECRET).load();
        assertThat(config.jwt().secret().reveal()).isEqualTo(Loading.SECRET);
        assertThat(config.jwt().secretGenerated()).isFalse();
    }

    @Test
    void profileKeysWithUnderscoresInTheFieldNameMapBackFromTheEnvironment() {
        Path file = Loading.write(dir, "p.properties", "account.profile.fields=phone_number");
        PortcullisConfig config = Loading.withSecret().commandLine(file)
                .env("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_MAX_LENGTH", "30")
                .env("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_EDITABLE", "false")
                .load();
        ProfileField field = config.account().profile().field("phone_number").orElseThrow();
        assertThat(field.maxLength()).isEqualTo(30);
        assertThat(field.editable()).isFalse();
    }

    @Test
    void profileFieldsCanBeDeclaredAndDescribedInTheEnvironmentAlone() {
        PortcullisConfig config = Loading.withSecret()
                .env("PORTCULLIS_ACCOUNT_PROFILE_FIELDS", "gender,phone_number")
                .env("PORTCULLIS_ACCOUNT_PROFILE_GENDER_TYPE", "choice")
                .env("PORTCULLIS_ACCOUNT_PROFILE_GENDER_CHOICES", "M:Male,F:Female")
                .env("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_MAX_LENGTH", "30")
                .load();
        assertThat(config.account().profile().fields()).extracting(ProfileField::name)
                .containsExactly("gender", "phone_number");
        assertThat(config.account().profile().field("phone_number").orElseThrow().maxLength()).isEqualTo(30);
    }

    @Test
    void profileKeysWorkAsSystemProperties() {
        PortcullisConfig config = Loading.withSecret()
                .prop("portcullis.account.profile.fields", "phone_number")
                .prop("portcullis.account.profile.phone_number.required", "false")
                .load();
        assertThat(config.account().profile().field("phone_number").orElseThrow().required()).isFalse();
    }

    @Test
    void aProfileFieldHasDjangosLabelByDefault() {
        PortcullisConfig config = Loading.withSecret().env("PORTCULLIS_ACCOUNT_PROFILE_FIELDS", "phone_number").load();
        ProfileField field = config.account().profile().field("phone_number").orElseThrow();
        assertThat(field.label()).isEqualTo("Phone number");
        assertThat(field.maxLength()).isEqualTo(255);
        assertThat(field.required()).isTrue();
        assertThat(field.editable()).isTrue();
        assertThat(field.pattern()).isEmpty();
    }

    @Test
    void unrelatedEnvironmentVariablesAndSystemPropertiesAreIgnored() {
        PortcullisConfig config = Loading.withSecret()
                .env("PATH", "/usr/bin").env("HTTP_PORT", "1").env("portcullis_http_port", "2")
                .prop("java.version", "21").prop("http.port", "3")
                .load();
        assertThat(config.http().port()).isEqualTo(8000);
    }

    @Test
    void theVariablesThatNameTheFileAreNotSettings(@TempDir Path other) {
        Path file = Loading.write(other, "p.properties", "http.port=8001");
        PortcullisConfig config = Loading.withSecret()
                .env("PORTCULLIS_CONFIG", file.toString()).prop("portcullis.config", file.toString()).load();
        assertThat(config.http().port()).isEqualTo(8001);
    }

    // ------------------------------------------------------------ unknown keys

    @Test
    void anUnknownKeyInTheFileStopsTheStart() {
        Path file = Loading.write(dir, "p.properties", "jwt.secrte=whatever-it-is");
        ConfigProblem problem = Loading.withSecret().commandLine(file).onlyProblem();
        assertThat(problem.keys()).containsExactly("jwt.secrte");
        assertThat(problem.locations().getFirst().source()).isEqualTo(ConfigSource.file(file));
        assertThat(problem.message()).contains("unknown setting").contains("did you mean jwt.secret?");
        assertThat(problem.describe()).doesNotContain("whatever-it-is");
    }

    @Test
    void anUnknownPortcullisEnvironmentVariableStopsTheStart() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_HTTP_PROT", "8001").onlyProblem();
        assertThat(problem.keys()).containsExactly("PORTCULLIS_HTTP_PROT");
        assertThat(problem.locations().getFirst().source()).isEqualTo(ConfigSource.environment("PORTCULLIS_HTTP_PROT"));
        assertThat(problem.message()).contains("unknown setting").contains("PORTCULLIS_HTTP_PORT");
    }

    @Test
    void anUnknownPortcullisSystemPropertyStopsTheStart() {
        ConfigProblem problem = Loading.withSecret().prop("portcullis.http.prot", "8001").onlyProblem();
        assertThat(problem.keys()).containsExactly("http.prot");
        assertThat(problem.locations().getFirst().source())
                .isEqualTo(ConfigSource.systemProperty("portcullis.http.prot"));
        assertThat(problem.message()).contains("did you mean http.port?");
    }

    @Test
    void theSystemPropertyPrefixInAFileIsExplained() {
        Path file = Loading.write(dir, "p.properties", "portcullis.http.port=8001");
        ConfigProblem problem = Loading.withSecret().commandLine(file).onlyProblem();
        assertThat(problem.message()).contains("did you mean http.port?");
    }

    @Test
    void aKeyOfAnUndeclaredProfileFieldIsUnknown() {
        Path file = Loading.write(dir, "p.properties",
                "account.profile.fields=gender", "account.profile.gender.type=choice",
                "account.profile.gender.choices=M:Male", "account.profile.nickname.max-length=20");
        ConfigProblem problem = Loading.withSecret().commandLine(file).onlyProblem();
        assertThat(problem.keys()).containsExactly("account.profile.nickname.max-length");
        assertThat(problem.message()).contains("'nickname' is not listed in account.profile.fields");
    }

    @Test
    void anUnknownProfileAttributeListsTheAttributes() {
        ConfigProblem problem = Loading.withSecret()
                .env("PORTCULLIS_ACCOUNT_PROFILE_FIELDS", "nickname")
                .prop("portcullis.account.profile.nickname.maxlength", "20")
                .onlyProblem();
        assertThat(problem.keys()).containsExactly("account.profile.nickname.maxlength");
        assertThat(problem.message()).contains("max-length");
    }

    @Test
    void anEnvironmentVariableForAnUndeclaredProfileFieldIsUnknown() {
        ConfigProblem problem = Loading.withSecret()
                .env("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_MAX_LENGTH", "30").onlyProblem();
        assertThat(problem.keys()).containsExactly("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_MAX_LENGTH");
        assertThat(problem.message()).contains("account.profile.fields");
    }

    @Test
    void unknownKeysInEverySourceAreReportedTogether() {
        Path file = Loading.write(dir, "p.properties", "colour=blue");
        ConfigurationException e = Loading.withSecret().commandLine(file)
                .env("PORTCULLIS_SHAPE", "round").prop("portcullis.size", "large").failure();
        assertThat(e.problems()).flatExtracting(ConfigProblem::keys)
                .containsExactly("colour", "PORTCULLIS_SHAPE", "size");
        assertThat(e.getMessage()).contains("3 configuration problems");
    }
}
