package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.mail.MailKind;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With enumeration protection, a known and an unknown address get byte-identical answers from
 * registration, login, password reset and confirmation resend: status, headers and body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnumerationEndpointTest {

    private final TestApp app = new TestApp(ArticleSetup.settings(EmailVerification.MANDATORY, false),
            TokenSettings.simpleJwtDefaults(), false, EnumerationProtection.ON);
    private ApiServer api;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    /** Everything a client sees, but the date. */
    private static String seen(Reply reply) {
        Map<String, List<String>> headers = new TreeMap<>(reply.headers().map());
        headers.remove("date");
        return reply.status() + " " + headers + " " + reply.body();
    }

    private static String registration(String email) {
        return "{\"email\": \"" + email + "\", \"password1\": \"An0ther-Secret!\", \"password2\": \"An0ther-Secret!\","
                + " \"gender\": \"M\", \"phone_number\": \"+15550002222\"}";
    }

    private String post(String path, String json) {
        return seen(api.post(path).json(json).send());
    }

    @Test
    void registrationOfATakenAddressAnswersLikeAFreshOne() {
        String taken = Flows.uniqueEmail("taken");
        Flows.registered(app, taken);

        String fresh = post("/auth/registration/", registration(Flows.uniqueEmail("fresh")));
        String again = post("/auth/registration/", registration(taken.toUpperCase(java.util.Locale.ROOT)));

        assertThat(again).isEqualTo(fresh).startsWith("201 ").endsWith("{\"detail\":\"Verification e-mail sent.\"}");
        assertThat(Mailbox.last(app, MailKind.ACCOUNT_ALREADY_EXISTS, taken).to().value()).isEqualTo(taken);
    }

    @Test
    void loginWithAWrongPasswordAnswersLikeAnUnknownAddress() {
        String known = Flows.uniqueEmail("known");
        Flows.registered(app, known);

        String wrongPassword = post("/auth/login/", Flows.loginJson(known, "not-" + Flows.PASSWORD));
        String unknown = post("/auth/login/", Flows.loginJson(Flows.uniqueEmail("nobody"), Flows.PASSWORD));

        assertThat(unknown).isEqualTo(wrongPassword)
                .endsWith("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
    }

    @Test
    void resetAndResendAnswerAlikeAndMailBothAddresses() {
        String known = Flows.uniqueEmail("unconfirmed");
        Flows.registeredUnverified(app, known);
        String unknown = Flows.uniqueEmail("nobody");

        assertThat(post("/auth/password/reset/", "{\"email\": \"" + unknown + "\"}"))
                .isEqualTo(post("/auth/password/reset/", "{\"email\": \"" + known + "\"}"));
        assertThat(post("/auth/registration/resend-email/", "{\"email\": \"" + unknown + "\"}"))
                .isEqualTo(post("/auth/registration/resend-email/", "{\"email\": \"" + known + "\"}"));

        assertThat(Mailbox.last(app, MailKind.PASSWORD_RESET, known)).isNotNull();
        assertThat(Mailbox.last(app, MailKind.EMAIL_CONFIRMATION, known)).isNotNull();
        assertThat(app.outbox.all()).filteredOn(entry -> entry.mail().to().value().equals(unknown))
                .extracting(entry -> entry.mail().kind())
                .containsExactly(MailKind.UNKNOWN_ACCOUNT, MailKind.UNKNOWN_ACCOUNT);
    }
}
