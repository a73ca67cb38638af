package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.CsrfSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cookie mode with CSRF protection: unsafe requests that a token cookie authenticates need the
 * CSRF header (equal to the CSRF cookie in double-submit mode, present in header mode); requests
 * with the Authorization header, and safe ones, need nothing.
 */
class CsrfEndpointTest {

    static final String NO_COOKIE = "{\"detail\":\"CSRF Failed: CSRF cookie not set.\"}";
    static final String BAD_TOKEN = "{\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}";

    /** The cookies a browser keeps from the Set-Cookie headers it was sent (deletions remove them). */
    static final class Jar {
        final Map<String, String> cookies = new LinkedHashMap<>();

        Reply keep(Reply reply) {
            for (String header : reply.headers("Set-Cookie")) {
                String pair = header.substring(0, header.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (header.contains("Max-Age=0;") || value.equals("\"\"")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return reply;
        }

        String header() {
            return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }

        String without(String name) {
            return cookies.entrySet().stream().filter(e -> !e.getKey().equals(name))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DoubleSubmit {

        private final TestApp app = new TestApp(EmailVerification.NONE);
        private ApiServer api;

        @BeforeAll
        void start() {
            CookieSettings cookies = CookieSettings.named("my-app-auth", "my-refresh-token").withSecure(true)
                    .withCsrf(CsrfSettings.doubleSubmit()).withTokensInBody(false);
            api = ApiServer.start(app, RestSettings.defaults(app.settings).withCookies(cookies));
        }

        @AfterAll
        void stop() {
            api.close();
        }

        private Jar loggedIn() {
            String email = Flows.uniqueEmail("carol");
            Flows.registered(app, email);
            var jar = new Jar();
            Reply login = jar.keep(api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send());
            assertThat(login.status()).isEqualTo(200);
            return jar;
        }

        @Test
        void loginSetsTheTokenCookiesAndAReadableCsrfCookieAndNoTokenInTheBody() {
            String email = Flows.uniqueEmail("carol");
            Flows.registered(app, email);

            Reply login = api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send();

            assertThat(login.json().get("access").asText()).isEmpty();
            assertThat(login.json().get("refresh").asText()).isEmpty();
            assertThat(login.json().get("user").get("email").asText()).isEqualTo(email);
            assertThat(login.headers("Set-Cookie")).hasSize(3);
            assertThat(login.headers("Set-Cookie").get(0)).startsWith("my-app-auth=tok-").contains("HttpOnly")
                    .endsWith("; Secure");
            assertThat(login.headers("Set-Cookie").get(1)).startsWith("my-refresh-token=").contains("HttpOnly");
            String csrf = login.headers("Set-Cookie").get(2);
            assertThat(csrf).matches("csrftoken=[A-Za-z0-9_-]{43}; expires=.*; Max-Age=86400; Path=/; SameSite=Lax; Secure")
                    .doesNotContain("HttpOnly");
        }

        @Test
        void readingNeedsNoCsrfTokenButChangingDoes() {
            Jar jar = loggedIn();

            assertThat(api.get("/auth/user/").cookie(jar.header()).send().status()).isEqualTo(200);

            Reply bare = api.call("PATCH", "/auth/user/").cookie(jar.header()).json("{\"gender\":\"M\"}").send();
            assertThat(bare.status()).isEqualTo(403);
            assertThat(bare.body()).isEqualTo(BAD_TOKEN);
            Reply wrong = api.call("PATCH", "/auth/user/").cookie(jar.header()).header("X-CSRFToken", "guess")
                    .json("{\"gender\":\"M\"}").send();
            assertThat(wrong.body()).isEqualTo(BAD_TOKEN);
            Reply noCookie = api.call("PATCH", "/auth/user/").cookie(jar.without("csrftoken"))
                    .header("X-CSRFToken", jar.cookies.get("csrftoken")).json("{\"gender\":\"M\"}").send();
            assertThat(noCookie.body()).isEqualTo(NO_COOKIE);

            Reply right = api.call("PATCH", "/auth/user/").cookie(jar.header())
                    .header("X-CSRFToken", jar.cookies.get("csrftoken")).json("{\"gender\":\"M\"}").send();
            assertThat(right.status()).as(right.body()).isEqualTo(200);
            assertThat(right.json().get("gender").asText()).isEqualTo("M");
        }

        @Test
        void theAuthorizationHeaderNeedsNoCsrfToken() {
            String email = Flows.uniqueEmail("dave");
            Flows.registered(app, email);
            var session = app.logIn.logIn(new io.portcullis.application.login.LogIn.Command(
                    io.portcullis.domain.validation.FieldInput.absent(), io.portcullis.domain.validation.FieldInput.of(email),
                    io.portcullis.domain.validation.FieldInput.of(Flows.PASSWORD)));
            String access = ((io.portcullis.application.login.LogIn.Outcome.LoggedIn) session).tokens().access();

            Reply reply = api.call("PATCH", "/auth/user/").bearer(access).json("{\"gender\":\"M\"}").send();

            assertThat(reply.status()).isEqualTo(200);
        }

        @Test
        void refreshFromTheCookieNeedsTheTokenAndKeepsIt() {
            Jar jar = loggedIn();
            String csrf = jar.cookies.get("csrftoken");
            String refresh = jar.cookies.get("my-refresh-token");

            Reply refused = api.post("/auth/token/refresh/").cookie(jar.header()).json("{}").send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo(BAD_TOKEN);
            assertThat(refused.headers("Set-Cookie")).isEmpty();

            Reply refreshed = jar.keep(api.post("/auth/token/refresh/").cookie(jar.header()).header("X-CSRFToken", csrf)
                    .json("{}").send());
            assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
            assertThat(refreshed.json().get("access").asText()).isEmpty();
            assertThat(refreshed.json().get("refresh").asText()).isEmpty();
            assertThat(refreshed.json().has("access_expiration")).isTrue();
            assertThat(jar.cookies.get("csrftoken")).isEqualTo(csrf);
            assertThat(jar.cookies.get("my-refresh-token")).isNotEqualTo(refresh);
        }

        @Test
        void logoutFromTheCookieRefusedForCsrfLeavesTheSessionAndTheCookies() {
            Jar jar = loggedIn();

            Reply refused = api.post("/auth/logout/").cookie(jar.header()).send();

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo(BAD_TOKEN);
            assertThat(refused.headers("Set-Cookie")).isEmpty();
            assertThat(api.get("/auth/user/").cookie(jar.header()).send().status()).isEqualTo(200);
        }

        @Test
        void logoutWithTheTokenBlacklistsAndDeletesEveryCookieEvenWithAnEmptyBody() {
            Jar jar = loggedIn();
            String access = jar.cookies.get("my-app-auth");
            String refresh = jar.cookies.get("my-refresh-token");

            Reply out = jar.keep(api.post("/auth/logout/").cookie(jar.header())
                    .header("X-CSRFToken", jar.cookies.get("csrftoken")).send());

            assertThat(out.status()).isEqualTo(200);
            assertThat(out.body()).isEqualTo("{\"detail\":\"Successfully logged out.\"}");
            assertThat(out.headers("Set-Cookie")).containsExactly(
                    "my-app-auth=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax; Secure",
                    "my-refresh-token=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax; Secure",
                    "csrftoken=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax; Secure");
            assertThat(jar.cookies).isEmpty();
            assertThat(api.get("/auth/user/").bearer(access).send().status()).isEqualTo(401);
            assertThat(api.post("/auth/token/refresh/").json("{\"refresh\":\"" + refresh + "\"}").send().body())
                    .isEqualTo("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}");
        }

        @Test
        void aRefreshTokenInTheBodyNeedsNoCsrfToken() {
            String email = Flows.uniqueEmail("erin");
            Flows.registered(app, email);
            var session = app.logIn.logIn(new io.portcullis.application.login.LogIn.Command(
                    io.portcullis.domain.validation.FieldInput.absent(), io.portcullis.domain.validation.FieldInput.of(email),
                    io.portcullis.domain.validation.FieldInput.of(Flows.PASSWORD)));
            String refresh = ((io.portcullis.application.login.LogIn.Outcome.LoggedIn) session).tokens().refresh();

            assertThat(api.post("/auth/token/refresh/").json("{\"refresh\":\"" + refresh + "\"}").send().status())
                    .isEqualTo(200);
        }

        @Test
        void registrationHandsOutTheTokensInCookiesWhenBodiesCarryNone() {
            Reply registered = api.post("/auth/registration/").json("{\"email\":\"" + Flows.uniqueEmail("fay")
                    + "\",\"password1\":\"" + Flows.PASSWORD + "\",\"password2\":\"" + Flows.PASSWORD
                    + "\",\"gender\":\"F\",\"phone_number\":\"+15550001111\"}").send();

            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            assertThat(registered.json().get("access").asText()).isEmpty();
            assertThat(registered.headers("Set-Cookie")).extracting(h -> h.substring(0, h.indexOf('=')))
                    .containsExactly("my-app-auth", "my-refresh-token", "csrftoken");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RequiredHeader {

        private final TestApp app = new TestApp(EmailVerification.NONE);
        private ApiServer api;

        @BeforeAll
        void start() {
            CookieSettings cookies = CookieSettings.named("my-app-auth", "my-refresh-token")
                    .withCsrf(CsrfSettings.header("X-Requested-With"));
            api = ApiServer.start(app, RestSettings.defaults(app.settings).withCookies(cookies));
        }

        @AfterAll
        void stop() {
            api.close();
        }

        @Test
        void anyValueOfTheHeaderPassesAndNoCsrfCookieIsSet() {
            String email = Flows.uniqueEmail("gus");
            Flows.registered(app, email);
            var jar = new Jar();
            Reply login = jar.keep(api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send());
            assertThat(login.headers("Set-Cookie")).hasSize(2);
            assertThat(login.json().get("access").asText()).isNotEmpty();

            Reply bare = api.call("PATCH", "/auth/user/").cookie(jar.header()).json("{\"gender\":\"M\"}").send();
            assertThat(bare.status()).isEqualTo(403);
            assertThat(bare.body()).isEqualTo(BAD_TOKEN);

            Reply marked = api.call("PATCH", "/auth/user/").cookie(jar.header()).header("X-Requested-With", "fetch")
                    .json("{\"gender\":\"M\"}").send();
            assertThat(marked.status()).isEqualTo(200);
            assertThat(jar.keep(api.post("/auth/logout/").cookie(jar.header()).header("X-Requested-With", "XMLHttpRequest")
                    .send()).status()).isEqualTo(200);
        }
    }
}
