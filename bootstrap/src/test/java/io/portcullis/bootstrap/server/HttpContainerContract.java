package io.portcullis.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.bootstrap.config.PortcullisConfig.Container;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What either HTTP container must do, checked over real HTTP against the whole service started in
 * this JVM (in-memory H2, real Argon2id). One subclass per container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpContainerContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Xq7!vLp2#Rt9";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http11 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private PortcullisServer server;

    abstract Container container();

    @BeforeAll
    void start() {
        server = TestServers.start(container());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------ serving

    @Test
    void listensOnTheRealPortOfTheConfiguredContainer() {
        assertThat(server.container()).isEqualTo(container());
        assertThat(server.port()).isPositive();
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }

    @Test
    void healthProbes() throws Exception {
        for (String probe : new String[] {"health/live", "health/ready"}) {
            HttpResponse<String> response = get(server.baseUri().resolve(probe), null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(json(response.body()).path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void registerLogInAndReadTheUser() throws Exception {
        String email = uniqueEmail();
        HttpResponse<String> registered = post(server.baseUri().resolve("auth/registration/"),
                registration(email));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        HttpResponse<String> login = post(server.baseUri().resolve("auth/login/"), login(email, PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().firstValueAsLong("content-length")).as("whole body, not chunked").isPresent();
        String access = json(login.body()).path("access").asText();
        assertThat(access).isNotBlank();

        HttpResponse<String> user = get(server.baseUri().resolve("auth/user/"), access);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(json(user.body()).path("email").asText()).isEqualTo(email);
    }

    @Test
    void theSessionListShowsTheAddressTheContainerSawAndTheUserAgent() throws Exception {
        String email = uniqueEmail();
        post(server.baseUri().resolve("auth/registration/"), registration(email));
        HttpResponse<String> login = post(server.baseUri().resolve("auth/login/"), login(email, PASSWORD));
        String access = json(login.body()).path("access").asText();

        HttpResponse<String> sessions = get(server.baseUri().resolve("auth/sessions/"), access);

        assertThat(sessions.statusCode()).as(sessions.body()).isEqualTo(200);
        JsonNode current = json(sessions.body()).get(0);
        assertThat(current.path("current").asBoolean()).isTrue();
        assertThat(current.path("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(current.path("user_agent").asText()).startsWith("Java-http-client/");
    }

    @Test
    void anUnknownPathIsAJson404() throws Exception {
        HttpResponse<String> response = get(server.baseUri().resolve("no/such/thing"), null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response.body()).has("detail")).isTrue();
    }

    // ------------------------------------------------------------------ upgrade offers

    /** Java's HttpClient asks for h2c on plain http by default; the answer must come as HTTP/1.1. */
    @Test
    void thePostOfADefaultHttpClientIsAnswered() throws Exception {
        HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(defaults.version()).isEqualTo(HttpClient.Version.HTTP_2);
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("auth/login/"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(login(uniqueEmail(), "abcdefgh1")))
                .build();
        HttpResponse<String> response = defaults.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response.body()).has("non_field_errors")).isTrue();
    }

    /** What {@code curl --http2} sends: the offer is ignored and the body read as usual. */
    @Test
    void aPostOfferingH2cIsAnsweredAsHttp11() throws Exception {
        String body = login(uniqueEmail(), "abcdefgh1");
        try (var raw = new RawHttp(server.baseUri())) {
            RawHttp.Response response = raw.send(upgradeOffer("POST", "/auth/login/")
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .readResponse();
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.header("upgrade")).isEmpty();
            assertThat(response.header("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(json(response.body()).has("non_field_errors")).isTrue();
        }
    }

    /** Grizzly would have switched the connection to raw bytes: the next request must still be HTTP. */
    @Test
    void theConnectionStaysHttpAfterAnUpgradeOffer() throws Exception {
        try (var raw = new RawHttp(server.baseUri())) {
            RawHttp.Response first = raw.send(upgradeOffer("GET", "/health/live") + "\r\n").readResponse();
            assertThat(first.status()).isEqualTo(200);
            RawHttp.Response second = raw.send(
                    "GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").readResponse();
            assertThat(second.status()).isEqualTo(200);
            assertThat(json(second.body()).path("status").asText()).isEqualTo("UP");
        }
    }

    // ------------------------------------------------------------------ the container's own answers

    @Test
    void aBadHeaderIsAJson400() throws Exception {
        assertJson400("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n");
    }

    @Test
    void aFoldedHeaderIsAJson400() throws Exception {
        assertJson400("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n folded: value\r\n\r\n");
    }

    @Test
    void twoDifferentContentLengthsAreAJson400() throws Exception {
        assertJson400("POST /auth/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\n"
                + "Content-Length: 2\r\n\r\n{}");
    }

    @Test
    void aMalformedRequestLineIsAJson400() throws Exception {
        assertJson400("GET /health/live HTTP/1.1 trailing\r\nHost: 127.0.0.1\r\n\r\n");
    }

    @Test
    void aSpaceInTheTargetIsAJson400() throws Exception {
        assertJson400("GET /health/li ve HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    @Test
    void aBadPercentEscapeIsAJson400() throws Exception {
        assertJson400("GET /health/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    @Test
    void aControlCharacterInTheTargetIsAJson400() throws Exception {
        assertJson400("GET /health/live\u0001 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    @Test
    void aRequestWithoutHostIsAJson400() throws Exception {
        assertJson400("GET /health/live HTTP/1.1\r\n\r\n");
    }

    @Test
    void anUnsupportedVersionIsAJson505() throws Exception {
        try (var raw = new RawHttp(server.baseUri())) {
            RawHttp.Response response = raw.send("GET /health/live HTTP/7.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .readResponse();
            assertThat(response.status()).isEqualTo(505);
            assertJsonError(response);
        }
    }

    // ------------------------------------------------------------------ threads and shutdown

    @Test
    void servesOnTheConfiguredNumberOfWorkerThreads() throws Exception {
        int workers = 3;
        Set<Thread> before = poolThreads();
        try (PortcullisServer own = TestServers.start(container(),
                Map.of("PORTCULLIS_HTTP_WORKER_THREADS", Integer.toString(workers)))) {
            // Several requests at once, so that a pool that grows on demand would grow.
            var calls = new CompletableFuture<?>[12];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = http11.sendAsync(HttpRequest.newBuilder(own.baseUri().resolve("health/ready"))
                        .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            }
            CompletableFuture.allOf(calls).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Set<Thread> started = poolThreads();
            started.removeAll(before);
            // Jetty takes its acceptor and selector threads from the same pool, on top of the workers.
            int allowance = container() == Container.JETTY ? JettyContainer.IO_THREADS : 0;
            assertThat(started).hasSizeBetween(1, workers + allowance);
        }
    }

    /**
     * A request the server is reading when the stop is asked for is still answered. The request
     * announces its body with {@code Expect: 100-continue}, so the {@code 100} proves the server is
     * handling it; the body is sent only once the server refuses new connections, so the request
     * finishes during the stop, not before it; its login verifies a real Argon2id hash.
     */
    @Test
    void aStopLetsTheRequestsInFlightFinish() throws Exception {
        PortcullisServer own = TestServers.start(container());
        CompletableFuture<Void> stopping = null;
        try {
            String email = uniqueEmail();
            assertThat(post(own.baseUri().resolve("auth/registration/"), registration(email)).statusCode())
                    .isEqualTo(201);
            byte[] body = login(email, PASSWORD).getBytes(StandardCharsets.UTF_8);
            try (var raw = new RawHttp(own.baseUri())) {
                raw.send("POST /auth/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n");
                assertThat(raw.readHead().status()).isEqualTo(100);

                // Read before the stop begins: a stopped connector no longer knows its port.
                int port = own.port();
                stopping = CompletableFuture.runAsync(own::close);
                awaitCondition("the server stops accepting connections", () -> refusesConnections(port));

                RawHttp.Response response = raw.send(body).readResponse();
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(json(response.body()).path("access").asText()).isNotBlank();
            }
            stopping.get(PortcullisServer.GRACE.toSeconds() + 10, TimeUnit.SECONDS);
        } finally {
            if (stopping == null) {
                own.close();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void assertJson400(String request) throws IOException {
        try (var raw = new RawHttp(server.baseUri())) {
            RawHttp.Response response = raw.send(request).readResponse();
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertJsonError(response);
        }
    }

    private static void assertJsonError(RawHttp.Response response) throws IOException {
        assertThat(response.header("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("<").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(json(response.body()).path("detail").isTextual()).as(response.body()).isTrue();
    }

    private static String upgradeOffer(String method, String path) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n";
    }

    /** The live threads of the HTTP worker pools (both containers name them so). */
    private static Set<Thread> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("portcullis-http"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static boolean refusesConnections(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls a condition every few milliseconds until it holds, failing after {@link #TIMEOUT}. */
    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private HttpResponse<String> get(URI uri, String bearer) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http11.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return http11.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    private static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    private static String registration(String email) {
        return "{\"email\":\"" + email + "\",\"password1\":\"" + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}";
    }

    private static String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
