package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.Flows.Tokens;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The password change rows of the reference (old password asked for) and its variant without it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordChangeEndpointTest {

    private static final String NEW = "N3w-Pass!word";

    private final TestApp app = new TestApp(EmailVerification.NONE);
    private ApiServer api;
    private Account alice;
    private Tokens tokens;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @BeforeEach
    void logIn() {
        alice = Flows.registered(app, Flows.uniqueEmail("alice"));
        tokens = Flows.logIn(api, email());
    }

    private String email() {
        return alice.email().orElseThrow().value();
    }

    private Reply change(String body) {
        return api.post("/auth/password/change/").bearer(tokens.access()).json(body).send();
    }

    private static String body(String old, String new1, String new2) {
        return "{\"old_password\": \"" + old + "\", \"new_password1\": \"" + new1 + "\", \"new_password2\": \"" + new2 + "\"}";
    }

    @Test
    void asksForCredentials() { // mandatory-83
        Reply reply = api.post("/auth/password/change/").json(body(Flows.PASSWORD, NEW, NEW)).send();

        assertThat(reply).hasToString("401 {\"detail\":\"Authentication credentials were not provided.\"}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    }

    @Test
    void refusesAWrongOldPassword() { // mandatory-84, mandatory-87
        String wrong = "400 {\"old_password\":[\"Your old password was entered incorrectly. Please enter it again.\"]}";

        assertThat(change(body("not-it-123", NEW, NEW))).hasToString(wrong);
        assertThat(change(body("not-it-123", "a", "b"))).hasToString(wrong);
    }

    @Test
    void refusesDifferingNewPasswords() { // mandatory-85
        assertThat(change(body(Flows.PASSWORD, NEW, NEW + "X")))
                .hasToString("400 {\"new_password2\":[\"The two password fields didn\u2019t match.\"]}");
    }

    @Test
    void refusesAWeakNewPassword() { // mandatory-86
        assertThat(change(body(Flows.PASSWORD, "12345", "12345"))).hasToString("400 {\"new_password2\":["
                + "\"This password is too short. It must contain at least 8 characters.\","
                + "\"This password is too common.\",\"This password is entirely numeric.\"]}");
    }

    @Test
    void listsEveryMissingField() { // mandatory-88
        assertThat(change("{}")).hasToString("400 {\"old_password\":[\"This field is required.\"],"
                + "\"new_password1\":[\"This field is required.\"],\"new_password2\":[\"This field is required.\"]}");
    }

    @Test
    void savesTheNewPassword() { // mandatory-89, mandatory-90, mandatory-91
        assertThat(change(body(Flows.PASSWORD, NEW, NEW))).hasToString("200 {\"detail\":\"New password has been saved.\"}");

        assertThat(api.get("/auth/user/").bearer(tokens.access()).send().status()).isEqualTo(200);
        assertThat(api.post("/auth/login/").json(Flows.loginJson(email(), Flows.PASSWORD)).send())
                .hasToString("400 {\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
        assertThat(api.post("/auth/login/").json(Flows.loginJson(email(), NEW)).send().status()).isEqualTo(200);
    }

    @Test
    void reportsALostRaceAsAConflict() {
        app.accounts.loseNextUpdate();

        assertThat(change(body(Flows.PASSWORD, NEW, NEW)))
                .hasToString("409 {\"detail\":\"The account was changed by another request. Please retry.\"}");
    }

    @Test
    void doesNotAskForTheOldPasswordWhenSettingsSayNot() { // noold-2, noold-3
        AccountSettings article = ArticleSetup.settings(EmailVerification.NONE, false);
        var settings = new AccountSettings(article.loginMethod(), article.emailRequired(), article.usernameEnabled(),
                article.usernameRequired(), article.usernameEditable(), article.usernameMinLength(),
                article.emailVerification(), article.profile(), article.userFields(), article.passwordPolicy(),
                article.passwordMaxLength(), false, article.logoutOnPasswordChange());
        var noOld = new TestApp(settings, TokenSettings.simpleJwtDefaults());
        try (var server = ApiServer.start(noOld)) {
            Flows.registered(noOld, "ivan@example.com");
            Tokens ivan = Flows.logIn(server, "ivan@example.com");

            Reply missing = server.post("/auth/password/change/").bearer(ivan.access()).json("{}").send();
            Reply changed = server.post("/auth/password/change/").bearer(ivan.access())
                    .json("{\"new_password1\": \"" + NEW + "\", \"new_password2\": \"" + NEW + "\"}").send();

            assertThat(missing).hasToString("400 {\"new_password1\":[\"This field is required.\"],"
                    + "\"new_password2\":[\"This field is required.\"]}");
            assertThat(changed).hasToString("200 {\"detail\":\"New password has been saved.\"}");
        }
    }
}
