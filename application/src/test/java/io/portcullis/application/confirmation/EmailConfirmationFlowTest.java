package io.portcullis.application.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fakes.InMemoryMailOutbox;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailConfirmationFlowTest {

    private final UseCases app = new UseCases(ArticleSetup.settings(EmailVerification.MANDATORY, false),
            TokenSettings.simpleJwtDefaults());

    private Account register(String email, List<String> languages) {
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(Sessions.PASSWORD),
                FieldInput.of(Sessions.PASSWORD), Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+1")),
                languages);
        return ((RegisterAccount.Outcome.Registered) app.register.register(form)).account();
    }

    private List<OutgoingMail> mails() {
        return app.outbox.all().stream().map(InMemoryMailOutbox.Entry::mail).toList();
    }

    private LogIn.Outcome logIn(String email) {
        return app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(Sessions.PASSWORD)));
    }

    @Test
    void registrationQueuesTheSignupMailWithTheLinkInTheClientsLanguage() {
        register("alice@example.com", List.of("de-DE", "en"));
        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail.kind()).isEqualTo(MailKind.EMAIL_CONFIRMATION_SIGNUP);
            assertThat(mail.to().value()).isEqualTo("alice@example.com");
            assertThat(mail.language()).isEqualTo("de");
            assertThat(mail.variables()).containsEntry("key", "key-1")
                    .containsEntry("activate_url",
                            "http://127.0.0.1:8001/dj-rest-auth/registration/account-confirm-email/key-1/")
                    .containsEntry("site_name", "example.com")
                    .containsEntry("user_display", "alice@example.com");
        });
    }

    @Test
    void noVerificationMeansNoMail() {
        var none = new UseCases();
        Sessions.register(none, "bob@example.com");
        assertThat(none.outbox.all()).isEmpty();
    }

    @Test
    void theKeyConfirmsOnceAndUnlocksLogin() {
        register("alice@example.com", List.of());
        assertThat(logIn("alice@example.com")).isInstanceOf(LogIn.Outcome.Rejected.class);
        var confirmed = app.confirmEmail.confirm(FieldInput.of("key-1"));
        assertThat(confirmed).isInstanceOf(ConfirmEmail.Outcome.Confirmed.class);
        assertThat(logIn("alice@example.com")).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        assertThat(app.confirmEmail.confirm(FieldInput.of("key-1"))).isEqualTo(new ConfirmEmail.Outcome.NotFound());
    }

    @Test
    void badMissingAndExpiredKeysAreRefused() {
        register("alice@example.com", List.of());
        assertThat(app.confirmEmail.confirm(FieldInput.of("bogus"))).isEqualTo(new ConfirmEmail.Outcome.NotFound());
        assertThat(app.confirmEmail.confirm(FieldInput.absent()))
                .isEqualTo(new ConfirmEmail.Outcome.Invalid(ValidationErrors.of("key", "This field is required.")));
        app.clock.advance(Duration.ofDays(3));
        assertThat(app.confirmEmail.confirm("key-1")).isEqualTo(new ConfirmEmail.Outcome.NotFound());
    }

    @Test
    void resendMailsOnlyUnconfirmedAddressesAndAnswersTheSameForAll() {
        register("alice@example.com", List.of());
        var accepted = new ResendConfirmation.Outcome.Accepted();
        assertThat(app.resendConfirmation.resend(new ResendConfirmation.Command(FieldInput.of("ALICE@example.com"), List.of())))
                .isEqualTo(accepted);
        assertThat(app.resendConfirmation.resend(new ResendConfirmation.Command(FieldInput.of("nobody@example.com"), List.of())))
                .isEqualTo(accepted);
        assertThat(mails()).extracting(OutgoingMail::kind)
                .containsExactly(MailKind.EMAIL_CONFIRMATION_SIGNUP, MailKind.EMAIL_CONFIRMATION);
        // Both keys still work until one is used: resending revokes nothing by default.
        assertThat(app.confirmEmail.confirm("key-1")).isInstanceOf(ConfirmEmail.Outcome.Confirmed.class);
        app.resendConfirmation.resend(new ResendConfirmation.Command(FieldInput.of("alice@example.com"), List.of()));
        assertThat(mails()).hasSize(2);
        assertThat(app.resendConfirmation.resend(new ResendConfirmation.Command(FieldInput.of("x"), List.of())))
                .isEqualTo(new ResendConfirmation.Outcome.Invalid(ValidationErrors.of("email", "Enter a valid email address.")));
    }

    @Test
    void resendCanRevokeEarlierKeys() {
        MailFlowSettings base = ArticleSetup.mail();
        var revoking = new MailFlowSettings(base.siteName(), base.siteDomain(), base.confirmationLinkTemplate(),
                base.resetLinkTemplate(), base.confirmationLifetime(), base.resetLifetime(), true, false, true,
                base.languages(), Map.of());
        var strict = new UseCases(ArticleSetup.settings(EmailVerification.MANDATORY, false),
                TokenSettings.simpleJwtDefaults(), revoking);
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of("carol@example.com"),
                FieldInput.of(Sessions.PASSWORD), FieldInput.of(Sessions.PASSWORD),
                Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+1")));
        strict.register.register(form);
        strict.resendConfirmation.resend(new ResendConfirmation.Command(FieldInput.of("carol@example.com"), List.of()));
        assertThat(strict.confirmEmail.confirm("key-1")).isEqualTo(new ConfirmEmail.Outcome.NotFound());
        assertThat(strict.confirmEmail.confirm("key-2")).isInstanceOf(ConfirmEmail.Outcome.Confirmed.class);
    }
}
