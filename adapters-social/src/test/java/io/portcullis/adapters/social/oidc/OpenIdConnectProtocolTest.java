package io.portcullis.adapters.social.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.portcullis.adapters.social.SocialFixtures.CLIENT_ID;
import static io.portcullis.adapters.social.SocialFixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.portcullis.adapters.social.ProviderSettings;
import io.portcullis.adapters.social.SocialFixtures;
import io.portcullis.adapters.social.SocialFixtures.MovableClock;
import io.portcullis.adapters.social.SocialIdentityProviders;
import io.portcullis.adapters.social.http.ProviderHttp;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ProviderUnavailableException;
import io.portcullis.application.port.ProviderProof;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol edges a real provider rarely shows on demand, played by WireMock with keys the test
 * holds: key rotation, Microsoft's tenant template, client authentication choices, token endpoint
 * errors, and providers that are down, slow or answer nonsense.
 */
class OpenIdConnectProtocolTest {

    private static final String CODE = "code-that-must-stay-private";
    private static final String VERIFIER = "verifier-that-must-stay-private-0123456789abcdef";

    private final WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static RSAKey firstKey;
    private final MovableClock clock = new MovableClock();
    private String base;

    @BeforeAll
    static void makeKeys() throws JOSEException {
        firstKey = new RSAKeyGenerator(2048).keyID("first").generate();
    }

    @BeforeEach
    void start() {
        wireMock.start();
        base = "http://localhost:" + wireMock.port();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() throws JOSEException {
        publishDiscovery("", base, List.of("client_secret_basic"));
        publishKeys(firstKey);
        IdentityProvider provider = provider("");
        assertThat(provider.identify(idToken(firstKey, base, Map.of())).subject()).isEqualTo("user-1");

        ECKey rotated = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
        publishKeys(firstKey, rotated);
        clock.advance(SigningKeys.REFETCH_INTERVAL);

        assertThat(provider.identify(idToken(rotated, base, Map.of())).subject()).isEqualTo("user-1");
        wireMock.verify(2, getRequestedFor(urlEqualTo("/jwks")));
    }

    @Test
    void unknownKeyIdsCannotMakeItFetchTheKeysOverAndOver() throws JOSEException {
        publishDiscovery("", base, List.of("client_secret_basic"));
        publishKeys(firstKey);
        IdentityProvider provider = provider("");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> provider.identify(idToken(stranger, base, Map.of())))
                    .isInstanceOf(IdentityRejectedException.class)
                    .hasMessageContaining("does not publish");
        }
        wireMock.verify(1, getRequestedFor(urlEqualTo("/jwks")));

