package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.bootstrap.server.PortcullisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged and misused tokens against the running service (RS256, with iss and aud configured):
 * each is answered 401 with simplejwt's body, on an endpoint that needs a login and on
 * token/verify. The forgeries are made here, from the real token's claims, with the real private
 * key where the attack is about the claims and with anything else where it is about the key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttacksTest {

    static final String INVALID = "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\","
            + "\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\","
            + "\"message\":\"Token is invalid or expired\"}]}";
    static final String WRONG_TYPE = INVALID.replace("Token is invalid or expired", "Token has wrong type");
    static final String VERIFY_INVALID = "{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    static Path work;

    private PortcullisServer server;
    private HttpSession http;
    private String access;
    private String refresh;
    private String kid;
    private PrivateKey signingKey;
    private String publicKeyPem;

    @BeforeAll
    void start() throws Exception {
        server = KeyPairTokensTest.start(work, "RS256", Map.of());
        http = new HttpSession(server.baseUri());
        JsonNode tokens = KeyPairTokensTest.register(http, "mallory-target@example.com");
        access = tokens.get("access").asText();
        refresh = tokens.get("refresh").asText();
        kid = header(access).get("kid").asText();
        String pem = Files.readString(work.resolve("keys").resolve(kid + ".pem"));
        signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        var crt = (RSAPrivateCrtKey) signingKey;
        byte[] publicDer = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())).getEncoded();
        publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicDer) + "\n-----END PUBLIC KEY-----\n";
    }

    @AfterAll
    void stop() {
        server.close();
    }

    // ---------------------------------------------------------------- forging

    static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String json) {
        return b64(json.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode header(String token) throws Exception {
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }

    ObjectNode claims() throws Exception {
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
    }

    ObjectNode claims(Consumer<ObjectNode> change) throws Exception {
        ObjectNode claims = claims();
        change.accept(claims);
        return claims;
    }

    String headerJson(String alg, String keyId) {
        return keyId == null
                ? "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}"
                : "{\"alg\":\"" + alg + "\",\"kid\":\"" + keyId + "\",\"typ\":\"JWT\"}";
    }

    static String rs256(String header, JsonNode claims, PrivateKey key) throws Exception {
        String input = b64(header) + "." + b64(JSON.writeValueAsString(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(signature.sign());
    }

    static String hs256(String header, JsonNode claims, byte[] secret) throws Exception {
        String input = b64(header) + "." + b64(JSON.writeValueAsString(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    String withRealKey(JsonNode claims) throws Exception {
        return rs256(headerJson("RS256", kid), claims, signingKey);
    }

    static PrivateKey anotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    long now() {
        return Instant.now().getEpochSecond();
    }

    // ---------------------------------------------------------------- the checks

    void refused(String token) {
        var user = http.get("/auth/user/", token);
        assertThat(user.status()).as(user.body()).isEqualTo(401);
        assertThat(user.body()).isEqualTo(INVALID);
        assertThat(user.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
        var verify = http.post("/auth/token/verify/", "{\"token\":\"" + token + "\"}");
        assertThat(verify.status()).as(verify.body()).isEqualTo(401);
        assertThat(verify.body()).isEqualTo(VERIFY_INVALID);
    }

    @Test
    void theForgeryKitReproducesAGoodTokenWithTheRealKey() throws Exception {
        assertThat(http.get("/auth/user/", withRealKey(claims())).status()).isEqualTo(200);
    }

    @Test
    void algNone() throws Exception {
        String unsigned = b64(headerJson("none", kid)) + "." + b64(JSON.writeValueAsString(claims())) + ".";
        refused(unsigned);
        refused(b64(headerJson("none", kid)) + "." + access.split("\\.")[1] + "." + access.split("\\.")[2]);
        refused(b64("{\"alg\":\"None\",\"typ\":\"JWT\"}") + "." + access.split("\\.")[1] + ".");
    }

    @Test
    void hs256SignedWithTheRsaPublicKey() throws Exception {
        refused(hs256(headerJson("HS256", kid), claims(), publicKeyPem.getBytes(StandardCharsets.US_ASCII)));
        refused(hs256(headerJson("HS256", kid), claims(), der(publicKeyPem)));
        refused(hs256(headerJson("HS256", null), claims(), publicKeyPem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anotherRsaAlgorithmThanTheConfiguredOne() throws Exception {
        String input = b64(headerJson("RS512", kid)) + "." + b64(JSON.writeValueAsString(claims()));
        Signature signature = Signature.getInstance("SHA512withRSA");
        signature.initSign(signingKey);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        refused(input + "." + b64(signature.sign()));
    }

    @Test
    void expired() throws Exception {
        refused(withRealKey(claims(c -> c.put("iat", now() - 310).put("exp", now() - 10))));
    }

    @Test
    void notBeforeInTheFuture() throws Exception {
        refused(withRealKey(claims(c -> c.put("nbf", now() + 600))));
    }

    @Test
    void wrongOrMissingIssuer() throws Exception {
        refused(withRealKey(claims(c -> c.put("iss", "https://evil.example.com"))));
        refused(withRealKey(claims(c -> c.remove("iss"))));
    }

    @Test
    void wrongOrMissingAudience() throws Exception {
        refused(withRealKey(claims(c -> c.put("aud", "another-api"))));
        refused(withRealKey(claims(c -> c.remove("aud"))));
    }

    @Test
    void tamperedPayloadWithTheOriginalSignature() throws Exception {
        String[] parts = access.split("\\.");
        String otherUser = b64(JSON.writeValueAsString(claims(c -> c.put("user_id", 2))));
        refused(parts[0] + "." + otherUser + "." + parts[2]);
        String longerLife = b64(JSON.writeValueAsString(claims(c -> c.put("exp", now() + 86_400 * 365))));
        refused(parts[0] + "." + longerLife + "." + parts[2]);
    }

    @Test
    void aRefreshTokenUsedAsAnAccessToken() {
        var user = http.get("/auth/user/", refresh);
        assertThat(user.status()).isEqualTo(401);
        assertThat(user.body()).isEqualTo(WRONG_TYPE);
        assertThat(user.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"api\"");
    }

    @Test
    void anUnknownKidOrAnotherKeyBehindTheRealKid() throws Exception {
        PrivateKey attacker = anotherKey();
        refused(rs256(headerJson("RS256", "attacker-key"), claims(), attacker));
        refused(rs256(headerJson("RS256", kid), claims(), attacker));
        refused(rs256(headerJson("RS256", "../../etc/passwd"), claims(), attacker));
    }

    @Test
    void noKidAtAll() throws Exception {
        refused(rs256(headerJson("RS256", null), claims(), signingKey));
    }

    @Test
    void anAttackerNeverLearnsWhichCheckFailed() throws Exception {
        var bodies = Stream.of(
                        withRealKey(claims(c -> c.put("exp", now() - 10))),
                        rs256(headerJson("RS256", "attacker-key"), claims(), anotherKey()),
                        b64(headerJson("none", kid)) + "." + access.split("\\.")[1] + ".")
                .map(token -> http.get("/auth/user/", token).body())
                .distinct()
                .toList();
        assertThat(bodies).containsExactly(INVALID);
    }
}
