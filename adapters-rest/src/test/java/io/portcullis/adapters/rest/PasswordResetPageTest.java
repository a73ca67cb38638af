package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The built-in page behind the reset link: a plain form for browsers, answered with pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetPageTest {

    private static final String BROWSER = EmailVerificationEndpointTest.BROWSER;
    private static final String NEW = "R3set-Pass!";

    private final TestApp app = new TestApp(EmailVerification.MANDATORY);
    private ApiServer api;
    private String email;
    private String uid;
    private String token;
    private String link;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @BeforeEach
    void requestALink() {
        email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        assertThat(PasswordResetEndpointTest.requestReset(api, email)).hasToString(PasswordResetEndpointTest.SENT);
        OutgoingMail mail = Mailbox.last(app, MailKind.PASSWORD_RESET, email);
        uid = mail.variables().get("uid");
        token = mail.variables().get("token");
        link = "/auth/password/reset/confirm/" + uid + "/" + token + "/";
    }

    private static String form(String uid, String token, String new1, String new2) {
        return "uid=" + encode(uid) + "&token=" + encode(token) + "&new_password1=" + encode(new1)
                + "&new_password2=" + encode(new2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void showsAFormThatPostsBackToTheLink() {
        Reply page = api.get(link).header("Accept", BROWSER).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'unsafe-inline'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).contains(
                "<form method=\"post\" action=\"" + link + "\">",
                "<input type=\"hidden\" name=\"uid\" value=\"" + uid + "\">",
                "<input type=\"hidden\" name=\"token\" value=\"" + token + "\">",
                "type=\"password\" id=\"new_password1\" name=\"new_password1\"",
                "type=\"password\" id=\"new_password2\" name=\"new_password2\"")
                .doesNotContain("<script");
    }

    @Test
    void resetsFromTheFormAndAnswersWithAPage() {
        Reply done = api.post(link).header("Accept", BROWSER).form(form(uid, token, NEW, NEW)).send();

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(done.body()).contains("Your password has been reset.").doesNotContain("<form");
        Flows.logIn(api, email, NEW);
    }

    @Test
    void showsTheFormAgainUnderWhatWasWrong() {
        Reply refused = api.post(link).header("Accept", BROWSER).form(form(uid, token, NEW, NEW + "<x>")).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(refused.body()).contains(
                "New password (again): The two password fields didn\u2019t match.",
                "<input type=\"hidden\" name=\"token\" value=\"" + token + "\">");
        // A typo does not spend the link.
        assertThat(api.post(link).form(form(uid, token, NEW, NEW)).send()).hasToString(PasswordResetEndpointTest.RESET);
    }

    @Test
    void saysWhenTheLinkIsDead() {
        String dead = "/auth/password/reset/confirm/" + uid + "/abc-123/";

        Reply refused = api.post(dead).header("Accept", "text/html").form(form(uid, "abc-123", NEW, NEW)).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("This password reset link is invalid or has expired.")
                .doesNotContain("Invalid value");
    }

    @Test
    void escapesWhatTheLinkCarries() {
        Reply page = api.get("/auth/password/reset/confirm/%3Cb%3E/%22%3E%3Cscript%3E%27x/")
                .header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("name=\"uid\" value=\"&lt;b&gt;\"", "name=\"token\" value=\"&quot;&gt;&lt;script&gt;&#x27;x\"")
                .doesNotContain("<script", "<b>");
    }

    @Test
    void escapesTheMessagesAndValuesItShowsAgain() {
        Reply refused = api.post("/auth/password/reset/confirm/")
                .header("Accept", "text/html").form(form("<i>", "\"'", "", "")).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("New password: This field may not be blank.",
                "name=\"uid\" value=\"&lt;i&gt;\"", "name=\"token\" value=\"&quot;&#x27;\"",
                "action=\"/auth/password/reset/confirm/\"").doesNotContain("<i>");
    }

    @Test
    void keepsJsonForApiClientsPostingAForm() {
        Reply reply = api.post(link).form(form(uid, token, NEW, NEW)).send();

        assertThat(reply).hasToString(PasswordResetEndpointTest.RESET);
    }
}
