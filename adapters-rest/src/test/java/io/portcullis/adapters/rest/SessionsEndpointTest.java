package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.adapters.rest.Flows.Tokens;
import io.portcullis.application.settings.EmailVerification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** sessions/, sessions/{id}/ and sessions/revoke-others/: a user's own logins, listed and ended. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsEndpointTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    static final String PHONE = "Portcullis-App/2.1 (iPhone; iOS 19.1)";

    private final TestApp app = new TestApp(EmailVerification.NONE);
    private ApiServer api;
    private String email;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @BeforeEach
    void register() {
        email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        // Registration without verification logged in too: start from no session.
        app.sessions.revokeAll(app.account(email).id(), app.clock.instant());
    }

    /** Logs in a minute after the previous step, so that the order of last use is plain. */
    private Tokens logInWith(String userAgent) {
        app.clock.advance(Duration.ofMinutes(1));
        Reply reply = api.post("/auth/login/").header("User-Agent", userAgent)
                .json(Flows.loginJson(email, Flows.PASSWORD)).send();
        assertThat(reply.status()).isEqualTo(200);
        return new Tokens(reply.text("access"), reply.text("refresh"));
    }

    private JsonNode list(Tokens tokens) {
        Reply reply = api.get("/auth/sessions/").bearer(tokens.access()).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> ids(JsonNode sessions) {
        var ids = new ArrayList<String>();
        sessions.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void listsEveryLoginWithItsClientAndMarksTheCurrentOne() {
        Tokens laptop = logInWith(FIREFOX);
        Tokens phone = logInWith(PHONE);

        Reply reply = api.get("/auth/sessions/").bearer(laptop.access()).send();

        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        JsonNode sessions = reply.json();
        assertThat(sessions).hasSize(2);
        JsonNode newest = sessions.get(0);
        assertThat(newest.get("user_agent").asText()).isEqualTo(PHONE);
        assertThat(newest.get("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(newest.get("current").asBoolean()).isFalse();
        assertThat(newest.get("created").asText()).isEqualTo(newest.get("last_used").asText()).endsWith("Z");
        JsonNode mine = sessions.get(1);
        assertThat(mine.get("user_agent").asText()).isEqualTo(FIREFOX);
        assertThat(mine.get("current").asBoolean()).isTrue();
        assertThat(ids(list(phone))).containsExactlyElementsOf(ids(sessions));
        var fields = new ArrayList<String>();
        newest.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "created", "last_used", "user_agent", "ip_address", "current");
    }

    @Test
    void aRefreshMovesTheLastUseAndRecordsTheRefreshingClient() {
        Tokens laptop = logInWith(FIREFOX);
        app.clock.advance(Duration.ofMinutes(4));

        Reply refreshed = api.post("/auth/token/refresh/").header("User-Agent", PHONE)
                .json("{\"refresh\":\"" + laptop.refresh() + "\"}").send();

        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode session = list(new Tokens(refreshed.text("access"), null)).get(0);
        assertThat(session.get("user_agent").asText()).isEqualTo(PHONE);
        assertThat(session.get("last_used").asText()).isNotEqualTo(session.get("created").asText());
        assertThat(session.get("current").asBoolean()).isTrue();
    }

    @Test
    void deletingASessionEndsItsTokensAtOnce() {
        Tokens laptop = logInWith(FIREFOX);
        Tokens phone = logInWith(PHONE);
        String phoneSession = list(phone).get(0).get("id").asText();

        Reply deleted = api.call("DELETE", "/auth/sessions/" + phoneSession + "/").bearer(laptop.access()).send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/auth/user/").bearer(phone.access()).send().status()).isEqualTo(401);
        assertThat(api.post("/auth/token/refresh/").json("{\"refresh\":\"" + phone.refresh() + "\"}").send().body())
                .isEqualTo("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}");
        assertThat(ids(list(laptop))).doesNotContain(phoneSession).hasSize(1);
        // The trailing slash is optional, as on every endpoint; a second time it is gone.
        assertThat(api.call("DELETE", "/auth/sessions/" + phoneSession).bearer(laptop.access()).send().body())
                .isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        Tokens mine = logInWith(FIREFOX);
        String other = Flows.uniqueEmail("bob");
        Flows.registered(app, other);
        Tokens bobs = Flows.logIn(api, other);
        String bobsSession = list(bobs).get(0).get("id").asText();

        Reply reply = api.call("DELETE", "/auth/sessions/" + bobsSession + "/").bearer(mine.access()).send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Not found.\"}");
        assertThat(api.get("/auth/user/").bearer(bobs.access()).send().status()).isEqualTo(200);
    }

    @Test
    void revokingTheOthersKeepsThisOne() {
        Tokens laptop = logInWith(FIREFOX);
        Tokens phone = logInWith(PHONE);
        Tokens tablet = logInWith(PHONE);

        Reply reply = api.post("/auth/sessions/revoke-others/").bearer(laptop.access()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"The other sessions have been ended.\",\"revoked\":2}");
        assertThat(api.get("/auth/user/").bearer(phone.access()).send().status()).isEqualTo(401);
        assertThat(api.get("/auth/user/").bearer(tablet.access()).send().status()).isEqualTo(401);
        assertThat(list(laptop)).hasSize(1);
        assertThat(api.post("/auth/sessions/revoke-others/").bearer(laptop.access()).json("{}").send().body())
                .isEqualTo("{\"detail\":\"The other sessions have been ended.\",\"revoked\":0}");
    }

    @Test
    void everySessionEndpointNeedsALogin() {
        assertThat(api.get("/auth/sessions/").send().body())
                .isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        assertThat(api.call("DELETE", "/auth/sessions/abc/").send().status()).isEqualTo(401);
        assertThat(api.post("/auth/sessions/revoke-others/").send().status()).isEqualTo(401);
        assertThat(api.post("/auth/sessions/").json("{}").bearer(logInWith(FIREFOX).access()).send().status())
                .isEqualTo(405);
    }
}
