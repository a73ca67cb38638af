package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.Flows.Tokens;
import io.portcullis.application.settings.EmailVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The logout rows of the reference (blacklist installed). Cookie handling is in {@link TokenCookiesEndpointTest}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogoutEndpointTest {

    private static final String LOGGED_OUT = "200 {\"detail\":\"Successfully logged out.\"}";

    private final TestApp app = new TestApp(EmailVerification.NONE);
    private ApiServer api;
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
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        tokens = Flows.logIn(api, email);
    }

    private Reply logOut(String body) {
        return api.post("/auth/logout/").json(body).send();
    }

    @Test
    void blacklistsTheRefreshTokenOnce() { // mandatory-92, mandatory-93
        Reply first = api.post("/auth/logout/").bearer(tokens.access()).json("{\"refresh\": \"" + tokens.refresh() + "\"}").send();
        Reply second = api.post("/auth/logout/").bearer(tokens.access()).json("{\"refresh\": \"" + tokens.refresh() + "\"}").send();

        assertThat(first).hasToString(LOGGED_OUT);
        assertThat(second).hasToString("401 {\"detail\":\"Token is blacklisted\"}");
        assertThat(second.header("WWW-Authenticate")).isNull();
        assertThat(api.post("/auth/token/refresh/").json("{\"refresh\": \"" + tokens.refresh() + "\"}").send().status())
                .isEqualTo(401);
    }

    @Test
    void endsTheWholeLogin() { // mandatory-94 differs: dj-rest-auth leaves the access token valid until it expires
        logOut("{\"refresh\": \"" + tokens.refresh() + "\"}");

        assertThat(api.get("/auth/user/").bearer(tokens.access()).send().status()).isEqualTo(401);
    }

    @Test
    void needsTheRefreshToken() { // mandatory-95
        assertThat(api.post("/auth/logout/").bearer(tokens.access()).json("{}").send())
                .hasToString("401 {\"detail\":\"Refresh token was not included in request data.\"}");
    }

    @Test
    void refusesGarbage() { // mandatory-96
        assertThat(logOut("{\"refresh\": \"garbage\"}")).hasToString("401 {\"detail\":\"Token is invalid or expired\"}");
    }

    @Test
    void refusesAnAccessTokenWith401() { // mandatory-97: dj-rest-auth answers 500
        assertThat(logOut("{\"refresh\": \"" + tokens.access() + "\"}")).hasToString("401 {\"detail\":\"Token has wrong type\"}");
    }

    @Test
    void needsNoCredentials() { // mandatory-98
        assertThat(logOut("{\"refresh\": \"" + tokens.refresh() + "\"}")).hasToString(LOGGED_OUT);
    }

    @Test
    void refusesGet() { // mandatory-99: dj-rest-auth's Allow lists GET and HEAD too
        Reply reply = api.get("/auth/logout/").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }
}