        clock.advance(SigningKeys.REFETCH_INTERVAL);
        assertThatThrownBy(() -> provider.identify(idToken(stranger, base, Map.of())))
                .isInstanceOf(IdentityRejectedException.class);
        wireMock.verify(2, getRequestedFor(urlEqualTo("/jwks")));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/.well-known/openid-configuration")));
    }

    @Test
    void anAnswerThatGrowsPastAMegabyteIsCutOff() {
        String huge = "{\"issuer\":\"" + "x".repeat(ProviderHttp.MAX_ANSWER_BYTES) + "\"}";
        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("Transfer-Encoding", "chunked")
                .withBody(huge)));
        IdentityProvider provider = provider("");

        assertThatThrownBy(() -> provider.identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: discovery document: an answer larger than 1024 KiB");
    }

    @Test
    void aFailedDiscoveryIsTriedAgainOnTheNextRequest() {
        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(aResponse().withStatus(503)));
        publishKeys(firstKey);
        IdentityProvider provider = provider("");

        assertThatThrownBy(() -> provider.identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: discovery document: unexpected answer HTTP 503");

        publishDiscovery("", base, List.of("client_secret_basic"));
        assertThat(provider.identify(idToken(firstKey, base, Map.of())).subject()).isEqualTo("user-1");
    }

    @Test
    void documentAndKeysAreFetchedAgainDailyAndKeptWhileThatFails() {
        publishDiscovery("", base, List.of("client_secret_basic"));
        publishKeys(firstKey);
        IdentityProvider provider = provider("");
        provider.identify(idToken(firstKey, base, Map.of()));

        clock.advance(Discovery.KEPT_FOR);
        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(get("/jwks").willReturn(aResponse().withStatus(500)));

        assertThat(provider.identify(idToken(firstKey, base, Map.of())).subject()).isEqualTo("user-1");
        assertThat(provider.identify(idToken(firstKey, base, Map.of())).subject()).isEqualTo("user-1");
        wireMock.verify(2, getRequestedFor(urlEqualTo("/.well-known/openid-configuration")));
        wireMock.verify(2, getRequestedFor(urlEqualTo("/jwks")));

        clock.advance(Discovery.RETRY_AFTER);
        provider.identify(idToken(firstKey, base, Map.of()));
        wireMock.verify(3, getRequestedFor(urlEqualTo("/.well-known/openid-configuration")));
        wireMock.verify(3, getRequestedFor(urlEqualTo("/jwks")));
    }

    @Test
    void aDiscoveryDocumentForAnotherIssuerIsNotTrusted() {
        publishDiscovery("", "https://evil.example.com", List.of("client_secret_basic"));
        publishKeys(firstKey);

        assertThatThrownBy(() -> provider("").identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("names the issuer https://evil.example.com, not the configured " + base);
    }

    @Test
    void microsoftsTenantTemplateIsFilledWithTheTokensTenant() {
        String template = base + "/{tenantid}/v2.0";
        publishDiscovery("/common/v2.0", template, List.of("client_secret_post"));
        publishKeys(firstKey);
        IdentityProvider provider = provider("/common/v2.0");
        String tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";

        assertThat(provider.identify(idToken(firstKey, base + "/" + tenant + "/v2.0", Map.of("tid", tenant))).subject())
                .isEqualTo("user-1");
        assertThatThrownBy(() -> provider.identify(
                idToken(firstKey, base + "/" + tenant + "/v2.0", Map.of("tid", "another-tenant"))))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("not by " + template);
        assertThatThrownBy(() -> provider.identify(idToken(firstKey, template, Map.of())))
                .isInstanceOf(IdentityRejectedException.class);
    }

    @Test
    void theClientAuthenticatesAsTheDiscoveryDocumentAllows() {
        publishDiscovery("", base, List.of("client_secret_post"));
        publishKeys(firstKey);
        wireMock.stubFor(post("/token").willReturn(okJson(tokenResponse(firstKey))));

        provider("").identify(new ProviderProof.AuthorizationCode(CODE, Optional.of("https://app.example.com/cb"),
                Optional.of(VERIFIER), Optional.empty()));

        wireMock.verify(postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + CODE))
                .withRequestBody(containing("redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb"))
                .withRequestBody(containing("code_verifier=" + VERIFIER))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .withoutHeader("Authorization"));
    }

    @Test
    void basicAuthenticationIsTheDefault() {
        publishDiscovery("", base, List.of());
        publishKeys(firstKey);
        wireMock.stubFor(post("/token").willReturn(okJson(tokenResponse(firstKey))));

        provider("").identify(new ProviderProof.AuthorizationCode(CODE, Optional.empty(), Optional.empty(),
                Optional.empty()));

        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        wireMock.verify(postRequestedFor(urlEqualTo("/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(notContaining("client_secret"))
                .withRequestBody(notContaining("redirect_uri")));
    }

    @Test
    void tokenEndpointRefusalsSayWhatTheProviderSaidAndGiveAHint() {
        publishDiscovery("", base, List.of("client_secret_basic"));
        publishKeys(firstKey);
        ProviderProof.AuthorizationCode proof = new ProviderProof.AuthorizationCode(CODE,
                Optional.of("https://app.example.com/cb"), Optional.of(VERIFIER), Optional.empty());
        IdentityProvider provider = provider("");

        refuseAtTokenEndpoint(400, "redirect_uri_mismatch", "Bad redirect URI");
        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("corp refused the authorization code: redirect_uri_mismatch (Bad redirect URI). The"
                        + " redirect_uri must be exactly the one used in the authorization request and registered"
                        + " with the provider");

        refuseAtTokenEndpoint(401, "invalid_client", "Unknown client");
        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("invalid_client (Unknown client)")
                .hasMessageContaining("client id or client secret");

        // A description that repeats what was sent is left out rather than shown.
        refuseAtTokenEndpoint(400, "invalid_grant", "Code " + CODE + " was already redeemed");
        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageStartingWith("corp refused the authorization code: invalid_grant. The code is unknown")
                .message().doesNotContain(CODE).doesNotContain(VERIFIER).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aTokenEndpointThatFailsOrAnswersNonsenseIsUnavailable() {
        publishDiscovery("", base, List.of("client_secret_basic"));
        publishKeys(firstKey);
        ProviderProof.AuthorizationCode proof = new ProviderProof.AuthorizationCode(CODE, Optional.empty(),
                Optional.empty(), Optional.empty());
        IdentityProvider provider = provider("");

        wireMock.stubFor(post("/token").willReturn(aResponse().withStatus(502).withBody("Bad gateway")));
        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: token endpoint: unexpected answer HTTP 502");

        wireMock.stubFor(post("/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html>Sign in</html>")));
        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: token endpoint: answered HTTP 200 with something that is not a JSON object (text/html)");

        wireMock.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"at\",\"token_type\":\"Bearer\"}")));
        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("is 'openid' among the scopes?");

        wireMock.stubFor(post("/token").willReturn(aResponse().withStatus(400).withBody("no")));
        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: token endpoint: unexpected answer HTTP 400");
    }

    @Test
    void aDiscoveryDocumentThatIsNotOneIsUnavailable() {
        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));
        assertThatThrownBy(() -> provider("").identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: discovery document: answered HTTP 200 with something that is not a JSON object"
                        + " (text/html)");

        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(okJson("{\"issuer\":\"" + base + "\"}")));
        assertThatThrownBy(() -> provider("").identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("a discovery document with a token_endpoint");

        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(okJson("{\"issuer\":\"" + base
                + "\",\"token_endpoint\":\"http://sso.example.com/token\",\"jwks_uri\":\"ftp://sso.example.com/jwks\"}")));
        assertThatThrownBy(() -> provider("").identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("a discovery document with an absolute https token_endpoint");

        publishDiscovery("", base, List.of("client_secret_basic"));
        wireMock.stubFor(get("/jwks").willReturn(okJson("{\"keys\": \"none\"}")));
        assertThatThrownBy(() -> provider("").identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("corp: JWK set: answered HTTP 200 with something that is not a JWK set");
    }

    @Test
    void aProviderThatHangsIsUnavailableAfterTheTimeout() {
        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(okJson("{}").withFixedDelay(3_000)));
        IdentityProvider provider = SocialIdentityProviders.create(ProviderSettings.openIdConnect("corp",
                URI.create(base), CLIENT_ID, CLIENT_SECRET).withTimeout(Duration.ofMillis(300)), clock);

        assertThatThrownBy(() -> provider.identify(idToken(firstKey, base, Map.of())))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: discovery document: no answer within 300 ms");
    }

    @Test
    void aProviderThatIsDownIsUnavailable() {
        IdentityProvider provider = SocialIdentityProviders.create(ProviderSettings.openIdConnect("corp",
                URI.create("http://127.0.0.1:" + SocialFixtures.closedPort()), CLIENT_ID, CLIENT_SECRET), clock);

        assertThatThrownBy(() -> provider.identify(new ProviderProof.AccessToken("some-access-token")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: discovery document: connection refused or unreachable")
                .satisfies(e -> assertThat(((ProviderUnavailableException) e).provider()).isEqualTo("corp"));
    }

    @Test
    void tokensThatCannotBeTokensAreRefusedWithoutAnyCall() {
        IdentityProvider provider = provider("");

        assertThatThrownBy(() -> provider.identify(new ProviderProof.AccessToken("abc\r\nX-Injected: yes")))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("corp access token refused: it is not a well-formed token");
        assertThatThrownBy(() -> provider.identify(new ProviderProof.AccessToken("x".repeat(20_000))))
                .isInstanceOf(IdentityRejectedException.class);
        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken("x".repeat(20_000), Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("corp ID token refused: it is too long to be one");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutAUserinfoEndpointAnAccessTokenCannotBeChecked() {
        wireMock.stubFor(get("/.well-known/openid-configuration").willReturn(okJson(
                "{\"issuer\":\"" + base + "\",\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base
                        + "/jwks\"}")));

        assertThatThrownBy(() -> provider("").identify(new ProviderProof.AccessToken("opaque")))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("has no userinfo endpoint");
    }

    @Test
    void userinfoFailuresAreUnavailableAndItsRefusalsRejected() {
        publishDiscovery("", base, List.of("client_secret_basic"));
        IdentityProvider provider = provider("");

        wireMock.stubFor(get("/userinfo").willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> provider.identify(new ProviderProof.AccessToken("opaque")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("corp: userinfo endpoint: unexpected answer HTTP 500");

        wireMock.stubFor(get("/userinfo").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        assertThatThrownBy(() -> provider.identify(new ProviderProof.AccessToken("opaque")))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("did not accept the access token");

        wireMock.stubFor(get("/userinfo").withHeader("Authorization", equalTo("Bearer opaque"))
                .willReturn(okJson("{\"sub\":\"248289761001\",\"email\":\"jane@example.com\",\"email_verified\":true}")));
        assertThat(provider.identify(new ProviderProof.AccessToken("opaque")).subject()).isEqualTo("248289761001");
    }

    private IdentityProvider provider(String issuerPath) {
        return SocialIdentityProviders.create(ProviderSettings.openIdConnect("corp", URI.create(base + issuerPath),
                CLIENT_ID, CLIENT_SECRET).withTimeout(Duration.ofSeconds(30)), clock);
    }

    private void publishDiscovery(String issuerPath, String issuer, List<String> authMethods) {
        String methods = authMethods.isEmpty() ? ""
                : ",\"token_endpoint_auth_methods_supported\":[\"" + String.join("\",\"", authMethods) + "\"]";
        wireMock.stubFor(get(issuerPath + "/.well-known/openid-configuration").willReturn(okJson(
                "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + base + "/authorize\","
                        + "\"token_endpoint\":\"" + base + "/token\",\"userinfo_endpoint\":\"" + base + "/userinfo\","
                        + "\"jwks_uri\":\"" + base + "/jwks\"" + methods + "}")));
    }

    private void publishKeys(JWK... keys) {
        wireMock.stubFor(get("/jwks").willReturn(okJson(new JWKSet(List.of(keys)).toPublicJWKSet().toString())));
    }

    private void refuseAtTokenEndpoint(int status, String error, String description) {
        wireMock.stubFor(post("/token").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")));
    }

    private String tokenResponse(JWK key) {
        return "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"id_token\":\"" + sign(key, base, Map.of()) + "\"}";
    }

    private ProviderProof.IdToken idToken(JWK key, String issuer, Map<String, Object> extra) {
        return new ProviderProof.IdToken(sign(key, issuer, extra), Optional.empty());
    }

    private String sign(JWK key, String issuer, Map<String, Object> extra) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(CLIENT_ID)
                .subject("user-1")
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))));
        extra.forEach(claims::claim);
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
