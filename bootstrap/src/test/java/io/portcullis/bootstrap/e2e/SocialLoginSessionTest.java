package io.portcullis.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jwt.SignedJWT;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.e2e.HttpSession.Answer;
import io.portcullis.bootstrap.server.PortcullisServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Social login against the running service: a real OpenID Connect provider in the test JVM
 * (mock-oauth2-server, issuer {@code corp}), GitHub's endpoints on WireMock, and a provider whose
 * address answers nothing. A single-page frontend's session: the code flow with state, nonce and
 * PKCE, then connect, list and disconnect; and the ID tokens and nonces that must be refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialLoginSessionTest {

    static final String PASSWORD = "Xq7!vLp2#Rt9";
    static final String CORP_CLIENT = "portcullis-spa";
    static final String GITHUB_CLIENT = "Iv1.portcullis";
    static final String GITHUB_SECRET = "github-client-secret-value";
    static final String REDIRECT_URI = "https://app.example.com/auth/callback";

    @TempDir
    static Path work;

    private final MockOAuth2Server corp = new MockOAuth2Server();
    private final WireMockServer github = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final SecureRandom random = new SecureRandom();
    private PortcullisServer server;
    private HttpSession http;

    @BeforeAll
    void start() throws IOException {
        corp.start();
        github.start();
        server = startService(work.resolve("db"), Map.of());
        http = new HttpSession(server.baseUri());
    }

    /** The service with the three providers, on its own database; {@code extra} adds or replaces settings. */
    private PortcullisServer startService(Path database, Map<String, String> extra) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", "0");
        environment.put("PORTCULLIS_DATABASE_URL", "jdbc:h2:file:" + database.toAbsolutePath());
        environment.put("PORTCULLIS_JWT_SECRET", "a-shared-secret-of-at-least-32-bytes-for-social");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_MEMORY_KIB", "7168");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_ITERATIONS", "1");
        environment.put("PORTCULLIS_SOCIAL_PROVIDERS", "corp,github,gone");
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_CORP_ISSUER", corp.issuerUrl("corp").toString());
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_CORP_CLIENT_ID", CORP_CLIENT);
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_GITHUB_ISSUER", github.baseUrl());
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_GITHUB_API_URL", github.baseUrl() + "/api");
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_GITHUB_CLIENT_ID", GITHUB_CLIENT);
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_GITHUB_CLIENT_SECRET", GITHUB_SECRET);
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_GONE_ISSUER", "http://127.0.0.1:" + closedPort + "/realms/gone");
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_GONE_CLIENT_ID", "nobody");
        environment.put("PORTCULLIS_SOCIAL_PROVIDER_GONE_TIMEOUT", "PT2S");
        environment.putAll(extra);
        return PortcullisServer.start(new SettingsLoader(environment, Map.of(), 2, new SecureRandom()).load(),
                Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        github.stop();
        corp.shutdown();
    }

    /** What a frontend keeps in session storage before it sends the browser to the provider. */
    record PendingLogin(String state, String nonce, String verifier) {
        String challenge() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private PendingLogin pendingLogin() {
        return new PendingLogin(randomText(16), randomText(16), randomText(32));
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The person the provider will say logs in next. */
    private void nextCorpUser(String subject, Map<String, Object> claims) {
        corp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CORP_CLIENT), claims, 300));
    }

    /**
     * The browser's trip to the provider: GET on the authorize endpoint, the redirect not followed;
     * the code and the state come back in its Location, as they reach the frontend's callback page.
     */
    private Map<String, String> authorizeAtCorp(PendingLogin pending) throws Exception {
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", CORP_CLIENT);
        query.put("redirect_uri", REDIRECT_URI);
        query.put("scope", "openid email profile");
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", pending.challenge());
        query.put("code_challenge_method", "S256");
        URI authorize = URI.create(corp.authorizationEndpointUrl("corp") + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        try (HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(authorize).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            URI callback = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertThat(callback.toString()).startsWith(REDIRECT_URI);
            var parameters = new HashMap<String, String>();
            for (String pair : callback.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }
    }

    private static String json(Map<String, String> fields) {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        fields.forEach(node::put);
        return node.toString();
    }

    private static List<String> keys(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void stubGitHub(String code, String accessToken, long userId, String login, String email) {
        github.stubFor(post("/login/oauth/access_token").withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\","
                        + "\"scope\":\"read:user,user:email\"}")));
        github.stubFor(get("/api/user").withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"login\":\"" + login + "\",\"id\":" + userId + ",\"name\":\"Sam Doe\","
                        + "\"email\":null,\"html_url\":\"https://github.com/" + login + "\"}")));
        github.stubFor(get("/api/user/emails").withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("[{\"email\":\"" + email + "\",\"primary\":true,\"verified\":true}]")));
    }

    @Test
    void a_frontend_logs_in_by_code_connects_github_lists_both_and_disconnects_one() throws Exception {
        // A password login of the same service, for the shape of the answer.
        Answer registered = http.post("auth/registration/", "{\"email\":\"pat@example.com\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Answer passwordLogin = http.post("auth/login/", "{\"email\":\"pat@example.com\",\"password\":\"" + PASSWORD
                + "\"}");
        assertThat(passwordLogin.status()).isEqualTo(200);

        // 1. The frontend makes state, nonce and a PKCE verifier, and the browser goes to the provider.
        PendingLogin pending = pendingLogin();
        nextCorpUser("corp-user-1", Map.of("email", "sam@example.com", "email_verified", true, "name", "Sam Doe",
                "preferred_username", "sam"));
        Map<String, String> callback = authorizeAtCorp(pending);
        // 2. Back on the callback page: the state must be the one it sent.
        assertThat(callback.get("state")).isEqualTo(pending.state());
        // 3. The code, the redirect URI, the verifier and the nonce go to Portcullis.
        Answer social = http.post("auth/corp/", json(Map.of("code", callback.get("code"), "callback_url", REDIRECT_URI,
                "code_verifier", pending.verifier(), "nonce", pending.nonce())));

        assertThat(social.status()).as(social.body()).isEqualTo(200);
        assertThat(keys(social.json())).isEqualTo(keys(passwordLogin.json()));
        assertThat(keys(social.json().get("user"))).isEqualTo(keys(passwordLogin.json().get("user")));
        assertThat(social.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
        String access = social.text("access");
        Answer user = http.get("auth/user/", access);
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("email").asText()).isEqualTo("sam@example.com");
        // The refresh token of a social login refreshes like any other.
        Answer refreshed = http.post("auth/token/refresh/", "{\"refresh\":\"" + social.text("refresh") + "\"}");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);

        // The same person again, later: the same account.
        PendingLogin again = pendingLogin();
        nextCorpUser("corp-user-1", Map.of("email", "sam@example.com", "email_verified", true));
        Map<String, String> secondCallback = authorizeAtCorp(again);
        Answer second = http.post("auth/corp/", json(Map.of("code", secondCallback.get("code"), "redirect_uri",
                REDIRECT_URI, "code_verifier", again.verifier(), "nonce", again.nonce())));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("user").get("pk")).isEqualTo(social.json().get("user").get("pk"));

        // 4. Connect GitHub (WireMock) to the same account, by code.
        stubGitHub("gh-code-1", "gho_sam", 4242, "sam-gh", "sam@users.noreply.github.com");
        Answer connected = http.send("POST", "auth/github/connect/",
                json(Map.of("code", "gh-code-1", "callback_url", REDIRECT_URI)), access);
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().get("user").get("pk")).isEqualTo(social.json().get("user").get("pk"));
        github.verify(postRequestedFor(urlEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("client_id=" + GITHUB_CLIENT))
                .withRequestBody(containing("code=gh-code-1")));

        // 5. Both are listed.
        Answer list = http.get("auth/socialaccounts/", access);
        assertThat(list.status()).isEqualTo(200);
        JsonNode links = list.json();
        assertThat(links).hasSize(2);
        assertThat(links.get(0).get("provider").asText()).isEqualTo("corp");
        assertThat(links.get(0).get("uid").asText()).isEqualTo("corp-user-1");
        assertThat(links.get(1).get("provider").asText()).isEqualTo("github");
        assertThat(links.get(1).get("uid").asText()).isEqualTo("4242");
        assertThat(keys(links.get(0))).containsExactly("id", "provider", "uid", "last_login", "date_joined");

        // 6. Disconnect GitHub; the last way in (no password) stays.
        Answer disconnected = http.send("POST", "auth/socialaccounts/" + links.get(1).get("id").asLong()
                + "/disconnect/", "{}", access);
        assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(200);
        assertThat(disconnected.json().get("provider").asText()).isEqualTo("github");
        assertThat(http.get("auth/socialaccounts/", access).json()).hasSize(1);
        Answer last = http.send("POST", "auth/socialaccounts/" + links.get(0).get("id").asLong() + "/disconnect/",
                "{}", access);
        assertThat(last.status()).isEqualTo(400);
        assertThat(last.json().get("non_field_errors").get(0).asText()).startsWith("Your account has no password set up");
        // And a password login to it fails as a wrong password does.
        Answer byPassword = http.post("auth/login/", "{\"email\":\"sam@example.com\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(byPassword.status()).isEqualTo(400);
        assertThat(byPassword.body()).isEqualTo("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");

        // The audit trail has the whole story of the account, in order.
        assertThat(auditTrailOf(social.json().get("user").get("pk").asLong())).containsExactly(
                "account_created:succeeded", "social_account_connected:succeeded", "login_succeeded:succeeded",
                "login_succeeded:succeeded", "social_account_connected:succeeded", "login_succeeded:succeeded",
                "social_account_disconnected:succeeded", "social_account_disconnected:failed:last_way_in",
                "login_failed:failed:wrong_password");
    }

    private List<String> auditTrailOf(long account) throws Exception {
        var events = new ArrayList<String>();
        try (var database = io.portcullis.adapters.persistence.Database.open(
                new io.portcullis.adapters.persistence.DatabaseSettings("jdbc:h2:file:" + work.resolve("db").toAbsolutePath(),
                        "sa", "", 1, java.time.Duration.ofSeconds(5)));
                var connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT event_type, outcome, reason FROM audit_events"
                        + " WHERE account_id = ? ORDER BY id")) {
            statement.setLong(1, account);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + ":" + rows.getString(2)
                            + (rows.getString(3) == null ? "" : ":" + rows.getString(3)));
                }
            }
        }
        return events;
    }

    @Test
    void an_id_token_the_provider_issued_logs_in_and_a_forged_or_expired_one_is_refused_saying_why() {
        SignedJWT issued = corp.issueToken("corp", CORP_CLIENT, new DefaultOAuth2TokenCallback("corp", "corp-user-2",
                "JWT", List.of(CORP_CLIENT), Map.of("email", "ivy@example.com", "email_verified", true), 300));
        Answer good = http.post("auth/corp/", "{\"id_token\":\"" + issued.serialize() + "\"}");
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("user").get("email").asText()).isEqualTo("ivy@example.com");

        // Another subject in the payload, the provider's signature kept: a forgery.
        String[] parts = issued.serialize().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("corp-user-2", "corp-admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Answer refusedForgery = http.post("auth/corp/", "{\"id_token\":\"" + forged + "\"}");
        assertThat(refusedForgery.status()).isIn(400, 401);
        assertThat(refusedForgery.json().get("non_field_errors").get(0).asText())
                .contains("ID token refused", "signature");

        SignedJWT expired = corp.issueToken("corp", CORP_CLIENT, new DefaultOAuth2TokenCallback("corp", "corp-user-3",
                "JWT", List.of(CORP_CLIENT), Map.of("email", "old@example.com", "email_verified", true), -3600));
        Answer refusedExpired = http.post("auth/corp/", "{\"id_token\":\"" + expired.serialize() + "\"}");
        assertThat(refusedExpired.status()).isIn(400, 401);
        assertThat(refusedExpired.json().get("non_field_errors").get(0).asText()).contains("ID token refused", "expired");

        SignedJWT otherClient = corp.issueToken("corp", "another-app", new DefaultOAuth2TokenCallback("corp",
                "corp-user-4", "JWT", List.of("another-app"), Map.of(), 300));
        Answer refusedAudience = http.post("auth/corp/", "{\"id_token\":\"" + otherClient.serialize() + "\"}");
        assertThat(refusedAudience.status()).isEqualTo(400);
        assertThat(refusedAudience.json().get("non_field_errors").get(0).asText()).contains("another client");
    }

    @Test
    void a_wrong_nonce_is_refused_and_the_code_cannot_be_replayed_with_the_right_one() throws Exception {
        PendingLogin pending = pendingLogin();
        nextCorpUser("corp-user-5", Map.of("email", "nia@example.com", "email_verified", true));
        Map<String, String> callback = authorizeAtCorp(pending);

        Answer wrong = http.post("auth/corp/", json(Map.of("code", callback.get("code"), "callback_url", REDIRECT_URI,
                "code_verifier", pending.verifier(), "nonce", "not-the-nonce-of-the-request")));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("non_field_errors").get(0).asText()).contains("nonce");
        Answer replayed = http.post("auth/corp/", json(Map.of("code", callback.get("code"), "callback_url",
                REDIRECT_URI, "code_verifier", pending.verifier(), "nonce", pending.nonce())));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(400);
        assertThat(replayed.json().has("non_field_errors")).isTrue();
    }

    @Test
    void access_tokens_log_in_at_github_once_github_confirms_they_are_ours_and_at_corp_through_userinfo() {
        github.stubFor(post("/api/applications/" + GITHUB_CLIENT + "/token")
                .withRequestBody(containing("gho_native"))
                .willReturn(okJson("{\"id\":1,\"app\":{\"client_id\":\"" + GITHUB_CLIENT + "\"}}")));
        github.stubFor(get("/api/user").withHeader("Authorization", equalTo("Bearer gho_native"))
                .willReturn(okJson("{\"login\":\"tess\",\"id\":5151,\"name\":\"Tess\",\"email\":null}")));
        github.stubFor(get("/api/user/emails").withHeader("Authorization", equalTo("Bearer gho_native"))
                .willReturn(okJson("[{\"email\":\"tess@example.com\",\"primary\":true,\"verified\":true}]")));

        Answer byGitHub = http.post("auth/github/", "{\"access_token\":\"gho_native\"}");

        assertThat(byGitHub.status()).as(byGitHub.body()).isEqualTo(200);
        assertThat(byGitHub.json().get("user").get("email").asText()).isEqualTo("tess@example.com");

        SignedJWT accessToken = corp.issueToken("corp", CORP_CLIENT, new DefaultOAuth2TokenCallback("corp",
                "corp-user-6", "JWT", List.of(CORP_CLIENT), Map.of("email", "uma@example.com", "email_verified", true),
                300));
        Answer byCorp = http.post("auth/corp/", "{\"access_token\":\"" + accessToken.serialize() + "\"}");
        assertThat(byCorp.status()).as(byCorp.body()).isEqualTo(200);
        assertThat(byCorp.json().get("user").get("email").asText()).isEqualTo("uma@example.com");

        SignedJWT foreign = corp.issueToken("corp", "another-app", new DefaultOAuth2TokenCallback("corp",
                "corp-user-7", "JWT", List.of("another-app"), Map.of(), 300));
        Answer refused = http.post("auth/corp/", "{\"access_token\":\"" + foreign.serialize() + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("non_field_errors").get(0).asText()).contains("corp");
    }

    @Test
    void an_address_of_a_password_account_is_connected_only_with_auto_connect_on() throws Exception {
        String email = "val@example.com";
        Answer registered = http.post("auth/registration/", "{\"email\":\"" + email + "\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}");
        assertThat(registered.status()).isEqualTo(201);

        // Off (the default): the provider's verified address is not enough.
        Answer off = http.post("auth/corp/", "{\"id_token\":\"" + corp.issueToken("corp", CORP_CLIENT,
                new DefaultOAuth2TokenCallback("corp", "corp-val", "JWT", List.of(CORP_CLIENT),
                        Map.of("email", email, "email_verified", true), 300)).serialize() + "\"}");
        assertThat(off.status()).isEqualTo(400);
        assertThat(off.body()).isEqualTo("{\"non_field_errors\":[\"An account already exists with this e-mail"
                + " address. Please sign in to that account first, then connect your corp account.\"]}");

        // On: the same person, on a service that trusts the provider's verified addresses.
        PortcullisServer trusting = startService(work.resolve("db-auto-connect"),
                Map.of("PORTCULLIS_SOCIAL_AUTO_CONNECT", "true"));
        try {
            var other = new HttpSession(trusting.baseUri());
            assertThat(other.post("auth/registration/", "{\"email\":\"" + email + "\",\"password1\":\""
                    + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}").status()).isEqualTo(201);
            long pk = other.post("auth/login/", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                    .json().get("user").get("pk").asLong();
            Answer unverified = other.post("auth/corp/", "{\"id_token\":\"" + corp.issueToken("corp", CORP_CLIENT,
                    new DefaultOAuth2TokenCallback("corp", "corp-val-2", "JWT", List.of(CORP_CLIENT),
                            Map.of("email", email, "email_verified", false), 300)).serialize() + "\"}");
            assertThat(unverified.status()).as("an address the provider does not vouch for").isEqualTo(400);

            Answer on = other.post("auth/corp/", "{\"id_token\":\"" + corp.issueToken("corp", CORP_CLIENT,
                    new DefaultOAuth2TokenCallback("corp", "corp-val", "JWT", List.of(CORP_CLIENT),
                            Map.of("email", email, "email_verified", true), 300)).serialize() + "\"}");

            assertThat(on.status()).as(on.body()).isEqualTo(200);
            assertThat(on.json().get("user").get("pk").asLong()).isEqualTo(pk);
            JsonNode links = other.get("auth/socialaccounts/", on.text("access")).json();
            assertThat(links).hasSize(1);
            assertThat(links.get(0).get("uid").asText()).isEqualTo("corp-val");
        } finally {
            trusting.close();
        }
    }

    @Test
    void a_provider_that_is_down_answers_503_naming_it() {
        Answer down = http.post("auth/gone/", "{\"code\":\"any-code\",\"callback_url\":\"" + REDIRECT_URI + "\"}");

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(down.body()).isEqualTo(
                "{\"detail\":\"The sign-in provider \\\"gone\\\" is unavailable right now. Please retry shortly.\"}");
    }

    @Test
    void bad_input_is_a_4xx_with_a_body_never_a_500() {
        Answer neither = http.post("auth/corp/", "{}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body())
                .isEqualTo("{\"non_field_errors\":[\"Incorrect input. access_token or code is required.\"]}");
        Answer garbage = http.post("auth/corp/", "{\"id_token\":\"not.a.jwt\"}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().has("non_field_errors")).isTrue();
        Answer unknown = http.post("auth/facebook/", "{\"access_token\":\"t\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().has("detail")).isTrue();
        Answer anonymousConnect = http.post("auth/github/connect/", "{\"code\":\"c\"}");
        assertThat(anonymousConnect.status()).isEqualTo(401);
    }
}
