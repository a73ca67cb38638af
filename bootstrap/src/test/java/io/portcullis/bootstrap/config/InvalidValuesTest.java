package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidValuesTest {

    @TempDir
    Path dir;

    @Test
    void aBadEnumValueListsTheAllowedOnes() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_ACCOUNT_LOGIN_METHOD", "phone").onlyProblem();
        assertThat(problem.keys()).containsExactly("account.login-method");
        assertThat(problem.message()).isEqualTo("must be one of email, username, username_email, not \"phone\"");
        assertThat(problem.describe()).contains("environment variable PORTCULLIS_ACCOUNT_LOGIN_METHOD");
    }

    @Test
    void anUnknownContainerListsTheTwoThereAre() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_HTTP_CONTAINER", "tomcat").onlyProblem();
        assertThat(problem.keys()).containsExactly("http.container");
        assertThat(problem.message()).isEqualTo("must be one of grizzly, jetty, not \"tomcat\"");
        assertThat(Loading.withSecret().env("PORTCULLIS_HTTP_CONTAINER", "Grizzly").load().http().container())
                .isEqualTo(PortcullisConfig.Container.GRIZZLY);
    }

    @Test
    void enumValuesIgnoreCase() {
        PortcullisConfig config = Loading.withSecret()
                .env("PORTCULLIS_COOKIES_SAME_SITE", "strict").env("PORTCULLIS_JWT_ALGORITHM", "hs256").load();
        assertThat(config.cookies().sameSite()).isEqualTo(PortcullisConfig.SameSite.STRICT);
        assertThat(config.jwt().algorithm()).isEqualTo(PortcullisConfig.JwtAlgorithm.HS256);
    }

    @Test
    void aBadDuration() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_JWT_ACCESS_LIFETIME", "5 minutes").onlyProblem();
        assertThat(problem.keys()).containsExactly("jwt.access-lifetime");
        assertThat(problem.message()).contains("must be a duration such as PT5M, 5m").contains("\"5 minutes\"");
    }

    @Test
    void aNegativeDuration() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_JWT_LEEWAY", "-PT5S").onlyProblem();
        assertThat(problem.message()).contains("may not be negative");
    }

    @Test
    void plainDurationsAreAccepted() {
        PortcullisConfig config = Loading.withSecret()
                .env("PORTCULLIS_JWT_ACCESS_LIFETIME", "300s")
                .env("PORTCULLIS_JWT_REFRESH_LIFETIME", "1d")
                .env("PORTCULLIS_JWT_LEEWAY", "5s")
                .env("PORTCULLIS_DATABASE_CONNECTION_TIMEOUT", "2500ms")
                .load();
        assertThat(config.jwt().tokens().accessLifetime()).hasMinutes(5);
        assertThat(config.jwt().tokens().refreshLifetime()).hasDays(1);
        assertThat(config.jwt().leeway()).hasSeconds(5);
        assertThat(config.database().connectionTimeout()).hasMillis(2500);
    }

    @Test
    void aBadInteger() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_HTTP_PORT", "eighty").onlyProblem();
        assertThat(problem.keys()).containsExactly("http.port");
        assertThat(problem.message()).isEqualTo("must be a whole number between 0 and 65535, not \"eighty\"");
    }

    @Test
    void anIntegerOutOfRange() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_HTTP_PORT", "70000").onlyProblem();
        assertThat(problem.message()).isEqualTo("must be between 0 and 65535, not \"70000\"");
    }

    @Test
    void aBadBoolean() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_COOKIES_SECURE", "yes").onlyProblem();
        assertThat(problem.message()).isEqualTo("must be true or false, not \"yes\"");
    }

    @Test
    void aBadRegularExpression() {
        Path file = Loading.write(dir, "p.properties",
                "account.profile.fields=phone_number", "account.profile.phone_number.pattern=[0-9+");
        ConfigProblem problem = Loading.withSecret().commandLine(file).onlyProblem();
        assertThat(problem.keys()).containsExactly("account.profile.phone_number.pattern");
        assertThat(problem.message()).startsWith("is not a valid Java regular expression: Unclosed character class");
    }

    @Test
    void aPatternIsCompiledAndKept() {
        Path file = Loading.write(dir, "p.properties",
                "account.profile.fields=phone_number", "account.profile.phone_number.pattern=\\\\+?[0-9 ]{6,20}");
        PortcullisConfig config = Loading.withSecret().commandLine(file).load();
        var pattern = config.account().profile().field("phone_number").orElseThrow().pattern().orElseThrow();
        assertThat(pattern.pattern()).isEqualTo("\\+?[0-9 ]{6,20}");
    }

    @Test
    void aChoiceFieldWithoutChoices() {
        Path file = Loading.write(dir, "p.properties", "account.profile.fields=gender", "account.profile.gender.type=choice");
        ConfigProblem problem = Loading.withSecret().commandLine(file).onlyProblem();
        assertThat(problem.keys()).containsExactly("account.profile.gender.choices", "account.profile.gender.type");
        assertThat(problem.message()).contains("needs its allowed values");
        assertThat(problem.describe()).startsWith("account.profile.gender.choices (not set) and account.profile.gender.type"
                + " (config file " + dir.resolve("p.properties") + ")");
    }

    @Test
    void choicesOnATextField() {
        Path file = Loading.write(dir, "p.properties", "account.profile.fields=gender", "account.profile.gender.choices=M");
        ConfigProblem problem = Loading.withSecret().commandLine(file).onlyProblem();
        assertThat(problem.message()).contains("only choice fields take choices");
    }

    @Test
    void choicesAreParsedWithOptionalDisplayNames() {
        Path file = Loading.write(dir, "p.properties", "account.profile.fields=gender",
                "account.profile.gender.type=choice", "account.profile.gender.choices= M:Male , F:Female,NS");
        var field = Loading.withSecret().commandLine(file).load().account().profile().field("gender").orElseThrow();
        assertThat(field.choices()).extracting(c -> c.value() + "=" + c.displayName())
                .containsExactly("M=Male", "F=Female", "NS=NS");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
        "Password    | must be lower-case letters",
        "pk          | cannot name a profile field",
        "phone-number| must be lower-case letters",
        "email       | cannot name a profile field",
        "a,b,a       | twice",
    })
    void badProfileFieldNames(String names, String message) {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_ACCOUNT_PROFILE_FIELDS", names).onlyProblem();
        assertThat(problem.keys()).containsExactly("account.profile.fields");
        assertThat(problem.message()).contains(message);
    }

    @Test
    void everyEmailVerificationModeLoads() {
        for (String mode : new String[] {"none", "optional", "mandatory"}) {
            PortcullisConfig config = Loading.withSecret().env("PORTCULLIS_ACCOUNT_EMAIL_VERIFICATION", mode).load();
            assertThat(config.account().emailVerification().name()).isEqualToIgnoringCase(mode);
        }
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_ACCOUNT_EMAIL_VERIFICATION", "sometimes").onlyProblem();
        assertThat(problem.keys()).containsExactly("account.email-verification");
    }

    @Test
    void mailLinksNeedTheirPlaceholders() {
        assertThat(Loading.withSecret().env("PORTCULLIS_PASSWORD_RESET_LINK", "https://app.example.com/reset").onlyProblem()
                .keys()).containsExactly("password.reset.link");
        assertThat(Loading.withSecret().env("PORTCULLIS_ACCOUNT_EMAIL_CONFIRMATION_LINK", "https://app.example.com/c")
                .onlyProblem().keys()).containsExactly("account.email-confirmation.link");
    }

    @Test
    void mailSettingsAreChecked() {
        assertThat(Loading.withSecret().env("PORTCULLIS_MAIL_BACKEND", "pigeon").onlyProblem().keys())
                .containsExactly("mail.backend");
        assertThat(Loading.withSecret().env("PORTCULLIS_MAIL_VARIABLES", "no-equals-sign").onlyProblem().keys())
                .containsExactly("mail.variables");
        assertThat(Loading.withSecret().env("PORTCULLIS_ACCOUNT_LOGIN_URL", "javascript:alert(1)").onlyProblem().keys())
                .containsExactly("account.login-url");
        assertThat(Loading.withSecret().env("PORTCULLIS_MAIL_LANGUAGES", "english").onlyProblem().keys())
                .containsExactly("mail.languages");
    }

    @Test
    void theSmtpPasswordNeverAppearsInAMessage() {
        var failure = Loading.withSecret().env("PORTCULLIS_MAIL_SMTP_PASSWORD", "hunter2-smtp")
                .env("PORTCULLIS_MAIL_SMTP_PORT", "not-a-port").failure();
        assertThat(failure.getMessage() + failure.problems()).doesNotContain("hunter2-smtp");
    }

    @Test
    void mailDefaultsBuildLinksToThisService() {
        PortcullisConfig config = Loading.withSecret().env("PORTCULLIS_SITE_URL", "https://auth.example.com/").load();
        assertThat(config.mailFlow().confirmationLink("abc"))
                .isEqualTo("https://auth.example.com/auth/registration/account-confirm-email/abc/");
        assertThat(config.mailFlow().resetLink("1", "t"))
                .isEqualTo("https://auth.example.com/auth/password/reset/confirm/1/t/");
        assertThat(config.mail().backend()).isEqualTo(PortcullisConfig.MailBackend.CONSOLE);
        assertThat(config.mailFlow().languages()).containsExactly("en", "de");
    }

    @Test
    void psAndEdDsaAlgorithmsAreNotAvailable() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_JWT_ALGORITHM", "PS256").onlyProblem();
        assertThat(problem.message()).contains("not available").contains("RS256").contains("ES256");
    }

    @Test
    void anInconsistentCombinationNamesEverySettingInvolved() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_ACCOUNT_LOGIN_METHOD", "username").onlyProblem();
        assertThat(problem.keys()).containsExactly("account.login-method", "account.username-enabled");
        assertThat(problem.describe())
                .contains("account.login-method (environment variable PORTCULLIS_ACCOUNT_LOGIN_METHOD)")
                .contains("account.username-enabled (built-in default)");
    }

    @Test
    void usernameLoginWorksOnceUsernamesAreEnabled() {
        PortcullisConfig config = Loading.withSecret()
                .env("PORTCULLIS_ACCOUNT_LOGIN_METHOD", "username_email")
                .env("PORTCULLIS_ACCOUNT_USERNAME_ENABLED", "true")
                .env("PORTCULLIS_ACCOUNT_USERNAME_REQUIRED", "true")
                .load();
        assertThat(config.account().userFields()).containsExactly("pk", "username", "email");
    }

    @Test
    void aRefreshLifetimeShorterThanTheAccessLifetime() {
        ConfigProblem problem = Loading.withSecret()
                .env("PORTCULLIS_JWT_ACCESS_LIFETIME", "10m").env("PORTCULLIS_JWT_REFRESH_LIFETIME", "5m").onlyProblem();
        assertThat(problem.keys()).containsExactly("jwt.refresh-lifetime", "jwt.access-lifetime");
    }

    @Test
    void userFieldsMustBeKnown() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_USER_FIELDS", "pk,email,gender").onlyProblem();
        assertThat(problem.keys()).containsExactly("user.fields");
        assertThat(problem.message()).contains("\"gender\" is neither a built-in field nor a profile field");
    }

    @Test
    void userFieldsCannotShowADisabledUsername() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_USER_FIELDS", "pk,username").onlyProblem();
        assertThat(problem.keys()).containsExactly("user.fields", "account.username-enabled");
    }

    @Test
    void unknownPasswordValidator() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_PASSWORD_VALIDATORS", "common,zxcvbn").onlyProblem();
        assertThat(problem.message()).contains("\"zxcvbn\" is not a password validator");
    }

    @Test
    void sameSiteNoneNeedsSecureCookies() {
        ConfigProblem problem = Loading.withSecret()
                .env("PORTCULLIS_COOKIES_SAME_SITE", "None").env("PORTCULLIS_COOKIES_SECURE", "false").onlyProblem();
        assertThat(problem.keys()).containsExactly("cookies.same-site", "cookies.secure");
    }

    @Test
    void badCookieNames() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_COOKIES_ACCESS_NAME", "my app").onlyProblem();
        assertThat(problem.keys()).containsExactly("cookies.access-name");
    }

    @Test
    void aBasePathMustBeAPath() {
        assertThat(Loading.withSecret().env("PORTCULLIS_HTTP_BASE_PATH", "auth").onlyProblem().keys())
                .containsExactly("http.base-path");
        assertThat(Loading.withSecret().env("PORTCULLIS_HTTP_BASE_PATH", "/dj-rest-auth/").load().http().basePath())
                .isEqualTo("/dj-rest-auth");
        assertThat(Loading.withSecret().env("PORTCULLIS_HTTP_BASE_PATH", "/").load().http().basePath()).isEqualTo("/");
    }

    @Test
    void everyProblemIsReportedTogether() {
        Path file = Loading.write(dir, "p.properties",
                "http.port=eighty",
                "jwt.access-lifetime=soon",
                "account.login-method=phone",
                "account.profile.fields=gender,phone_number",
                "account.profile.gender.type=choice",
                "account.profile.phone_number.pattern=(",
                "nonsense=1");
        ConfigurationException e = Loading.withSecret().commandLine(file).failure();
        assertThat(e.problems()).flatExtracting(ConfigProblem::keys).containsExactly(
                "nonsense",
                "http.port",
                "jwt.access-lifetime",
                "account.login-method",
                "account.profile.gender.choices", "account.profile.gender.type",
                "account.profile.phone_number.pattern");
        assertThat(e.getMessage()).startsWith("Portcullis cannot start: 6 configuration problems");
    }
}
