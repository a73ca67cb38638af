package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens signed with key pairs, end to end: another service verifies an access token with a
 * verifier of its own (java-jwt) fed nothing but the JWK Set fetched from
 * {@code /.well-known/jwks.json}; the key survives a restart; iss and aud are written and checked.
 */
class KeyPairTokensTest {

    static final String PASSWORD = "Xq7!vLp2#Rt9";

    @TempDir
    Path work;

    private PortcullisServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static PortcullisServer start(Path work, String algorithm, Map<String, String> extra) {
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", "0");
        environment.put("PORTCULLIS_DATABASE_URL", "jdbc:h2:file:" + work.resolve("db").toAbsolutePath());
        environment.put("PORTCULLIS_JWT_ALGORITHM", algorithm);
        environment.put("PORTCULLIS_JWT_KEYS_DIR", work.resolve("keys").toString());
        environment.put("PORTCULLIS_JWT_ISSUER", "https://auth.example.com");
        environment.put("PORTCULLIS_JWT_AUDIENCE", "orders-api");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_MEMORY_KIB", "7168");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_ITERATIONS", "1");
        environment.put("PORTCULLIS_MAIL_BACKEND", "file");
        environment.put("PORTCULLIS_MAIL_FILE_DIR", work.resolve("mail").toString());
        environment.putAll(extra);
        return PortcullisServer.start(
                new SettingsLoader(environment, Map.of(), 2, new java.security.SecureRandom()).load(), Clock.systemUTC());
    }

    /** Registers (verification none logs in) and returns the answer with the token pair. */
    static JsonNode register(HttpSession http, String email) {
        var answer = http.post("/auth/registration/", "{\"email\":\"" + email + "\",\"password1\":\"" + PASSWORD
                + "\",\"password2\":\"" + PASSWORD + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    // ---------------------------------------------------------------- a verifier of another service

    /** Public keys by kid, built from nothing but the JWK Set document. */
    static Map<String, java.security.PublicKey> keysOf(JsonNode jwks) throws Exception {
        var keys = new HashMap<String, java.security.PublicKey>();
        var decoder = Base64.getUrlDecoder();
        for (JsonNode jwk : jwks.get("keys")) {
            if (jwk.get("kty").asText().equals("RSA")) {
                keys.put(jwk.get("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, decoder.decode(jwk.get("n").asText())),
                        new BigInteger(1, decoder.decode(jwk.get("e").asText())))));
            } else {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec("secp256r1"));
                keys.put(jwk.get("kid").asText(), KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                        new ECPoint(new BigInteger(1, decoder.decode(jwk.get("x").asText())),
                                new BigInteger(1, decoder.decode(jwk.get("y").asText()))),
                        parameters.getParameterSpec(ECParameterSpec.class))));
            }
        }
        return keys;
    }

    static DecodedJWT verifyLikeAnotherService(String jwksUrl, String token) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String document = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(jwksUrl)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        Map<String, java.security.PublicKey> keys = keysOf(new com.fasterxml.jackson.databind.ObjectMapper().readTree(document));
        Algorithm algorithm = JWT.decode(token).getAlgorithm().startsWith("RS")
                ? Algorithm.RSA256(new RSAKeyProvider() {
                    public RSAPublicKey getPublicKeyById(String kid) {
                        return (RSAPublicKey) keys.get(kid);
                    }

                    public RSAPrivateKey getPrivateKey() {
                        return null;
                    }

                    public String getPrivateKeyId() {
                        return null;
                    }
                })
                : Algorithm.ECDSA256(new ECDSAKeyProvider() {
                    public ECPublicKey getPublicKeyById(String kid) {
                        return (ECPublicKey) keys.get(kid);
                    }

                    public ECPrivateKey getPrivateKey() {
                        return null;
                    }

                    public String getPrivateKeyId() {
                        return null;
                    }
                });
        return JWT.require(algorithm).withIssuer("https://auth.example.com").withAudience("orders-api")
                .withClaim("token_type", "access").build().verify(token);
    }

    @Test
    void anotherServiceVerifiesAnRs256AccessTokenWithNothingButTheJwksUrl() throws Exception {
        server = start(work, "RS256", Map.of());
        var http = new HttpSession(server.baseUri());
        String access = register(http, "alice@example.com").get("access").asText();
        String jwksUrl = http.base() + "/.well-known/jwks.json";

        DecodedJWT verified = verifyLikeAnotherService(jwksUrl, access);

        assertThat(verified.getAlgorithm()).isEqualTo("RS256");
        assertThat(verified.getKeyId()).isNotBlank();
        assertThat(verified.getClaim("user_id").asLong()).isEqualTo(1L);
        assertThat(verified.getIssuer()).isEqualTo("https://auth.example.com");
        assertThat(verified.getAudience()).containsExactly("orders-api");
        // A single bit of the payload changed, and the same verifier refuses it.
        String[] parts = access.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "B" : "A") + parts[1].charAt(parts[1].length() - 1) + "." + parts[2];
        assertThat(catchVerification(jwksUrl, tampered)).isInstanceOf(JWTVerificationException.class);
        // The service itself accepts the token.
        assertThat(http.get("/auth/user/", access).status()).isEqualTo(200);
    }

    @Test
    void anEs256TokenToo() throws Exception {
        server = start(work, "ES256", Map.of());
        var http = new HttpSession(server.baseUri());
        String access = register(http, "bob@example.com").get("access").asText();

        DecodedJWT verified = verifyLikeAnotherService(http.base() + "/.well-known/jwks.json", access);

        assertThat(verified.getAlgorithm()).isEqualTo("ES256");
        JsonNode jwk = http.get("/.well-known/jwks.json", null).json().get("keys").get(0);
        assertThat(jwk.get("kty").asText()).isEqualTo("EC");
        assertThat(jwk.get("crv").asText()).isEqualTo("P-256");
        assertThat(jwk.has("d")).as("no private part").isFalse();
    }

    @Test
    void theGeneratedKeyIsKeptAcrossARestartSoTokensOutliveIt() throws Exception {
        server = start(work, "RS256", Map.of());
        var http = new HttpSession(server.baseUri());
        JsonNode tokens = register(http, "carol@example.com");
        String kid = JWT.decode(tokens.get("access").asText()).getKeyId();
        server.close();
        server = null;
        try (Stream<Path> files = Files.list(work.resolve("keys"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(kid + ".pem");
        }

        server = start(work, "RS256", Map.of());
        http = new HttpSession(server.baseUri());

        assertThat(http.get("/auth/user/", tokens.get("access").asText()).status()).isEqualTo(200);
        var refreshed = http.post("/auth/token/refresh/", "{\"refresh\":\"" + tokens.get("refresh").asText() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(JWT.decode(refreshed.text("access")).getKeyId()).isEqualTo(kid);
    }

    @Test
    void aSharedSecretPublishesNoKeys() {
        server = start(work, "HS256", Map.of("PORTCULLIS_JWT_SECRET", "a-shared-secret-of-at-least-32-bytes-" + UUID.randomUUID()));
        var http = new HttpSession(server.baseUri());

        assertThat(http.get("/.well-known/jwks.json", null).status()).isEqualTo(404);
        assertThat(JWT.decode(register(http, "dan@example.com").get("access").asText()).getKeyId()).isNull();
    }

    private static Exception catchVerification(String jwksUrl, String token) {
        try {
            verifyLikeAnotherService(jwksUrl, token);
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
