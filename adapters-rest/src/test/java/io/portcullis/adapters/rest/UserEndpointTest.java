package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.Flows.Tokens;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The user-details rows of the reference and simplejwt's authentication failures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserEndpointTest {

    private static final String CHALLENGE = "Bearer realm=\"api\"";
    private static final String NOT_PROVIDED = "401 {\"detail\":\"Authentication credentials were not provided.\"}";

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
        tokens = Flows.logIn(api, alice.email().orElseThrow().value());
    }

    private String user(String gender) {
        return "200 " + Flows.userJson(alice, gender);
    }

    @Test
    void showsTheCallerWithAValidToken() { // mandatory-59
        Reply reply = api.get("/auth/user/").bearer(tokens.access()).send();

        assertThat(reply).hasToString(user("F"));
        assertThat(reply.header("Allow")).isEqualTo("GET, PUT, PATCH, HEAD, OPTIONS");
        assertThat(reply.header("Cache-Control")).isNull();
    }

    @Test
    void asksForCredentials() { // mandatory-54
        Reply reply = api.get("/auth/user/").send();

        assertThat(reply).hasToString(NOT_PROVIDED);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesAGarbageToken() { // mandatory-55
        Reply reply = api.get("/auth/user/").bearer("garbage").send();

        assertThat(reply).hasToString("401 {\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\","
                + "\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token is invalid or expired\"}]}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesARefreshToken() { // mandatory-56
        Reply reply = api.get("/auth/user/").bearer(tokens.refresh()).send();

        assertThat(reply).hasToString("401 {\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\","
                + "\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\",\"message\":\"Token has wrong type\"}]}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesAnExpiredToken() {
        app.clock.advance(Duration.ofSeconds(300));

        Reply reply = api.get("/auth/user/").bearer(tokens.access()).send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("messages").get(0).get("message").asText()).isEqualTo("Token is invalid or expired");
    }

    @Test
    void treatsAnotherSchemeAsNoCredentials() { // mandatory-57
        Reply reply = api.get("/auth/user/").header("Authorization", "Token abc").send();

        assertThat(reply).hasToString(NOT_PROVIDED);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesBearerWithoutOrWithExtraParts() { // mandatory-58
        String bad = "401 {\"detail\":\"Authorization header must contain two space-delimited values\","
                + "\"code\":\"bad_authorization_header\"}";

        Reply bare = api.get("/auth/user/").header("Authorization", "Bearer").send();
        Reply extra = api.get("/auth/user/").header("Authorization", "Bearer " + tokens.access() + " more").send();

        assertThat(bare).hasToString(bad);
        assertThat(extra).hasToString(bad);
        assertThat(bare.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesAnInactiveAccount() {
        app.deactivate(alice.email().orElseThrow().value());

        Reply reply = api.get("/auth/user/").bearer(tokens.access()).send();

        assertThat(reply).hasToString("401 {\"detail\":\"User is inactive\",\"code\":\"user_inactive\"}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void refusesATokenOfAnAccountThatIsGone() {
        var ghost = new AccountId(999_999);
        var now = app.clock.instant();
        var session = app.sessions.open(ghost, now);
        String token = app.codec.encode(new TokenClaims(TokenType.ACCESS, ghost, session, "ghost-jti", now,
                now.plusSeconds(300)));

        Reply reply = api.get("/auth/user/").bearer(token).send();

        assertThat(reply).hasToString("401 {\"detail\":\"User not found\",\"code\":\"user_not_found\"}");
    }

    @Test
    void replacesTheEditableFields() { // mandatory-61, mandatory-62
        Reply put = api.call("PUT", "/auth/user/").bearer(tokens.access()).json("{\"gender\": \"M\"}").send();
        Reply empty = api.call("PUT", "/auth/user/").bearer(tokens.access()).json("{}").send();

        assertThat(put).hasToString(user("M"));
        assertThat(empty).hasToString("400 {\"gender\":[\"This field is required.\"]}");
    }

    @Test
    void amendsAndIgnoresReadOnlyAndUnknownFields() { // mandatory-63..67
        Reply gender = api.call("PATCH", "/auth/user/").bearer(tokens.access()).json("{\"gender\": \"NS\"}").send();
        Reply phone = api.call("PATCH", "/auth/user/").bearer(tokens.access()).json("{\"phone_number\": \"+19999999999\"}").send();
        Reply identity = api.call("PATCH", "/auth/user/").bearer(tokens.access())
                .json("{\"email\": \"evil@example.com\", \"pk\": 99}").send();
        Reply invalid = api.call("PATCH", "/auth/user/").bearer(tokens.access()).json("{\"gender\": \"Z\"}").send();
        Reply unknown = api.call("PATCH", "/auth/user/").bearer(tokens.access()).json("{\"nickname\": \"al\"}").send();

        assertThat(gender).hasToString(user("NS"));
        assertThat(phone).hasToString(user("NS"));
        assertThat(identity).hasToString(user("NS"));
        assertThat(invalid).hasToString("400 {\"gender\":[\"\\\"Z\\\" is not a valid choice.\"]}");
        assertThat(unknown).hasToString(user("NS"));
        assertThat(api.get("/auth/user/").bearer(tokens.access()).send()).hasToString(user("NS"));
    }

    @Test
    void reportsALostRaceAsAConflict() {
        app.accounts.loseNextUpdate();

        Reply reply = api.call("PATCH", "/auth/user/").bearer(tokens.access()).json("{\"gender\": \"M\"}").send();

        assertThat(reply).hasToString("409 {\"detail\":\"The account was changed by another request. Please retry.\"}");
    }

    @Test
    void refusesDelete() { // mandatory-68
        Reply reply = api.call("DELETE", "/auth/user/").bearer(tokens.access()).send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("GET, PUT, PATCH, HEAD, OPTIONS");
    }

    @Test
    void refusesAPatchWithoutCredentials() { // mandatory-69
        Reply reply = api.call("PATCH", "/auth/user/").json("{\"gender\": \"M\"}").send();

        assertThat(reply).hasToString(NOT_PROVIDED);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void answersHeadLikeGetWithoutTheBody() {
        Reply authenticated = api.call("HEAD", "/auth/user/").bearer(tokens.access()).send();
        Reply anonymous = api.call("HEAD", "/auth/user/").send();

        assertThat(authenticated.status()).isEqualTo(200);
        assertThat(authenticated.body()).isEmpty();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEmpty();
    }

    @Test
    void checksCredentialsBeforeReadingTheBody() {
        Reply reply = api.call("PATCH", "/auth/user/").json("{\"gender\": ").send();

        assertThat(reply).hasToString(NOT_PROVIDED);
    }
}
