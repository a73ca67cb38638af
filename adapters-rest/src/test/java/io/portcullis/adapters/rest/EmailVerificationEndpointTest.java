package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rows "Verify e-mail" and "Login before verification" of the reference (mandatory
 * verification), the confirmation link of the mail, and the allauth.urls variant, whose page
 * for a dead link Portcullis shows with a 404 where dj-rest-auth as set up answers a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailVerificationEndpointTest {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String DEAD_LINK_TEXT = "This e-mail confirmation link expired or is invalid. "
            + "Please issue a new e-mail confirmation request.";
    private static final String OK = "200 {\"detail\":\"ok\"}";
    private static final String NOT_FOUND = "404 {\"detail\":\"Not found.\"}";
    private static final String DEAD_LINK_JSON = "404 {\"detail\":\"This e-mail confirmation link expired or is invalid.\"}";

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

    /** Signs up over HTTP, as mandatory-1 does, and returns the key of the sign-up mail. */
    static String signUp(ApiServer server, String email) {
        Reply reply = server.post("/auth/registration/").json(RegistrationEndpointTest.form(email)).send();
        assertThat(reply).hasToString("201 {\"detail\":\"Verification e-mail sent.\"}");
        return Mailbox.confirmationKey(server.app, email);
    }

    private Reply verify(String path, String key) {
        return api.post(path).json("{\"key\": \"" + key + "\"}").send();
    }

    private static String link(String key) {
        return "/auth/registration/account-confirm-email/" + key + "/";
    }

    @Test
    void confirmsWithTheKeyOfTheSignUpMailOnce() { // mandatory-1, mandatory-22, mandatory-38, mandatory-39
        String email = Flows.uniqueEmail("alice");
        String key = signUp(api, email);
        assertThat(Mailbox.mails(app, MailKind.EMAIL_CONFIRMATION_SIGNUP, email)).hasSize(1);
        assertThat(api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send())
                .hasToString("400 {\"non_field_errors\":[\"E-mail is not verified.\"]}");
        assertThat(api.post("/auth/login/").json(Flows.loginJson(email, "nope-nope-1")).send())
                .hasToString("400 {\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");

        Reply first = verify("/auth/registration/verify-email/", key);
        Reply second = verify("/auth/registration/verify-email/", key);

        assertThat(first).hasToString(OK);
        assertThat(first.header("Content-Type")).isEqualTo("application/json");
        assertThat(second).hasToString(NOT_FOUND);
        assertThat(app.account(email).emailVerified()).isTrue();
        Flows.logIn(api, email);
    }

    @Test
    void refusesUnknownAndTamperedKeys() { // mandatory-34, mandatory-35
        String key = signUp(api, Flows.uniqueEmail("tampered"));

        assertThat(verify("/auth/registration/verify-email/", "bogus")).hasToString(NOT_FOUND);
        assertThat(verify("/auth/registration/verify-email/", key + "xx")).hasToString(NOT_FOUND);
    }

    @Test
    void asksForTheKey() { // mandatory-36
        assertThat(api.post("/auth/registration/verify-email/").json("{}").send())
                .hasToString("400 {\"key\":[\"This field is required.\"]}");
        assertThat(api.post("/auth/account-confirm-email/").json("{\"key\": \"\"}").send())
                .hasToString("400 {\"key\":[\"This field may not be blank.\"]}");
    }

    @Test
    void refusesGet() { // mandatory-37: Allow leaves out HEAD, which dj-rest-auth lists but refuses too
        Reply reply = api.get("/auth/registration/verify-email/").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(api.get("/auth/account-confirm-email/").send().status()).isEqualTo(405);
    }

    @Test
    void confirmsUnderTheDocumentedAlias() { // mandatory-40
        String email = Flows.uniqueEmail("form");
        String key = signUp(api, email);

        assertThat(verify("/auth/account-confirm-email/", key)).hasToString(OK);
        assertThat(verify("/auth/account-confirm-email", key)).hasToString(NOT_FOUND);
        assertThat(app.account(email).emailVerified()).isTrue();
    }

    @Test
    void acceptsAFormEncodedKey() {
        String key = signUp(api, Flows.uniqueEmail("formkey"));

        assertThat(api.post("/auth/registration/verify-email/").form("key=" + key).send()).hasToString(OK);
    }

    @Test
    void confirmsByFollowingTheLinkThenSendsTheBrowserToLogin() { // mandatory-42, mandatory-44, mandatory-46
        String email = Flows.uniqueEmail("bob");
        String key = signUp(api, email);

        Reply followed = api.get(link(key)).header("Accept", BROWSER).send();

        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("Location")).isEqualTo("/auth/login/");
        assertThat(followed.body()).isEmpty();
        assertThat(app.account(email).emailVerified()).isTrue();
        Flows.logIn(api, email);
    }

    @Test
    void showsAPageForADeadLink() { // mandatory-43, mandatory-45, allauthurls-2, allauthurls-4: 404, not 500 or 200
        String key = signUp(api, Flows.uniqueEmail("kate"));
        assertThat(api.get(link(key)).header("Accept", BROWSER).send().status()).isEqualTo(302); // allauthurls-3

        for (String dead : new String[] {"bogus-key", key}) {
            Reply page = api.get(link(dead)).header("Accept", "text/html").send();

            assertThat(page.status()).isEqualTo(404);
            assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'unsafe-inline'");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.body()).contains("<title>Confirm E-mail Address</title>", "<h1>Confirm E-mail Address</h1>",
                    DEAD_LINK_TEXT).doesNotContain("<script");
        }
    }

    @Test
    void answersJsonForADeadLinkToApiClients() {
        assertThat(api.get(link("bogus-key")).send()).hasToString(DEAD_LINK_JSON);
        assertThat(api.get(link("bogus-key")).header("Accept", "application/json").send()).hasToString(DEAD_LINK_JSON);
        assertThat(api.get(link("bogus-key")).header("Accept", "text/html;q=0.5, application/json").send())
                .hasToString(DEAD_LINK_JSON);
    }

    @Test
    void worksWithoutTheTrailingSlash() {
        String email = Flows.uniqueEmail("noslash");
        String key = signUp(api, email);

        Reply followed = api.get("/auth/registration/account-confirm-email/" + key).send();

        assertThat(followed.status()).isEqualTo(302);
        assertThat(app.account(email).emailVerified()).isTrue();
    }

    @Test
    void doesNotConfirmOnHead() {
        String email = Flows.uniqueEmail("scanner");
        String key = signUp(api, email);

        Reply head = api.call("HEAD", link(key)).send();

        assertThat(head.status()).isEqualTo(200);
        assertThat(app.account(email).emailVerified()).isFalse();
        assertThat(api.get(link(key)).send().status()).isEqualTo(302);
    }

    @Test
    void refusesAKeyForAnAddressTheAccountNoLongerHas() {
        String email = Flows.uniqueEmail("moved");
        String key = signUp(api, email);
        Account old = app.account(email);
        app.accounts.update(new Account(old.id(), old.username(), Optional.of(new EmailAddress(Flows.uniqueEmail("moved"))),
                false, old.active(), old.passwordHash(), old.profile(), old.createdAt(), old.lastLoginAt(),
                old.passwordChangedAt(), old.version() + 1));

        assertThat(verify("/auth/registration/verify-email/", key)).hasToString(NOT_FOUND);
        assertThat(api.get(link(key)).send()).hasToString(DEAD_LINK_JSON);
        assertThat(app.accounts.findById(old.id()).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void describesItselfToOptions() {
        Reply verify = api.call("OPTIONS", "/auth/registration/verify-email/").send();
        Reply link = api.call("OPTIONS", link("anything")).send();

        assertThat(verify.body()).isEqualTo("{\"name\":\"Verify Email\",\"description\":\"\","
                + "\"renders\":[\"application/json\",\"text/html\"],"
                + "\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"],"
                + "\"actions\":{\"POST\":{\"key\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Key\"}}}}");
        assertThat(verify.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void refusesAKeyPastItsThreeDays() {
        var late = new TestApp(EmailVerification.MANDATORY);
        try (var server = ApiServer.start(late)) {
            String first = signUp(server, "expired-1@example.com");
            String second = signUp(server, "expired-2@example.com");
            late.clock.advance(Duration.ofDays(3).plusSeconds(1));

            assertThat(server.post("/auth/registration/verify-email/").json("{\"key\": \"" + first + "\"}").send())
                    .hasToString(NOT_FOUND);
            assertThat(server.get(link(second)).header("Accept", "text/html").send().body()).contains(DEAD_LINK_TEXT);
            assertThat(late.account("expired-1@example.com").emailVerified()).isFalse();
            assertThat(late.account("expired-2@example.com").emailVerified()).isFalse();
        }
    }

    @Test
    void redirectsWhereTheSettingsSay() {
        var custom = new TestApp(EmailVerification.MANDATORY);
        var login = ApiServer.start(custom, RestSettings.defaults(custom.settings).withLoginUrl("/signin/"));
        try (login) {
            String key = signUp(login, "login-url@example.com");
            assertThat(login.get(link(key)).send().header("Location")).isEqualTo("/signin/");
        }
        var other = new TestApp(EmailVerification.MANDATORY);
        var welcome = ApiServer.start(other, RestSettings.defaults(other.settings).withLoginUrl("/signin/")
                .withEmailConfirmedRedirectUrl("https://app.example.com/welcome?from=mail"));
        try (welcome) {
            String key = signUp(welcome, "welcome@example.com");
            assertThat(welcome.get(link(key)).send().header("Location")).isEqualTo("https://app.example.com/welcome?from=mail");
        }
    }

    @Test
    void followsTheBasePath() {
        var app2 = new TestApp(EmailVerification.MANDATORY);
        try (var server = ApiServer.start(app2, RestSettings.defaults(app2.settings).withBasePath("/dj-rest-auth"))) {
            Reply reply = server.post("/dj-rest-auth/registration/").json(RegistrationEndpointTest.form("base@example.com")).send();
            assertThat(reply.status()).isEqualTo(201);
            String key = Mailbox.confirmationKey(app2, "base@example.com");

            Reply followed = server.get("/dj-rest-auth/registration/account-confirm-email/" + key + "/").send();

            assertThat(followed.status()).isEqualTo(302);
            assertThat(followed.header("Location")).isEqualTo("/dj-rest-auth/login/");
        }
    }
}
