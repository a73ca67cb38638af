package io.portcullis.application.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fakes.FakePasswordHasher;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.validation.FieldInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogInTest {

    private static final String PASSWORD = "Xq7!vLp2#Rt9";

    private final UseCases app = new UseCases();

    private Account registered(UseCases in, String email) {
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(PASSWORD),
                FieldInput.of(PASSWORD), Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+1")));
        return ((RegisterAccount.Outcome.Registered) in.register.register(form)).account();
    }

    private static LogIn.Command byEmail(String email, String password) {
        return new LogIn.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(password));
    }

    private static Map<String, List<String>> errorsOf(LogIn.Outcome outcome) {
        assertThat(outcome).isInstanceOf(LogIn.Outcome.Rejected.class);
        return ((LogIn.Outcome.Rejected) outcome).errors().byField();
    }

    @Test
    void logsInByEmailInAnyCaseAndRecordsTheLogin() {
        Account alice = registered(app, "alice@example.com");
        var outcome = (LogIn.Outcome.LoggedIn) app.logIn.logIn(byEmail("ALICE@example.com", PASSWORD));
        assertThat(outcome.account().id()).isEqualTo(alice.id());
        assertThat(app.codec.claimsOf(outcome.tokens().refresh()).account()).isEqualTo(alice.id());
        assertThat(app.accounts.findById(alice.id()).get().lastLoginAt()).contains(app.clock.instant());
    }

    @Test
    void eachLoginIsItsOwnSession() {
        registered(app, "alice@example.com");
        var first = (LogIn.Outcome.LoggedIn) app.logIn.logIn(byEmail("alice@example.com", PASSWORD));
        var second = (LogIn.Outcome.LoggedIn) app.logIn.logIn(byEmail("alice@example.com", PASSWORD));
        assertThat(app.codec.claimsOf(first.tokens().access()).session())
                .isNotEqualTo(app.codec.claimsOf(second.tokens().access()).session());
    }

    @Test
    void wrongPasswordAndUnknownAddressGetTheSameAnswerAndTheSameWork() {
        registered(app, "alice@example.com");
        int before = app.hasher.checks();
        var wrong = errorsOf(app.logIn.logIn(byEmail("alice@example.com", "nope-nope-1")));
        var unknown = errorsOf(app.logIn.logIn(byEmail("nobody@example.com", PASSWORD)));
        assertThat(wrong).isEqualTo(unknown).containsExactly(
                Map.entry("non_field_errors", List.of("Unable to log in with provided credentials.")));
        assertThat(app.hasher.checks() - before).isEqualTo(2);
    }

    @Test
    void missingOrUnusableCredentialsAreNamed() {
        assertThat(errorsOf(app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.absent(),
                FieldInput.of(PASSWORD))))).containsExactly(
                        Map.entry("non_field_errors", List.of("Must include \"email\" and \"password\".")));
        assertThat(errorsOf(app.logIn.logIn(new LogIn.Command(FieldInput.of("alice"), FieldInput.absent(),
                FieldInput.of(PASSWORD))))).containsExactly(
                        Map.entry("non_field_errors", List.of("Must include \"email\" and \"password\".")));
        assertThat(errorsOf(app.logIn.logIn(byEmail("alice@example.com", null)))).containsExactly(
                Map.entry("password", List.of("This field may not be null.")));
        assertThat(errorsOf(app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.absent(),
                FieldInput.absent())))).containsExactly(Map.entry("password", List.of("This field is required.")));
        assertThat(errorsOf(app.logIn.logIn(byEmail("alice", PASSWORD)))).containsExactly(
                Map.entry("email", List.of("Enter a valid email address.")));
    }

    @Test
    void anUnverifiedAddressIsRefusedWhenVerificationIsMandatory() {
        var mandatory = new UseCases(ArticleSetup.settings(EmailVerification.MANDATORY, false),
                TokenSettings.simpleJwtDefaults());
        registered(mandatory, "alice@example.com");
        assertThat(errorsOf(mandatory.logIn.logIn(byEmail("alice@example.com", PASSWORD)))).containsExactly(
                Map.entry("non_field_errors", List.of("E-mail is not verified.")));
        assertThat(errorsOf(mandatory.logIn.logIn(byEmail("alice@example.com", "wrong-password-1")))).containsExactly(
                Map.entry("non_field_errors", List.of("Unable to log in with provided credentials.")));
    }

    @Test
    void aDeactivatedAccountCannotLogIn() {
        Account alice = registered(app, "alice@example.com");
        app.accounts.update(alice.deactivated());
        assertThat(errorsOf(app.logIn.logIn(byEmail("alice@example.com", PASSWORD)))).containsExactly(
                Map.entry("non_field_errors", List.of("Unable to log in with provided credentials.")));
    }

    @Test
    void anOutdatedHashIsReplacedAtTheNextLogin() {
        Account alice = registered(app, "alice@example.com");
        app.accounts.update(alice.withRehashedPassword(FakePasswordHasher.legacyHash(PASSWORD)));
        assertThat(app.logIn.logIn(byEmail("alice@example.com", PASSWORD))).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        assertThat(app.accounts.findById(alice.id()).get().passwordHash().encoded()).isEqualTo("fake$" + PASSWORD);
    }
}
