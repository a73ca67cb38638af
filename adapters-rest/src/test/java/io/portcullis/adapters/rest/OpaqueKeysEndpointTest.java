package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.adapters.rest.settings.TokenMode;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.session.SessionKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Token mode, dj-rest-auth's default ({@code USE_JWT = False}): login and registration answer
 * {@code {"key": "..."}}, requests authenticate with {@code Authorization: Token <key>} as DRF's
 * TokenAuthentication answers them, logout revokes the key, and the JWT endpoints are not there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpaqueKeysEndpointTest {

    static final String NOT_PROVIDED = "{\"detail\":\"Authentication credentials were not provided.\"}";
    static final String INVALID = "{\"detail\":\"Invalid token.\"}";

    private final TestApp app = new TestApp(ArticleSetup.settings(EmailVerification.NONE, false),
            TokenSettings.simpleJwtDefaults(), true);
    private ApiServer api;

    @BeforeAll
    void start() {
        api = ApiServer.start(app, RestSettings.defaults(app.settings).withTokenMode(TokenMode.OPAQUE));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private String logIn(String email) {
        Reply login = api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send();
        assertThat(login.status()).isEqualTo(200);
        return login.text("key");
    }

    @Test
    void loginAnswersAKeyOnlyAndStoresItsDigest() {
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);

        Reply login = api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send();

        assertThat(login.status()).isEqualTo(200);
        String key = login.text("key");
        assertThat(login.body()).isEqualTo("{\"key\":\"" + key + "\"}");
        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(login.headers("Set-Cookie")).isEmpty();
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        assertThat(app.sessions.keyDigests()).contains(new SessionKey(key).digest()).doesNotContain(key);
    }

    @Test
    void registrationAnswersAKey() {
        Reply registered = api.post("/auth/registration/").json("{\"email\":\"" + Flows.uniqueEmail("bob")
                + "\",\"password1\":\"" + Flows.PASSWORD + "\",\"password2\":\"" + Flows.PASSWORD
                + "\",\"gender\":\"F\",\"phone_number\":\"+15550001111\"}").send();

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().fieldNames().next()).isEqualTo("key");
        assertThat(api.get("/auth/user/").header("Authorization", "Token " + registered.text("key")).send().status())
                .isEqualTo(200);
    }

    @Test
    void theKeyAuthenticatesAsDrfsTokenAuthentication() {
        String email = Flows.uniqueEmail("carol");
        Flows.registered(app, email);
        String key = logIn(email);

        assertThat(api.get("/auth/user/").header("Authorization", "Token " + key).send().status()).isEqualTo(200);
        assertThat(api.get("/auth/user/").header("Authorization", "token " + key).send().status()).isEqualTo(200);
        Reply none = api.get("/auth/user/").send();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).isEqualTo(NOT_PROVIDED);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Token");
        Reply bearer = api.get("/auth/user/").bearer(key).send();
        assertThat(bearer.body()).isEqualTo(NOT_PROVIDED);
        Reply wrong = api.get("/auth/user/").header("Authorization", "Token nope").send();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(INVALID);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Token");
        assertThat(api.get("/auth/user/").header("Authorization", "Token").send().body())
                .isEqualTo("{\"detail\":\"Invalid token header. No credentials provided.\"}");
        assertThat(api.get("/auth/user/").header("Authorization", "Token a b").send().body())
                .isEqualTo("{\"detail\":\"Invalid token header. Token string should not contain spaces.\"}");
    }

    @Test
    void anInactiveAccountsKeyIsRefused() {
        String email = Flows.uniqueEmail("dan");
        Flows.registered(app, email);
        String key = logIn(email);
        app.deactivate(email);

        assertThat(api.get("/auth/user/").header("Authorization", "Token " + key).send().body())
                .isEqualTo("{\"detail\":\"User inactive or deleted.\"}");
    }

    @Test
    void logoutRevokesThisKeyAndLeavesTheOtherSessions() {
        String email = Flows.uniqueEmail("erin");
        Flows.registered(app, email);
        String laptop = logIn(email);
        String phone = logIn(email);

        Reply out = api.post("/auth/logout/").header("Authorization", "Token " + laptop).send();

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body()).isEqualTo("{\"detail\":\"Successfully logged out.\"}");
        assertThat(api.get("/auth/user/").header("Authorization", "Token " + laptop).send().body()).isEqualTo(INVALID);
        assertThat(api.get("/auth/user/").header("Authorization", "Token " + phone).send().status()).isEqualTo(200);
        assertThat(api.post("/auth/logout/").header("Authorization", "Token " + laptop).send().body()).isEqualTo(INVALID);
        assertThat(api.post("/auth/logout/").send().body()).isEqualTo("{\"detail\":\"Successfully logged out.\"}");
    }

    @Test
    void theSessionsOfKeysAreListedAndEnded() {
        String email = Flows.uniqueEmail("fay");
        Flows.registered(app, email);
        app.sessions.revokeAll(app.account(email).id(), app.clock.instant());
        String laptop = logIn(email);
        String phone = logIn(email);

        Reply list = api.get("/auth/sessions/").header("Authorization", "Token " + laptop).send();
        assertThat(list.json()).hasSize(2);

        Reply others = api.post("/auth/sessions/revoke-others/").header("Authorization", "Token " + laptop).send();
        assertThat(others.json().get("revoked").asInt()).isEqualTo(1);
        assertThat(api.get("/auth/user/").header("Authorization", "Token " + phone).send().body()).isEqualTo(INVALID);
    }

    @Test
    void theJwtEndpointsAreNotThereAndTheDocumentSaysTokenKeys() {
        assertThat(api.post("/auth/token/refresh/").json("{}").send().status()).isEqualTo(404);
        assertThat(api.post("/auth/token/verify/").json("{\"token\":\"x\"}").send().status()).isEqualTo(404);
        var document = api.get("/auth/openapi.json").send().json();
        assertThat(document.get("components").get("securitySchemes").has("tokenKey")).isTrue();
        assertThat(document.get("components").get("securitySchemes").has("jwtBearer")).isFalse();
        assertThat(document.get("paths").has("/auth/token/refresh/")).isFalse();
        assertThat(document.get("paths").get("/auth/login/").get("post").get("responses").get("200").get("content")
                .get("application/json").get("schema").get("$ref").asText()).isEqualTo("#/components/schemas/Key");
    }
}
