package io.portcullis.adapters.rest;

import static io.portcullis.adapters.rest.Flows.PASSWORD;
import static io.portcullis.adapters.rest.Flows.loginJson;
import static io.portcullis.adapters.rest.Flows.masked;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.account.Account;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The login rows of the reference (main run: mandatory verification). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginEndpointTest {

    private final TestApp app = new TestApp(EmailVerification.MANDATORY);
    private ApiServer api;
    private Account alice;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
        alice = Flows.registered(app, "alice@example.com");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private String aliceBody() {
        return "{\"access\":\"<access>\",\"refresh\":\"<refresh>\",\"user\":" + Flows.userJson(alice, "F") + "}";
    }

    @Test
    void answersTokensThenTheUser() { // mandatory-46
        Reply reply = api.post("/auth/login/").json(loginJson("alice@example.com", PASSWORD)).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(masked(reply)).isEqualTo(aliceBody());
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(reply.headers("Set-Cookie")).isEmpty();
        assertThat(app.authenticate.authenticate(reply.text("access")))
                .isInstanceOf(io.portcullis.application.token.AuthenticateAccessToken.Outcome.Authenticated.class);
    }

    @Test
    void findsTheAddressInAnyCase() { // mandatory-47
        Reply reply = api.post("/auth/login/").json(loginJson("ALICE@example.com", PASSWORD)).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(masked(reply)).isEqualTo(aliceBody());
    }

    @Test
    void ignoresAUsernameNextToTheAddress() { // mandatory-48
        Reply reply = api.post("/auth/login/")
                .json("{\"username\": \"whatever\", \"email\": \"alice@example.com\", \"password\": \"" + PASSWORD + "\"}")
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(masked(reply)).isEqualTo(aliceBody());
    }

    @Test
    void acceptsAFormEncodedBody() { // mandatory-49
        Reply reply = api.post("/auth/login/").form("email=alice%40example.com&password=Xq7%21vLp2%23Rt9").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(masked(reply)).isEqualTo(aliceBody());
    }

    @Test
    void worksWithoutTheTrailingSlash() { // mandatory-52: dj-rest-auth redirects and loses the body
        Reply reply = api.post("/auth/login").json(loginJson("alice@example.com", PASSWORD)).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(masked(reply)).isEqualTo(aliceBody());
    }

    @Test
    void refusesAnUnverifiedAddressWithTheRightPassword() { // mandatory-22
        String email = Flows.uniqueEmail("unverified");
        Flows.registeredUnverified(app, email);

        Reply right = api.post("/auth/login/").json(loginJson(email, PASSWORD)).send();
        Reply wrong = api.post("/auth/login/").json(loginJson(email, "nope-nope-1")).send();

        assertThat(right).hasToString("400 {\"non_field_errors\":[\"E-mail is not verified.\"]}");
        assertThat(wrong).hasToString("400 {\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
    }

    static Stream<Arguments> refusals() {
        String bad = "{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}";
        String missing = "{\"non_field_errors\":[\"Must include \\\"email\\\" and \\\"password\\\".\"]}";
        return Stream.of(
                Arguments.of("mandatory-50 wrong password", loginJson("alice@example.com", "wrong-password-1"), bad),
                Arguments.of("mandatory-24 unknown e-mail", loginJson("nobody@example.com", PASSWORD), bad),
                Arguments.of("mandatory-25 missing password", "{\"email\": \"alice@example.com\"}",
                        "{\"password\":[\"This field is required.\"]}"),
                Arguments.of("mandatory-26 missing e-mail", "{\"password\": \"" + PASSWORD + "\"}", missing),
                Arguments.of("mandatory-27 username instead of e-mail",
                        "{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}", missing),
                Arguments.of("mandatory-28 invalid e-mail", loginJson("alice", PASSWORD),
                        "{\"email\":[\"Enter a valid email address.\"]}"),
                Arguments.of("mandatory-29 empty object", "{}", "{\"password\":[\"This field is required.\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String row, String body, String expected) {
        Reply reply = api.post("/auth/login/").json(body).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo(expected);
        assertThat(reply.header("Cache-Control")).isNull();
    }

    @Test
    void refusesGet() { // mandatory-51
        Reply reply = api.get("/auth/login/").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void neverLocksOut() { // mandatory-119..125
        for (int attempt = 0; attempt < 6; attempt++) {
            Reply wrong = api.post("/auth/login/").json(loginJson("alice@example.com", "wrong-" + attempt + "-password")).send();
            assertThat(wrong.status()).isEqualTo(400);
        }
        assertThat(api.post("/auth/login/").json(loginJson("alice@example.com", PASSWORD)).send().status()).isEqualTo(200);
    }

    @Test
    void addsExpirationTimesWhenAskedTo() { // JWT_AUTH_RETURN_EXPIRATION
        var other = new TestApp(EmailVerification.NONE);
        try (var withExpiration = ApiServer.start(other, RestSettings.defaults(other.settings).withReturnExpiration(true))) {
            Account bob = Flows.registered(other, "bob@example.com");

            Reply reply = withExpiration.post("/auth/login/").json(loginJson("bob@example.com", PASSWORD)).send();

            assertThat(masked(reply)).isEqualTo("{\"access\":\"<access>\",\"refresh\":\"<refresh>\",\"user\":"
                    + Flows.userJson(bob, "F")
                    + ",\"access_expiration\":\"2026-11-29T03:37:18.000000Z\""
                    + ",\"refresh_expiration\":\"2026-11-30T03:32:18.000000Z\"}");
        }
    }
}
