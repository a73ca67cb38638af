package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.account.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JWT cookies as the reference sets, reads and deletes them: the main run's set-up
 * ({@code my-app-auth}, {@code my-refresh-token}, not HttpOnly) and the HttpOnly variant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenCookiesEndpointTest {

    private static final String DELETED_ACCESS =
            "my-app-auth=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";
    private static final String DELETED_REFRESH =
            "my-refresh-token=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";

    private final TestApp app = new TestApp(EmailVerification.NONE);
    private final TestApp httpOnlyApp = new TestApp(EmailVerification.NONE);
    private ApiServer api;
    private ApiServer httpOnly;

    @BeforeAll
    void start() {
        CookieSettings cookies = CookieSettings.named("my-app-auth", "my-refresh-token");
        api = ApiServer.start(app, RestSettings.defaults(app.settings).withCookies(cookies.withHttpOnly(false)));
        httpOnly = ApiServer.start(httpOnlyApp, RestSettings.defaults(httpOnlyApp.settings).withCookies(cookies));
    }

    @AfterAll
    void stop() {
        api.close();
        httpOnly.close();
    }

    private Reply logIn(ApiServer server, String email) {
        return server.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send();
    }

    @Test
    void loginSetsBothCookiesInDjangosFormat() { // mandatory-46, Part 3
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);

        Reply login = logIn(api, email);

        assertThat(login.headers("Set-Cookie")).containsExactly(
                "my-app-auth=" + login.text("access") + "; expires=Sun, 29 Nov 2026 03:37:18 GMT; Max-Age=300; Path=/; SameSite=Lax",
                "my-refresh-token=" + login.text("refresh")
                        + "; expires=Mon, 30 Nov 2026 03:32:18 GMT; Max-Age=86400; Path=/; SameSite=Lax");
    }

    @Test
    void theAccessCookieAuthenticatesButTheHeaderWins() { // mandatory-60
        String email = Flows.uniqueEmail("alice");
        Account alice = Flows.registered(app, email);
        Reply login = logIn(api, email);

        Reply byCookie = api.get("/auth/user/").cookie("my-app-auth=" + login.text("access")).send();
        Reply headerWins = api.get("/auth/user/").bearer(login.text("access")).cookie("my-app-auth=garbage").send();
        Reply badCookie = api.get("/auth/user/").cookie("my-app-auth=garbage").send();
        Reply otherScheme = api.get("/auth/user/").header("Authorization", "Token abc")
                .cookie("my-app-auth=" + login.text("access")).send();

        assertThat(byCookie).hasToString("200 " + Flows.userJson(alice, "F"));
        assertThat(headerWins).hasToString("200 " + Flows.userJson(alice, "F"));
        assertThat(badCookie.status()).isEqualTo(401);
        assertThat(badCookie.json().get("code").asText()).isEqualTo("token_not_valid");
        assertThat(otherScheme).hasToString("401 {\"detail\":\"Authentication credentials were not provided.\"}");
    }

    @Test
    void aStaleAccessCookieDoesNotStopPublicEndpoints() { // mandatory-53 differs on purpose
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);

        Reply login = api.post("/auth/login/").cookie("my-app-auth=stale").json(Flows.loginJson(email, Flows.PASSWORD)).send();
        Reply registration = api.post("/auth/registration/").cookie("my-app-auth=stale")
                .json(RegistrationEndpointTest.form(Flows.uniqueEmail("new"))).send();

        assertThat(login.status()).isEqualTo(200);
        assertThat(registration.status()).isEqualTo(201);
        assertThat(registration.headers("Set-Cookie")).isEmpty();
    }

    @Test
    void refreshReadsTheCookieAndSetsBothAgain() { // mandatory-82
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        Reply login = logIn(api, email);

        Reply refreshed = api.post("/auth/token/refresh/").cookie("my-refresh-token=" + login.text("refresh")).json("{}").send();

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.headers("Set-Cookie")).containsExactly(
                "my-app-auth=" + refreshed.text("access") + "; expires=Sun, 29 Nov 2026 03:37:18 GMT; Max-Age=300; Path=/; SameSite=Lax",
                "my-refresh-token=" + refreshed.text("refresh")
                        + "; expires=Mon, 30 Nov 2026 03:32:18 GMT; Max-Age=86400; Path=/; SameSite=Lax");
    }

    @Test
    void theBodyWinsOverTheRefreshCookie() {
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        Reply login = logIn(api, email);

        Reply reply = api.post("/auth/token/refresh/").cookie("my-refresh-token=" + login.text("refresh"))
                .json("{\"refresh\": \"garbage\"}").send();

        assertThat(reply).hasToString("401 {\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}");
        assertThat(reply.headers("Set-Cookie")).isEmpty();
    }

    @Test
    void logoutDeletesBothCookiesWhateverHappens() { // mandatory-92, -93, -95, -96, -97
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        Reply login = logIn(api, email);

        Reply first = api.post("/auth/logout/").json("{\"refresh\": \"" + login.text("refresh") + "\"}").send();
        Reply again = api.post("/auth/logout/").json("{\"refresh\": \"" + login.text("refresh") + "\"}").send();
        Reply missing = api.post("/auth/logout/").json("{}").send();
        Reply wrongType = api.post("/auth/logout/").json("{\"refresh\": \"" + login.text("access") + "\"}").send();

        for (Reply reply : new Reply[] {first, again, missing, wrongType}) {
            assertThat(reply.headers("Set-Cookie")).containsExactly(DELETED_ACCESS, DELETED_REFRESH);
        }
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
    }

    @Test
    void logoutDeletesTheCookiesEvenWhenItFails() {
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        Reply login = logIn(api, email);
        app.sessions.failNextConsume();

        Reply reply = api.post("/auth/logout/").json("{\"refresh\": \"" + login.text("refresh") + "\"}").send();

        assertThat(reply).hasToString("500 {\"detail\":\"An error has occurred.\"}");
        assertThat(reply.headers("Set-Cookie")).containsExactly(DELETED_ACCESS, DELETED_REFRESH);
    }

    @Test
    void logoutReadsTheRefreshCookie() { // mandatory-100 and httponly-4 differ on purpose: the cookie is read
        String email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        Reply login = logIn(api, email);

        Reply reply = api.post("/auth/logout/").cookie("my-refresh-token=" + login.text("refresh")).json("{}").send();

        assertThat(reply).hasToString("200 {\"detail\":\"Successfully logged out.\"}");
        assertThat(api.post("/auth/token/refresh/").json("{\"refresh\": \"" + login.text("refresh") + "\"}").send().status())
                .isEqualTo(401);
    }

    @Test
    void httpOnlyCookiesKeepTheRefreshTokenOutOfTheLoginBody() { // httponly-2, httponly-3
        Flows.registered(httpOnlyApp, "hank@example.com");

        Reply login = logIn(httpOnly, "hank@example.com");
        String refreshCookie = login.headers("Set-Cookie").get(1);
        String refreshToken = refreshCookie.substring("my-refresh-token=".length(), refreshCookie.indexOf(';'));
        Reply refreshed = httpOnly.post("/auth/token/refresh/").cookie("my-refresh-token=" + refreshToken).json("{}").send();

        assertThat(login.text("refresh")).isEmpty();
        assertThat(login.headers("Set-Cookie")).containsExactly(
                "my-app-auth=" + login.text("access")
                        + "; expires=Sun, 29 Nov 2026 03:37:18 GMT; HttpOnly; Max-Age=300; Path=/; SameSite=Lax",
                "my-refresh-token=" + refreshToken
                        + "; expires=Mon, 30 Nov 2026 03:32:18 GMT; HttpOnly; Max-Age=86400; Path=/; SameSite=Lax");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("refresh")).isNotEmpty();
        assertThat(refreshed.headers("Set-Cookie")).allMatch(cookie -> cookie.contains("; HttpOnly; "));
    }
}
