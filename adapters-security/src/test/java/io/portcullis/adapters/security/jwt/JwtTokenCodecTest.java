package io.portcullis.adapters.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.portcullis.application.port.TokenCodec.Decoded;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenCodecTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Instant EXPIRY = NOW.plusSeconds(300);

    final JwtTokenCodec codec = new JwtTokenCodec(JwtSettings.hmac("HS256", SECRET));

    TokenClaims claims(TokenType type) {
        return new TokenClaims(type, new AccountId(1), new SessionId("session-1"), codec.newTokenId(), NOW, EXPIRY);
    }

    static String json(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String payloadOf(String token) {
        return json(token.split("\\.")[1]);
    }

    /** Signs any payload with the test secret, to build tokens our encoder would never make. */
    static String signed(Map<String, ?> payload) {
        return JWT.create().withPayload(payload).sign(Algorithm.HMAC256(SECRET));
    }

    /** Signs raw JSON, for payloads java-jwt would refuse to build. */
    static String signedJson(String payloadJson) {
        try {
            String signingInput = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64Url(payloadJson);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Object> validPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("token_type", "access");
        payload.put("exp", EXPIRY.getEpochSecond());
        payload.put("iat", NOW.getEpochSecond());
        payload.put("jti", "0123456789abcdef0123456789abcdef");
        payload.put("user_id", 7);
        payload.put("sid", "session-7");
        return payload;
    }

    @Nested
    class Encoding {

        @ParameterizedTest
        @EnumSource(TokenType.class)
        void roundTripsEveryTokenType(TokenType type) {
            TokenClaims claims = claims(type);

            Decoded decoded = codec.decode(codec.encode(claims), NOW);

            assertThat(decoded).isEqualTo(new Decoded.Valid(claims));
        }

        @Test
        void writesTheHeaderOfPyJwt() {
            String token = codec.encode(claims(TokenType.ACCESS));

            assertThat(json(token.split("\\.")[0])).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        }

        @Test
        void writesSimplejwtClaimsWithANumericUserId() {
            TokenClaims claims = claims(TokenType.REFRESH);

            String payload = payloadOf(codec.encode(claims));

            assertThat(payload)
                    .contains("\"user_id\":1,")
                    .doesNotContain("\"user_id\":\"1\"")
                    .contains("\"token_type\":\"refresh\"")
                    .contains("\"exp\":" + EXPIRY.getEpochSecond())
                    .contains("\"iat\":" + NOW.getEpochSecond())
                    .contains("\"jti\":\"" + claims.jti() + "\"")
                    .contains("\"sid\":\"session-1\"")
                    .doesNotContain("\"iss\"", "\"aud\"");
        }

        @Test
        void issuesTheSameTokenAsSimplejwt() {
            // Made by PyJWT 2.6.0 (what simplejwt uses): jwt.encode({"token_type": "access",
            // "exp": 1900000300, "iat": 1900000000, "jti": "0123456789abcdef0123456789abcdef",
            // "user_id": 42, "sid": "s-1"}, "portcullis-test-secret-32-bytes!!", algorithm="HS256")
            String pyJwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
                    + ".eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxOTAwMDAwMzAwLCJpYXQiOjE5MDAwMDAwMDAsImp0aSI6IjAx"
                    + "MjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmIiwidXNlcl9pZCI6NDIsInNpZCI6InMtMSJ9"
                    + ".I25-NMxL9M83fxqmWnHLHTKH1zjMYkkIWDyyjYONk5Q";
            JwtTokenCodec pyCodec = new JwtTokenCodec(JwtSettings.hmac(
                    "HS256", "portcullis-test-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8)));
            TokenClaims claims = new TokenClaims(TokenType.ACCESS, new AccountId(42), new SessionId("s-1"),
                    "0123456789abcdef0123456789abcdef", Instant.ofEpochSecond(1_900_000_000L),
                    Instant.ofEpochSecond(1_900_000_300L));

            assertThat(pyCodec.encode(claims)).isEqualTo(pyJwt);
            assertThat(pyCodec.decode(pyJwt, Instant.ofEpochSecond(1_900_000_100L)))
                    .isEqualTo(new Decoded.Valid(claims));
        }

        @Test
        void dropsFractionsOfASecond() {
            TokenClaims claims = new TokenClaims(TokenType.ACCESS, new AccountId(1), new SessionId("s"), "id",
                    NOW.plusMillis(900), EXPIRY.plusMillis(900));

            Decoded decoded = codec.decode(codec.encode(claims), NOW);

            assertThat(decoded).isInstanceOfSatisfying(Decoded.Valid.class, valid -> {
                assertThat(valid.claims().issuedAt()).isEqualTo(NOW);
                assertThat(valid.claims().expiresAt()).isEqualTo(EXPIRY);
            });
        }

        @Test
        void newTokenIdsAre32RandomLowercaseHexCharacters() {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                String id = codec.newTokenId();
                assertThat(id).matches("[0-9a-f]{32}");
                ids.add(id);
            }
            assertThat(ids).hasSize(100);
        }
    }

    @Nested
    class Expiry {

        @Test
        void isValidUntilTheSecondBeforeExp() {
            String token = codec.encode(claims(TokenType.ACCESS));

            assertThat(codec.decode(token, EXPIRY.minusSeconds(1))).isInstanceOf(Decoded.Valid.class);
            assertThat(codec.decode(token, EXPIRY.minusMillis(1))).isInstanceOf(Decoded.Valid.class);
        }

        @Test
        void isExpiredExactlyAtExp() {
            String token = codec.encode(claims(TokenType.ACCESS));

            assertThat(codec.decode(token, EXPIRY)).isEqualTo(new Decoded.Invalid("expired"));
            assertThat(codec.decode(token, EXPIRY.plusSeconds(3600))).isEqualTo(new Decoded.Invalid("expired"));
        }

        @Test
        void usesTheGivenInstantNotTheSystemClock() {
            TokenClaims longAgo = new TokenClaims(TokenType.ACCESS, new AccountId(1), new SessionId("s"), "id",
                    Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-01-01T00:05:00Z"));

            Decoded decoded = codec.decode(codec.encode(longAgo), Instant.parse("2001-01-01T00:01:00Z"));

            assertThat(decoded).isEqualTo(new Decoded.Valid(longAgo));
        }

        @Test
        void leewayExtendsValidityByExactlyItsLength() {
            JwtTokenCodec lenient = new JwtTokenCodec(JwtSettings.hmac("HS256", SECRET).withLeeway(Duration.ofSeconds(10)));
            String token = lenient.encode(claims(TokenType.ACCESS));

            assertThat(lenient.decode(token, EXPIRY.plusSeconds(9))).isInstanceOf(Decoded.Valid.class);
            assertThat(lenient.decode(token, EXPIRY.plusSeconds(10))).isEqualTo(new Decoded.Invalid("expired"));
        }

        @Test
        void leewayCanBeAFractionOfASecond() {
            JwtTokenCodec lenient = new JwtTokenCodec(JwtSettings.hmac("HS256", SECRET).withLeeway(Duration.ofMillis(500)));
            String token = lenient.encode(claims(TokenType.ACCESS));

            assertThat(lenient.decode(token, EXPIRY.plusMillis(499))).isInstanceOf(Decoded.Valid.class);
            assertThat(lenient.decode(token, EXPIRY.plusMillis(500))).isEqualTo(new Decoded.Invalid("expired"));
        }

        @Test
        void acceptsATokenIssuedSlightlyInTheFutureOfAnotherNode() {
            String token = codec.encode(claims(TokenType.ACCESS));

            assertThat(codec.decode(token, NOW.minusSeconds(2))).isInstanceOf(Decoded.Valid.class);
        }

        @Test
        void honoursANotBeforeClaim() {
            Map<String, Object> payload = validPayload();
            payload.put("nbf", NOW.plusSeconds(60).getEpochSecond());

            assertThat(codec.decode(signed(payload), NOW)).isInstanceOf(Decoded.Invalid.class);
            assertThat(codec.decode(signed(payload), NOW.plusSeconds(60))).isInstanceOf(Decoded.Valid.class);
        }
    }

    @Nested
    class Forgery {

        @Test
        void refusesATamperedPayload() {
            String token = codec.encode(claims(TokenType.ACCESS));
            String[] parts = token.split("\\.");
            String forgedPayload = base64Url(json(parts[1]).replace("\"user_id\":1,", "\"user_id\":2,"));
            assertThat(json(forgedPayload)).contains("\"user_id\":2,");

            Decoded decoded = codec.decode(parts[0] + "." + forgedPayload + "." + parts[2], NOW);

            assertThat(decoded).isEqualTo(new Decoded.Invalid("bad signature"));
        }

        @Test
        void refusesATokenTurnedFromAccessToRefresh() {
            String token = codec.encode(claims(TokenType.ACCESS));
            String[] parts = token.split("\\.");
            String forgedPayload = base64Url(json(parts[1]).replace("\"access\"", "\"refresh\""));

            assertThat(codec.decode(parts[0] + "." + forgedPayload + "." + parts[2], NOW))
                    .isEqualTo(new Decoded.Invalid("bad signature"));
        }

        @Test
        void refusesATamperedSignature() {
            String token = codec.encode(claims(TokenType.ACCESS));
            char last = token.charAt(token.length() - 2);
            String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                    + token.charAt(token.length() - 1);

            assertThat(codec.decode(forged, NOW)).isEqualTo(new Decoded.Invalid("bad signature"));
        }

        @Test
        void refusesATokenSignedWithAnotherSecret() {
            JwtTokenCodec other = new JwtTokenCodec(JwtSettings.hmac("HS256", JwtTokenCodec.generateSecret()));

            assertThat(codec.decode(other.encode(claims(TokenType.ACCESS)), NOW))
                    .isEqualTo(new Decoded.Invalid("bad signature"));
        }

        @Test
        void refusesAnUnsignedTokenWithAlgNone() {
            String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
            String payload = base64Url("{\"token_type\":\"access\",\"exp\":" + EXPIRY.getEpochSecond() + ",\"iat\":"
                    + NOW.getEpochSecond() + ",\"jti\":\"abc\",\"user_id\":1,\"sid\":\"s\"}");

            assertThat(codec.decode(header + "." + payload + ".", NOW))
                    .isEqualTo(new Decoded.Invalid("algorithm not allowed"));
        }

        @Test
        void refusesAlgNoneEvenWithTheOriginalSignatureKept() {
            String[] parts = codec.encode(claims(TokenType.ACCESS)).split("\\.");
            String none = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");

            assertThat(codec.decode(none + "." + parts[1] + "." + parts[2], NOW))
                    .isEqualTo(new Decoded.Invalid("algorithm not allowed"));
        }

        @Test
        void refusesAnotherHmacAlgorithmSignedWithTheSameSecret() {
            String hs512 = JWT.create().withPayload(validPayload()).sign(Algorithm.HMAC512(SECRET));

            assertThat(codec.decode(hs512, NOW)).isEqualTo(new Decoded.Invalid("algorithm not allowed"));
        }

        @Test
        void refusesAnHs256TokenWhenConfiguredForHs512() {
            JwtTokenCodec hs512 = new JwtTokenCodec(JwtSettings.hmac("HS512", JwtTokenCodec.generateSecret()));

            assertThat(hs512.decode(codec.encode(claims(TokenType.ACCESS)), NOW))
                    .isEqualTo(new Decoded.Invalid("algorithm not allowed"));
        }

        @Test
        void refusesAnAsymmetricAlgorithmHeader() {
            String[] parts = codec.encode(claims(TokenType.ACCESS)).split("\\.");
            String rs256 = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");

            assertThat(codec.decode(rs256 + "." + parts[1] + "." + parts[2], NOW))
                    .isEqualTo(new Decoded.Invalid("algorithm not allowed"));
        }
    }

    @Nested
    class Garbage {

        static Stream<String> garbage() {
            return Stream.of(
                    "", " ", "\n", "abc", ".", "..", "...", "a.b", "a.b.c", "a.b.c.d",
                    "eyJ.eyJ.sig", "eyJhbGciOiJIUzI1NiJ9..", "!!!.???.***",
                    base64Url("not json") + "." + base64Url("{}") + ".c2ln",
                    base64Url("[]") + "." + base64Url("[]") + ".c2ln",
                    base64Url("{\"alg\":\"HS256\"}") + "." + base64Url("not json") + ".c2ln",
                    base64Url("{\"alg\":\"HS256\"}") + "." + base64Url("{\"user_id\":") + ".c2ln",
                    base64Url("{\"alg\":42}") + "." + base64Url("{}") + ".c2ln",
                    "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2ln",
                    "\u0000\u0001\u0002",
                    "\uD83D\uDD11.\uD83D\uDD11.\uD83D\uDD11",
                    "a".repeat(JwtTokenCodec.MAX_TOKEN_LENGTH + 1),
                    "eyJ".repeat(5000) + "." + "eyJ".repeat(5000) + ".x");
        }

        @ParameterizedTest
        @MethodSource("garbage")
        void isInvalidWithoutThrowing(String token) {
            assertThatCode(() -> assertThat(codec.decode(token, NOW)).isInstanceOf(Decoded.Invalid.class))
                    .doesNotThrowAnyException();
        }

        @Test
        void nullIsInvalid() {
            assertThat(codec.decode(null, NOW)).isEqualTo(new Decoded.Invalid("empty token"));
        }

        @Test
        void aValidTokenWithTrailingTextIsInvalid() {
            String token = codec.encode(claims(TokenType.ACCESS));

            assertThat(codec.decode(token + "x", NOW)).isInstanceOf(Decoded.Invalid.class);
            assertThat(codec.decode(token + ".x", NOW)).isInstanceOf(Decoded.Invalid.class);
            assertThat(codec.decode(" " + token, NOW)).isInstanceOf(Decoded.Invalid.class);
        }

        @Test
        void reasonsNeverEchoTheToken() {
            String token = base64Url("{\"alg\":\"HS256\",\"secret-looking\":1}") + ".x.y";

            assertThat(codec.decode(token, NOW)).isInstanceOfSatisfying(Decoded.Invalid.class,
                    invalid -> assertThat(invalid.reason()).doesNotContain("secret-looking").hasSizeLessThan(60));
        }
    }

    @Nested
    class Claims {

        @Test
        void theSignedFixtureIsValid() {
            assertThat(codec.decode(signed(validPayload()), NOW)).isEqualTo(new Decoded.Valid(new TokenClaims(
                    TokenType.ACCESS, new AccountId(7), new SessionId("session-7"),
                    "0123456789abcdef0123456789abcdef", NOW, EXPIRY)));
        }

        @Test
        void acceptsAUserIdBeyondTheIntRange() {
            Map<String, Object> payload = validPayload();
            payload.put("user_id", 5_000_000_000L);

            assertThat(codec.decode(signed(payload), NOW)).isInstanceOfSatisfying(Decoded.Valid.class,
                    valid -> assertThat(valid.claims().account()).isEqualTo(new AccountId(5_000_000_000L)));
        }

        @Test
        void theRawSignerMakesTokensTheCodecAccepts() {
            String token = signedJson("{\"token_type\":\"access\",\"exp\":" + EXPIRY.getEpochSecond() + ",\"iat\":"
                    + NOW.getEpochSecond() + ",\"jti\":\"j\",\"user_id\":9,\"sid\":\"s\"}");

            assertThat(codec.decode(token, NOW)).isInstanceOf(Decoded.Valid.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "\"user_id\":99999999999999999999999",
            "\"user_id\":1e3",
            "\"user_id\":[1]",
            "\"user_id\":{\"id\":1}",
            "\"exp\":99999999999999999999999",
            "\"exp\":9223372036854775807",
            "\"iat\":-9223372036854775808"
        })
        void refusesOutlandishNumbers(String userIdAndOverrides) {
            String json = "{\"token_type\":\"access\",\"exp\":" + EXPIRY.getEpochSecond() + ",\"iat\":"
                    + NOW.getEpochSecond() + ",\"jti\":\"j\",\"sid\":\"s\"," + userIdAndOverrides
                    + (userIdAndOverrides.startsWith("\"user_id\"") ? "" : ",\"user_id\":1") + "}";

            assertThat(codec.decode(signedJson(json), NOW)).isInstanceOf(Decoded.Invalid.class);
        }

        static Stream<Map.Entry<String, Object>> badClaims() {
            return Stream.of(
                    Map.entry("token_type", "sliding"),
                    Map.entry("token_type", "ACCESS"),
                    Map.entry("token_type", 1),
                    Map.entry("user_id", "7"),
                    Map.entry("user_id", 0),
                    Map.entry("user_id", -5),
                    Map.entry("user_id", 7.5),
                    Map.entry("user_id", true),
                    Map.entry("exp", "1893456300"),
                    Map.entry("exp", 1.8934563E9),
                    Map.entry("iat", "now"),
                    Map.entry("jti", 12),
                    Map.entry("jti", ""),
                    Map.entry("jti", "x".repeat(256)),
                    Map.entry("sid", 12),
                    Map.entry("sid", ""),
                    Map.entry("sid", "s".repeat(65)));
        }

        @ParameterizedTest
        @MethodSource("badClaims")
        void refusesAnIllTypedClaim(Map.Entry<String, Object> claim) {
            Map<String, Object> payload = validPayload();
            payload.put(claim.getKey(), claim.getValue());

            assertThat(codec.decode(signed(payload), NOW)).isInstanceOf(Decoded.Invalid.class);
        }

        @ParameterizedTest
        @MethodSource("claimNames")
        void refusesAMissingClaim(String name) {
            Map<String, Object> payload = validPayload();
            payload.remove(name);

            assertThat(codec.decode(signed(payload), NOW)).isInstanceOfSatisfying(Decoded.Invalid.class,
                    invalid -> assertThat(invalid.reason()).contains(name));
        }

        static Stream<String> claimNames() {
            return validPayload().keySet().stream();
        }

        @Test
        void refusesANullClaim() {
            Map<String, Object> payload = validPayload();
            payload.put("user_id", null);

            assertThat(codec.decode(signed(payload), NOW)).isEqualTo(new Decoded.Invalid("missing or invalid user_id"));
        }
    }

    @Nested
    class IssuerAndAudience {

        final JwtTokenCodec scoped = new JwtTokenCodec(
                JwtSettings.hmac("HS256", SECRET).withIssuer("portcullis").withAudience("frontend"));

        @Test
        void writesAndRequiresThem() {
            TokenClaims claims = claims(TokenType.ACCESS);
            String token = scoped.encode(claims);

            assertThat(payloadOf(token)).contains("\"iss\":\"portcullis\"").contains("\"aud\":\"frontend\"");
            assertThat(scoped.decode(token, NOW)).isEqualTo(new Decoded.Valid(claims));
        }

        @Test
        void refusesATokenWithoutThem() {
            assertThat(scoped.decode(codec.encode(claims(TokenType.ACCESS)), NOW))
                    .isEqualTo(new Decoded.Invalid("missing claim iss"));
        }

        @Test
        void refusesAnotherIssuer() {
            JwtTokenCodec stranger = new JwtTokenCodec(
                    JwtSettings.hmac("HS256", SECRET).withIssuer("elsewhere").withAudience("frontend"));

            assertThat(scoped.decode(stranger.encode(claims(TokenType.ACCESS)), NOW))
                    .isEqualTo(new Decoded.Invalid("wrong claim iss"));
        }

        @Test
        void refusesAnotherAudience() {
            JwtTokenCodec stranger = new JwtTokenCodec(
                    JwtSettings.hmac("HS256", SECRET).withIssuer("portcullis").withAudience("mobile"));

            assertThat(scoped.decode(stranger.encode(claims(TokenType.ACCESS)), NOW))
                    .isEqualTo(new Decoded.Invalid("wrong claim aud"));
        }

        @Test
        void aCodecWithoutThemIgnoresThem() {
            TokenClaims claims = claims(TokenType.ACCESS);

            assertThat(codec.decode(scoped.encode(claims), NOW)).isEqualTo(new Decoded.Valid(claims));
        }
    }
}
