package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.mail.MailKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Accept-Language picks the language of the mails a request queues (the test app writes English and German). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailLanguageTest {

    private static final String GERMAN_FIRST = "de-DE,de;q=0.9,en;q=0.8";

    private final TestApp app = new TestApp(EmailVerification.MANDATORY);
    private ApiServer api;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private String language(MailKind kind, String email) {
        return Mailbox.last(app, kind, email).language();
    }

    @Test
    void writesTheSignUpMailInTheClientsLanguage() {
        String email = Flows.uniqueEmail("anna");

        api.post("/auth/registration/").header("Accept-Language", GERMAN_FIRST)
                .json(RegistrationEndpointTest.form(email)).send();

        assertThat(language(MailKind.EMAIL_CONFIRMATION_SIGNUP, email)).isEqualTo("de");
    }

    @Test
    void writesTheResentMailInTheClientsLanguage() {
        String email = Flows.uniqueEmail("bert");
        Flows.registeredUnverified(app, email);

        api.post("/auth/registration/resend-email/").header("Accept-Language", GERMAN_FIRST)
                .json("{\"email\": \"" + email + "\"}").send();

        assertThat(language(MailKind.EMAIL_CONFIRMATION, email)).isEqualTo("de");
    }

    @Test
    void writesTheResetMailAndItsNoticeInTheClientsLanguage() {
        String email = Flows.uniqueEmail("carla");
        Flows.registered(app, email);

        PasswordResetEndpointTest.requestReset(api, email);
        api.post("/auth/password/reset/").header("Accept-Language", GERMAN_FIRST)
                .json("{\"email\": \"" + email + "\"}").send();
        var mail = Mailbox.last(app, MailKind.PASSWORD_RESET, email);
        api.post("/auth/password/reset/confirm/").header("Accept-Language", "fr-CH, de;q=0.5")
                .json(PasswordResetEndpointTest.confirmJson(mail.variables().get("uid"), mail.variables().get("token"),
                        "R3set-Pass!", "R3set-Pass!"))
                .send();

        assertThat(Mailbox.mails(app, MailKind.PASSWORD_RESET, email)).extracting(m -> m.language())
                .containsExactly("en", "de");
        assertThat(language(MailKind.PASSWORD_CHANGED, email)).isEqualTo("de");
    }

    @Test
    void writesThePasswordChangeNoticeInTheClientsLanguage() {
        String email = Flows.uniqueEmail("dora");
        Flows.registered(app, email);
        Flows.Tokens tokens = Flows.logIn(api, email);

        Reply changed = api.post("/auth/password/change/").bearer(tokens.access()).header("Accept-Language", GERMAN_FIRST)
                .json("{\"old_password\": \"" + Flows.PASSWORD + "\", \"new_password1\": \"N3w-Pass!word\","
                        + " \"new_password2\": \"N3w-Pass!word\"}")
                .send();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(language(MailKind.PASSWORD_CHANGED, email)).isEqualTo("de");
    }

    @Test
    void fallsBackToTheFirstConfiguredLanguage() {
        String email = Flows.uniqueEmail("emil");
        Flows.registered(app, email);

        api.post("/auth/password/reset/").header("Accept-Language", "fr;q=1, *;q=0.1, de;q=0")
                .json("{\"email\": \"" + email + "\"}").send();

        assertThat(language(MailKind.PASSWORD_RESET, email)).isEqualTo("en");
    }
}
