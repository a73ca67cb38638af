package io.portcullis.adapters.rest;

import static io.portcullis.adapters.rest.Flows.masked;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.Flows.Tokens;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** token/verify and token/refresh rows of the reference, rotation with blacklisting included. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenEndpointsTest {

    private static final String CHALLENGE = "Bearer realm=\"api\"";

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

    /** DRF's datetime format, to the microsecond. */
    private static String micros(Instant instant) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(instant);
    }

    private Reply verify(String body) {
        return api.post("/auth/token/verify/").json(body).send();
    }

    private Reply refresh(String body) {
        return api.post("/auth/token/refresh/").json(body).send();
    }

    @Test
    void verifiesEitherTypeOfToken() { // mandatory-70, mandatory-71
        assertThat(verify("{\"token\": \"" + tokens.access() + "\"}")).hasToString("200 {}");
        assertThat(verify("{\"token\": \"" + tokens.refresh() + "\"}")).hasToString("200 {}");
    }

    @Test
    void refusesToVerifyGarbage() { // mandatory-72
        Reply reply = verify("{\"token\": \"garbage\"}");

        assertThat(reply).hasToString("401 {\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void asksForTheTokenToVerify() { // mandatory-73
        assertThat(verify("{}")).hasToString("400 {\"token\":[\"This field is required.\"]}");
    }

    @Test
    void refusesGetOnVerify() { // mandatory-74
        Reply reply = api.get("/auth/token/verify/").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void rotatesAndBlacklistsTheRefreshToken() { // mandatory-75, -76, -77
        Reply rotated = refresh("{\"refresh\": \"" + tokens.refresh() + "\"}");

        assertThat(rotated.status()).isEqualTo(200);
        Instant now = app.clock.instant();
        assertThat(masked(rotated)).isEqualTo("{\"access\":\"<access>\",\"refresh\":\"<refresh>\","
                + "\"access_expiration\":\"" + micros(now.plusSeconds(300)) + "\","
                + "\"refresh_expiration\":\"" + micros(now.plusSeconds(86400)) + "\"}");
        assertThat(rotated.text("refresh")).isNotEqualTo(tokens.refresh());
        assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.get("/auth/user/").bearer(rotated.text("access")).send().status()).isEqualTo(200);

        Reply reused = refresh("{\"refresh\": \"" + tokens.refresh() + "\"}");
        assertThat(reused).hasToString("401 {\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}");
        assertThat(reused.header("WWW-Authenticate")).isEqualTo(CHALLENGE);

        assertThat(verify("{\"token\": \"" + tokens.refresh() + "\"}"))
                .hasToString("400 {\"non_field_errors\":[\"Token is blacklisted\"]}");
    }

    @Test
    void refusesAnAccessTokenToRefresh() { // mandatory-78
        Reply reply = refresh("{\"refresh\": \"" + tokens.access() + "\"}");

        assertThat(reply).hasToString("401 {\"detail\":\"Token has wrong type\",\"code\":\"token_not_valid\"}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesGarbageToRefresh() { // mandatory-79
        assertThat(refresh("{\"refresh\": \"garbage\"}"))
                .hasToString("401 {\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}");
    }

    @Test
    void saysWhenThereIsNoRefreshToken() { // mandatory-80
        Reply reply = refresh("{}");

        assertThat(reply).hasToString("401 {\"detail\":\"No valid refresh token found.\",\"code\":\"token_not_valid\"}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesABlankRefreshToken() { // mandatory-81
        assertThat(refresh("{\"refresh\": \"\"}")).hasToString("400 {\"refresh\":[\"This field may not be blank.\"]}");
    }

    @Test
    void refusesAnExpiredRefreshToken() {
        app.clock.advance(Duration.ofDays(1));

        assertThat(refresh("{\"refresh\": \"" + tokens.refresh() + "\"}"))
                .hasToString("401 {\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}");
    }

    @Test
    void answersTheAccessTokenAloneWithoutRotation() {
        var fixed = new TestApp(ArticleSetup.settings(EmailVerification.NONE, false),
                new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), false, false));
        try (var server = ApiServer.start(fixed)) {
            Flows.registered(fixed, "bob@example.com");
            Tokens bob = Flows.logIn(server, "bob@example.com");

            Reply reply = server.post("/auth/token/refresh/").json("{\"refresh\": \"  " + bob.refresh() + " \"}").send();

            assertThat(masked(reply)).isEqualTo("{\"access\":\"<access>\",\"access_expiration\":\"2026-11-29T03:37:18.000000Z\"}");
        }
    }
}
