package io.portcullis.application.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.LoginMethod;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.password.PasswordPolicy;
import io.portcullis.domain.profile.ProfileSchema;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login by username, by e-mail, or by either, as allauth's authentication methods. */
class LoginMethodsTest {

    private static final String PASSWORD = "Xq7!vLp2#Rt9";

    private static UseCases withUsernames(LoginMethod method) {
        var settings = new AccountSettings(method, true, true, true, true, 1, EmailVerification.NONE,
                ProfileSchema.NONE, AccountSettings.defaultUserFields(true, ProfileSchema.NONE),
                PasswordPolicy.djangoDefaults(), 4096, true, false);
        var app = new UseCases(settings, TokenSettings.simpleJwtDefaults());
        var form = new RegisterAccount.Command(FieldInput.of("Alice"), FieldInput.of("alice@example.com"),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of());
        assertThat(app.register.register(form)).isInstanceOf(RegisterAccount.Outcome.Registered.class);
        return app;
    }

    private static LogIn.Outcome logIn(UseCases app, String username, String email) {
        return app.logIn.logIn(new LogIn.Command(username == null ? FieldInput.absent() : FieldInput.of(username),
                email == null ? FieldInput.absent() : FieldInput.of(email), FieldInput.of(PASSWORD)));
    }

    @Test
    void byUsernameIgnoringCase() {
        var app = withUsernames(LoginMethod.USERNAME);
        assertThat(logIn(app, "aLiCe", null)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        assertThat(logIn(app, null, "alice@example.com")).isEqualTo(new LogIn.Outcome.Rejected(
                ValidationErrors.nonField("Must include \"username\" and \"password\".")));
    }

    @Test
    void byEitherTakesTheAddressFirstThenTheUsername() {
        var app = withUsernames(LoginMethod.USERNAME_EMAIL);
        assertThat(logIn(app, "alice", null)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        assertThat(logIn(app, null, "ALICE@example.com")).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        assertThat(logIn(app, "alice@example.com", null)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        assertThat(logIn(app, null, null)).isEqualTo(new LogIn.Outcome.Rejected(
                ValidationErrors.nonField("Must include either \"username\" or \"email\" and \"password\".")));
    }

    @Test
    void aTakenUsernameIsRefusedAtRegistrationInAnyCase() {
        var app = withUsernames(LoginMethod.USERNAME);
        var form = new RegisterAccount.Command(FieldInput.of("ALICE"), FieldInput.of("other@example.com"),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of());
        assertThat(app.register.register(form)).isEqualTo(new RegisterAccount.Outcome.Rejected(
                ValidationErrors.of("username", "A user with that username already exists.")));
        var invalid = new RegisterAccount.Command(FieldInput.of("al ice"), FieldInput.of("x@example.com"),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of());
        assertThat(((RegisterAccount.Outcome.Rejected) app.register.register(invalid)).errors().byField())
                .containsOnlyKeys("username");
    }
}
