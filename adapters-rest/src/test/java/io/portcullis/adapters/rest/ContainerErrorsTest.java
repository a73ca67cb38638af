package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.portcullis.adapters.rest.response.UnexpectedExceptionMapper;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** What the container answers around the endpoints: paths, methods, media types, failures, headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerErrorsTest {

    private final TestApp app = new TestApp(EmailVerification.NONE);
    private ApiServer api;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/nope/", "/auth/", "/", "/auth/login/extra/", "/login/", "/auth/password/"})
    void answersJsonForUnknownPaths(String path) { // mandatory-136 differs: JSON instead of Django's HTML page
        Reply reply = api.get(path).send();

        assertThat(reply).hasToString("404 {\"detail\":\"Not found.\"}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /auth/login/, 'POST, OPTIONS'",
        "GET, /auth/registration/, 'POST, OPTIONS'",
        "GET, /auth/logout/, 'POST, OPTIONS'",
        "GET, /auth/token/verify/, 'POST, OPTIONS'",
        "GET, /auth/token/refresh/, 'POST, OPTIONS'",
        "GET, /auth/password/change/, 'POST, OPTIONS'",
        "PUT, /auth/login, 'POST, OPTIONS'",
        "DELETE, /auth/user/, 'GET, PUT, PATCH, HEAD, OPTIONS'",
        "POST, /auth/user/, 'GET, PUT, PATCH, HEAD, OPTIONS'"})
    void refusesOtherMethodsWithTheAllowList(String method, String path, String allow) {
        Reply reply = api.call(method, path).send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"" + method + "\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo(allow);
    }

    @Test
    void refusesHeadWithoutABody() { // mandatory-135
        Reply reply = api.call("HEAD", "/auth/login/").send();

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void refusesAnAcceptItCannotSatisfyBeforeTheMethod() { // mandatory-140
        String notAcceptable = "406 {\"detail\":\"Could not satisfy the request Accept header.\"}";

        assertThat(api.get("/auth/login/").header("Accept", "application/xml").send()).hasToString(notAcceptable);
        assertThat(api.post("/auth/login/").header("Accept", "text/html").json("{}").send()).hasToString(notAcceptable);
    }

    @Test
    void servesAnyAcceptThatAdmitsJson() {
        String required = "400 {\"password\":[\"This field is required.\"]}";

        assertThat(api.post("/auth/login/").header("Accept", "*/*").json("{}").send()).hasToString(required);
        assertThat(api.post("/auth/login/").header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .json("{}").send()).hasToString(required);
        assertThat(api.post("/auth/login/").header("Accept", "application/json; indent=4").json("{}").send())
                .hasToString(required);
        assertThat(api.post("/auth/login/").header("Accept", "???").json("{}").send()).hasToString(required);
        assertThat(api.post("/auth/login/").header("Accept", "application/json;q=abc").json("{}").send()).hasToString(required);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "logout", "registration", "token/verify", "token/refresh"})
    void servesEveryPostWithOrWithoutTheTrailingSlash(String endpoint) {
        Reply withSlash = api.post("/auth/" + endpoint + "/").json("{\"refresh\": \"\"}").send();
        Reply without = api.post("/auth/" + endpoint).json("{\"refresh\": \"\"}").send();

        assertThat(without.status()).isIn(400, 401);
        assertThat(without).hasToString(withSlash.toString());
    }

    @Test
    void servesTheAuthenticatedEndpointsWithoutTheTrailingSlash() {
        String email = Flows.uniqueEmail("slash");
        Flows.registered(app, email);
        String access = Flows.logIn(api, email).access();

        assertThat(api.get("/auth/user").bearer(access).send().status()).isEqualTo(200);
        assertThat(api.call("PATCH", "/auth/user").bearer(access).json("{\"gender\": \"M\"}").send().status()).isEqualTo(200);
        assertThat(api.post("/auth/password/change").bearer(access).json("{}").send().status()).isEqualTo(400);
    }

    @Test
    void publicEndpointsIgnoreCredentials() {
        String email = Flows.uniqueEmail("public");
        Flows.registered(app, email);

        Reply reply = api.post("/auth/login/").bearer("garbage").json(Flows.loginJson(email, Flows.PASSWORD)).send();

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void answersAFailureWithJsonAndLogsIt() {
        var logger = (Logger) LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            Reply reply = api.post("/auth/login/").json(Flows.loginJson(TestApp.BROKEN_EMAIL, "my-secret-password")).send();

            assertThat(reply).hasToString("500 {\"detail\":\"An error has occurred.\"}");
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
            assertThat(reply.body()).doesNotContain("html", "Exception", "s3cr3t");
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).isEqualTo("Unexpected failure serving POST /auth/login/");
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
                assertThat(event.getFormattedMessage()).doesNotContain("my-secret-password");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void asksToComeBackWhenAPoolIsFull() {
        String email = Flows.uniqueEmail("busy");
        Flows.registered(app, email);

        Reply reply = api.post("/auth/login/").json(Flows.loginJson(email, TestApp.BUSY_PASSWORD)).send();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void anUnreachableDatabaseIsA503TheClientMayRetry() {
        Reply reply = api.post("/auth/login/").json(Flows.loginJson(TestApp.OFFLINE_EMAIL, "Xq7!vLp2#Rt9")).send();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.json().get("detail").asText()).contains("temporarily unavailable");
    }

    @Test
    void putsTheStandardHeadersOnEveryAnswer() {
        for (Reply reply : new Reply[] {
            api.post("/auth/login/").json("{}").send(),
            api.get("/auth/nope/").send(),
            api.get("/auth/user/").send(),
            api.post("/auth/login/").body("text/plain", "x".getBytes(java.nio.charset.StandardCharsets.UTF_8)).send()}) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(reply.header("Vary")).isEqualTo("Accept");
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void mountsUnderAnyBasePath() {
        var other = new TestApp(EmailVerification.NONE);
        try (var rooted = ApiServer.start(other, RestSettings.defaults(other.settings).withBasePath("/dj-rest-auth/"));
                var atRoot = ApiServer.start(other, RestSettings.defaults(other.settings).withBasePath(""))) {
            assertThat(rooted.post("/dj-rest-auth/login/").json("{}").send().status()).isEqualTo(400);
            assertThat(rooted.post("/auth/login/").json("{}").send().status()).isEqualTo(404);
            assertThat(atRoot.post("/login/").json("{}").send().status()).isEqualTo(400);
        }
    }
}
