package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Confirmation on GET turned off: the link shows a button that posts the key to verify-email. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmationButtonTest {

    private final TestApp app = new TestApp(EmailVerification.MANDATORY);
    private ApiServer api;

    @BeforeAll
    void start() {
        api = ApiServer.start(app, RestSettings.defaults(app.settings).withConfirmEmailOnGet(false));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static String link(String key) {
        return "/auth/registration/account-confirm-email/" + key + "/";
    }

    @Test
    void showsAButtonAndConfirmsOnlyWhenItIsPressed() {
        String email = Flows.uniqueEmail("careful");
        String key = EmailVerificationEndpointTest.signUp(api, email);

        Reply page = api.get(link(key)).header("Accept", EmailVerificationEndpointTest.BROWSER).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>Confirm E-mail Address</title>",
                "<form method=\"post\" action=\"/auth/registration/verify-email/\">",
                "<input type=\"hidden\" name=\"key\" value=\"" + key + "\">", "<button type=\"submit\">");
        assertThat(app.account(email).emailVerified()).isFalse();

        Reply pressed = api.post("/auth/registration/verify-email/")
                .header("Accept", EmailVerificationEndpointTest.BROWSER).form("key=" + key).send();

        assertThat(pressed.status()).isEqualTo(302);
        assertThat(pressed.header("Location")).isEqualTo("/auth/login/");
        assertThat(app.account(email).emailVerified()).isTrue();

        Reply again = api.post("/auth/registration/verify-email/")
                .header("Accept", EmailVerificationEndpointTest.BROWSER).form("key=" + key).send();
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains(EmailVerificationEndpointTest.DEAD_LINK_TEXT);
    }

    @Test
    void refusesApiClients() {
        String email = Flows.uniqueEmail("api");
        String key = EmailVerificationEndpointTest.signUp(api, email);

        Reply reply = api.get(link(key)).header("Accept", "application/json").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("HEAD, OPTIONS");
        assertThat(app.account(email).emailVerified()).isFalse();
    }

    @Test
    void escapesTheKeyItShows() {
        Reply page = api.get(link("%22%3E%3Cscript%3E%27x")).header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"&quot;&gt;&lt;script&gt;&#x27;x\"")
                .doesNotContain("<script");
    }
}
