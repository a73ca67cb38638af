package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browsable API: a browser gets every endpoint as a page that shows the answer the JSON
 * client would get (same status, same headers) and a form; API clients see no change.
 * mandatory-129..131 and 137..140.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowsablePagesTest {

    static final String BROWSER = EmailVerificationEndpointTest.BROWSER;
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>");

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

    private Reply page(String path) {
        return api.get(path).header("Accept", BROWSER).send();
    }

    @Test
    void showsTheLoginPageWithMethodGetNotAllowedAndAUsableForm() { // mandatory-129
        Reply page = page("/auth/login/");

        assertThat(page.status()).isEqualTo(405);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(page.header("Vary")).isEqualTo("Accept");
        assertThat(page.body()).contains(
                "<title>Login – Portcullis</title>",
                "<h1>Login</h1>",
                "HTTP 405 Method Not Allowed",
                "Allow: POST, OPTIONS",
                "Content-Type: application/json",
                "Vary: Accept",
                "&quot;detail&quot;: &quot;Method \\&quot;GET\\&quot; not allowed.&quot;",
                "<form id=\"endpoint-form\" method=\"post\" action=\"/auth/login/\"",
                "name=\"username\"", "type=\"email\" id=\"field-email\" name=\"email\"",
                "type=\"password\" id=\"field-password\" name=\"password\"",
                "data-method=\"POST\">POST</button>");
    }

    @Test
    void keepsScriptsOutOfThePage() {
        Reply page = page("/auth/login/");

        String policy = page.header("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'self'; script-src 'self';").doesNotContain("unsafe");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("inline script").isFalse();
        assertThat(page.body()).doesNotContain(" style=", " onclick=", " onsubmit=", "javascript:")
                .containsPattern("<script src=\"/auth/static/browsable\\.js\\?v=[0-9a-f]{16}\" defer></script>")
                .containsPattern("<link rel=\"stylesheet\" href=\"/auth/static/browsable\\.css\\?v=[0-9a-f]{16}\">");
    }

    @Test
    void showsTheRegistrationFormWithTheProfileFieldsAndTheirChoices() { // mandatory-130
        Reply page = page("/auth/registration/");

        assertThat(page.status()).isEqualTo(405);
        assertThat(page.body()).contains("<h1>Register</h1>", "name=\"password1\"", "name=\"password2\"",
                "<select id=\"field-gender\" name=\"gender\"", "<option value=\"NS\">Not Specified</option>",
                "<option value=\"M\">Male</option>", "name=\"phone_number\"", "At most 30 characters.",
                "Leave it empty.");
    }

    @Test
    void showsTheUserPageAskingForCredentials() { // mandatory-131
        Reply page = page("/auth/user/");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
        assertThat(page.body()).contains("<h1>User Details</h1>", "HTTP 401 Unauthorized",
                "WWW-Authenticate: Bearer realm=&quot;api&quot;",
                "Allow: GET, PUT, PATCH, HEAD, OPTIONS",
                "Authentication credentials were not provided.",
                "data-method=\"PUT\">PUT</button>", "data-method=\"PATCH\">PATCH</button>");
    }

    @Test
    void showsTheUserToItsOwnerWithTheReadOnlyFieldsMarked() {
        String email = Flows.uniqueEmail("page");
        Flows.registered(app, email);
        String access = Flows.logIn(api, email).access();

        Reply page = api.get("/auth/user/").header("Accept", BROWSER).bearer(access).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("HTTP 200 OK", "&quot;email&quot;: &quot;" + email + "&quot;",
                "&quot;gender&quot;: &quot;F&quot;", "name=\"phone_number\" autocomplete=\"off\" data-read-only=\"true\" readonly=\"readonly\"")
                .contains("<select id=\"field-gender\" name=\"gender\" data-read-only=\"false\">");
    }

    @Test
    void showsTheUserPageToTheAccessCookieInCookieMode() {
        var cookieApp = new TestApp(EmailVerification.NONE);
        var settings = RestSettings.defaults(cookieApp.settings)
                .withCookies(CookieSettings.named("my-app-auth", "my-refresh-token").withSecure(false));
        try (var server = ApiServer.start(cookieApp, settings)) {
            String email = Flows.uniqueEmail("cookie");
            Flows.registered(cookieApp, email);
            String access = Flows.logIn(server, email).access();

            Reply page = server.get("/auth/user/").header("Accept", BROWSER).cookie("my-app-auth=" + access).send();

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("data-cookie-mode=\"true\"", "&quot;email&quot;: &quot;" + email);
        }
    }

    @Test
    void keepsJsonForApiClients() { // mandatory-137, 140
        Reply json = api.get("/auth/login/").header("Accept", "application/json").send();

        assertThat(json).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(json.header("Content-Type")).isEqualTo("application/json");
        assertThat(json.header("Content-Security-Policy")).isNull();
        assertThat(api.get("/auth/login/").send()).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(api.get("/auth/login/?format=json").header("Accept", BROWSER).send())
                .hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(api.post("/auth/login/").header("Accept", BROWSER).json("{}").send())
                .hasToString("400 {\"password\":[\"This field is required.\"]}");
    }

    @Test
    void answersFormatApiLikeDrf() { // mandatory-138, 139
        Reply page = api.get("/auth/login/?format=api").header("Accept", "*/*").send();
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("GET /auth/login/?format=api");

        assertThat(api.get("/auth/login/?format=api").header("Accept", "application/json").send())
                .hasToString("406 {\"detail\":\"Could not satisfy the request Accept header.\"}");
        assertThat(api.get("/auth/login/?format=xml").send()).hasToString("404 {\"detail\":\"Not found.\"}");
    }

    @Test
    void answersAPlainFormSubmissionWithThePage() {
        String email = Flows.uniqueEmail("form");
        Flows.registered(app, email);

        Reply refused = api.post("/auth/login/").header("Accept", BROWSER).form("email=" + email + "&password=").send();
        Reply done = api.post("/auth/login/").header("Accept", BROWSER)
                .form("email=" + email + "&password=" + Flows.PASSWORD.replace("#", "%23").replace("!", "%21")).send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("HTTP 400 Bad Request", "This field may not be blank.");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("HTTP 200 OK", "&quot;access&quot;: &quot;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/logout/", "/auth/password/change/", "/auth/token/verify/", "/auth/token/refresh/",
        "/auth/registration/verify-email/", "/auth/account-confirm-email/", "/auth/registration/resend-email/",
        "/auth/password/reset/", "/auth/password/reset/confirm/"})
    void showsEveryPostOnlyEndpoint(String path) {
        Reply page = page(path);

        assertThat(page.status()).isEqualTo(405);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("Method \\&quot;GET\\&quot; not allowed.", "data-method=\"POST\"");
    }

    @Test
    void escapesWhatTheRequestCarries() {
        Reply page = page("/auth/nope/%3Cscript%3Ealert(1)%3C%2Fscript%3E/?x=%22%3E%3Cb%3E");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<h1>Not Found</h1>", "HTTP 404 Not Found")
                .doesNotContain("<script>alert", "<b>");
    }

    @Test
    void answersHeadAsJsonClientsGetItAndOptionsWithTheMetadata() { // mandatory-135
        Reply head = api.call("HEAD", "/auth/login/").header("Accept", BROWSER).send();
        Reply options = api.call("OPTIONS", "/auth/login/").header("Accept", BROWSER).send();

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.body()).isEmpty();
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        assertThat(options.header("Content-Type")).as(options.body()).isEqualTo("application/json");
    }

    @Test
    void servesTheScriptAndStyleSheetForAYear() {
        Reply script = api.get("/auth/static/browsable.js").send();
        Reply style = api.get("/auth/static/browsable.css").header("Accept", "text/css,*/*;q=0.1").send();

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(script.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(script.body()).contains("'use strict'").doesNotContain("innerHTML", "eval(");
        assertThat(style.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        String etag = script.header("ETag");
        assertThat(api.get("/auth/static/browsable.js").header("If-None-Match", etag).send().status()).isEqualTo(304);
        assertThat(api.get("/auth/static/nope.js").send()).hasToString("404 {\"detail\":\"Not found.\"}");
        assertThat(api.get("/auth/static/..%2Fpage.html").send().status()).isEqualTo(404);
    }

    @Test
    void leavesTheMailLinkPagesAsTheyAre() {
        Reply reset = page("/auth/password/reset/confirm/1/abc-123/");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).contains("Set a New Password", "name=\"new_password1\"").doesNotContain("endpoint-form");
    }
}
