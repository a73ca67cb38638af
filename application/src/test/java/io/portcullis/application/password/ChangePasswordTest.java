package io.portcullis.application.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.application.token.AuthenticateAccessToken;
import io.portcullis.application.token.TokenPair;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.validation.FieldInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangePasswordTest {

    private static final String NEW = "N3w-Pass!word";

    private static ChangePassword.Command command(Account account, String old, String new1, String new2) {
        return new ChangePassword.Command(account.id(), FieldInput.of(old), FieldInput.of(new1), FieldInput.of(new2));
    }

    private static Map<String, List<String>> errorsOf(ChangePassword.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ChangePassword.Outcome.Rejected.class);
        return ((ChangePassword.Outcome.Rejected) outcome).errors().byField();
    }

    @Test
    void changesThePasswordAndKeepsSessionsByDefault() {
        var app = new UseCases();
        Account alice = Sessions.register(app, "alice@example.com");
        TokenPair tokens = Sessions.logIn(app, "alice@example.com", Sessions.PASSWORD);
        assertThat(app.changePassword.change(command(alice, Sessions.PASSWORD, NEW, NEW)))
                .isEqualTo(new ChangePassword.Outcome.Changed());
        assertThat(app.hasher.matches(NEW, app.accounts.findById(alice.id()).get().passwordHash())).isTrue();
        assertThat(app.authenticate.authenticate(tokens.access()))
                .isInstanceOf(AuthenticateAccessToken.Outcome.Authenticated.class);
    }

    @Test
    void logoutOnChangeRevokesEveryLogin() {
        var app = new UseCases(ArticleSetup.settings(EmailVerification.NONE, true), TokenSettings.simpleJwtDefaults());
        Account alice = Sessions.register(app, "alice@example.com");
        TokenPair first = Sessions.logIn(app, "alice@example.com", Sessions.PASSWORD);
        TokenPair second = Sessions.logIn(app, "alice@example.com", Sessions.PASSWORD);
        app.changePassword.change(command(alice, Sessions.PASSWORD, NEW, NEW));
        for (TokenPair pair : List.of(first, second)) {
            assertThat(app.authenticate.authenticate(pair.access()))
                    .isInstanceOf(AuthenticateAccessToken.Outcome.Refused.class);
            assertThat(app.sessions.isActive(app.codec.claimsOf(pair.refresh()).session())).isFalse();
        }
    }

    @Test
    void aWrongOldPasswordIsTheOnlyErrorShownWithAMismatch() {
        var app = new UseCases();
        Account alice = Sessions.register(app, "alice@example.com");
        assertThat(errorsOf(app.changePassword.change(command(alice, "not-it-123", "a", "b")))).containsExactly(
                Map.entry("old_password", List.of("Your old password was entered incorrectly. Please enter it again.")));
    }

    @Test
    void mismatchUsesDjangosTypographicApostrophe() {
        var app = new UseCases();
        Account alice = Sessions.register(app, "alice@example.com");
        assertThat(errorsOf(app.changePassword.change(command(alice, Sessions.PASSWORD, NEW, NEW + "X"))))
                .containsExactly(Map.entry("new_password2", List.of("The two password fields didn\u2019t match.")));
    }

    @Test
    void validatorsReportOnTheSecondField() {
        var app = new UseCases();
        Account alice = Sessions.register(app, "alice@example.com");
        assertThat(errorsOf(app.changePassword.change(command(alice, Sessions.PASSWORD, "12345", "12345"))))
                .containsExactly(Map.entry("new_password2", List.of(
                        "This password is too short. It must contain at least 8 characters.",
                        "This password is too common.",
                        "This password is entirely numeric.")));
        assertThat(errorsOf(app.changePassword.change(command(alice, Sessions.PASSWORD, "alice-example", "alice-example"))))
                .containsExactly(Map.entry("new_password2", List.of("The password is too similar to the email address.")));
    }

    @Test
    void missingFieldsAreListedInOrder() {
        var app = new UseCases();
        Account alice = Sessions.register(app, "alice@example.com");
        var empty = new ChangePassword.Command(alice.id(), FieldInput.absent(), FieldInput.absent(), FieldInput.absent());
        assertThat(errorsOf(app.changePassword.change(empty))).containsExactly(
                Map.entry("old_password", List.of("This field is required.")),
                Map.entry("new_password1", List.of("This field is required.")),
                Map.entry("new_password2", List.of("This field is required.")));
    }
}
