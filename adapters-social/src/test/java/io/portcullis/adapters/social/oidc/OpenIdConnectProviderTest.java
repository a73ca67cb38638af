package io.portcullis.adapters.social.oidc;

import static io.portcullis.adapters.social.SocialFixtures.CLIENT_ID;
import static io.portcullis.adapters.social.SocialFixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.portcullis.adapters.social.ProviderSettings;
import io.portcullis.adapters.social.SocialFixtures;
import io.portcullis.adapters.social.SocialFixtures.MovableClock;
import io.portcullis.adapters.social.SocialFixtures.Pkce;
import io.portcullis.adapters.social.SocialIdentityProviders;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ProviderUnavailableException;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.domain.account.EmailAddress;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real OpenID Connect provider in the test JVM: discovery, JWKS, authorize, token, userinfo. */
class OpenIdConnectProviderTest {

    private static final String ISSUER_ID = "default";
    private static final String REDIRECT_URI = "https://app.example.com/auth/callback";
    private static final String SUBJECT = "user-1";
    // The provider's first answers come from a cold JVM on a shared machine: allow them time.
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final MovableClock clock = new MovableClock();
    private String issuer;
    private IdentityProvider provider;

    @BeforeEach
    void start() {
        server.start();
        issuer = server.issuerUrl(ISSUER_ID).toString();
        provider = SocialIdentityProviders.create(
                ProviderSettings.openIdConnect("corp", URI.create(issuer), CLIENT_ID, CLIENT_SECRET)
                        .withTimeout(GENEROUS),
                clock);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void anAuthorizationCodeWithPkceGivesTheIdentityInTheIdToken() {
        Pkce pkce = Pkce.random();
        server.enqueueCallback(userCallback(Map.of("email", "ada@example.com", "email_verified", true,
                "name", "Ada Lovelace", "given_name", "Ada", "picture", "https://img.example.com/ada.png")));
        String code = authorize(Optional.of("nonce-1"), Optional.of(pkce));

        ExternalIdentity identity = provider.identify(new ProviderProof.AuthorizationCode(code,
                Optional.of(REDIRECT_URI), Optional.of(pkce.verifier()), Optional.of("nonce-1")));

        assertThat(identity.provider()).isEqualTo("corp");
        assertThat(identity.subject()).isEqualTo(SUBJECT);
        assertThat(identity.email()).contains(new EmailAddress("ada@example.com"));
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.details()).containsEntry("name", "Ada Lovelace").containsEntry("given_name", "Ada")
                .containsEntry("picture", "https://img.example.com/ada.png").doesNotContainKey("family_name");
    }

    @Test
    void aWrongPkceVerifierIsRefusedWithTheProvidersWordsAndAHint() {
        Pkce pkce = Pkce.random();
        String code = authorize(Optional.of("nonce-1"), Optional.of(pkce));
        String wrongVerifier = Pkce.random().verifier();

        assertThatThrownBy(() -> provider.identify(new ProviderProof.AuthorizationCode(code, Optional.of(REDIRECT_URI),
                Optional.of(wrongVerifier), Optional.of("nonce-1"))))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("corp refused the authorization code: invalid_grant")
                .hasMessageContaining("code_verifier")
                .message().doesNotContain(code).doesNotContain(wrongVerifier).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aCodeIsGoodOnce() {
        String code = authorize(Optional.empty(), Optional.empty());
        ProviderProof.AuthorizationCode proof = new ProviderProof.AuthorizationCode(code, Optional.of(REDIRECT_URI),
                Optional.empty(), Optional.empty());
        provider.identify(proof);

        assertThatThrownBy(() -> provider.identify(proof))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("already used or expired")
                .message().doesNotContain(code);
    }

    @Test
    void theNonceOfTheAuthorizationRequestMustComeBack() {
        String withNonce = authorize(Optional.of("nonce-1"), Optional.empty());
        assertThatThrownBy(() -> provider.identify(new ProviderProof.AuthorizationCode(withNonce,
                Optional.of(REDIRECT_URI), Optional.empty(), Optional.of("nonce-2"))))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("nonce does not match");

        String again = authorize(Optional.of("nonce-1"), Optional.empty());
        assertThatThrownBy(() -> provider.identify(new ProviderProof.AuthorizationCode(again,
                Optional.of(REDIRECT_URI), Optional.empty(), Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("carries a nonce but none was given");

        String withoutNonce = authorize(Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> provider.identify(new ProviderProof.AuthorizationCode(withoutNonce,
                Optional.of(REDIRECT_URI), Optional.empty(), Optional.of("nonce-1"))))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("a nonce was given but it carries none");
    }

    @Test
    void anIdTokenSignedByTheProviderIsAccepted() {
        String idToken = signedByProvider(claims(Map.of("nonce", "n-1", "email", "bob@example.com",
                "email_verified", "true", "preferred_username", "bob")));

        ExternalIdentity identity = provider.identify(new ProviderProof.IdToken(idToken, Optional.of("n-1")));

        assertThat(identity.subject()).isEqualTo(SUBJECT);
        assertThat(identity.email()).contains(new EmailAddress("bob@example.com"));
        assertThat(identity.emailVerified()).as("email_verified as the string \"true\"").isTrue();
        assertThat(identity.details()).containsEntry("preferred_username", "bob");
    }

    @Test
    void anUnverifiedOrMissingAddressIsNotVerified() {
        ExternalIdentity unverified = provider.identify(new ProviderProof.IdToken(
                signedByProvider(claims(Map.of("email", "eve@example.com", "email_verified", false))), Optional.empty()));
        ExternalIdentity silent = provider.identify(new ProviderProof.IdToken(
                signedByProvider(claims(Map.of("email", "eve@example.com"))), Optional.empty()));
        ExternalIdentity invalid = provider.identify(new ProviderProof.IdToken(
                signedByProvider(claims(Map.of("email", "not an address", "email_verified", true))), Optional.empty()));

        assertThat(unverified.emailVerified()).isFalse();
        assertThat(unverified.email()).isPresent();
        assertThat(silent.emailVerified()).isFalse();
        assertThat(invalid.email()).isEmpty();
        assertThat(invalid.emailVerified()).isFalse();
    }

    @Test
    void anIdTokenSignedByAnotherKeyIsRefused() throws JOSEException {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(ISSUER_ID).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ISSUER_ID).build(),
                claims(Map.of()));
        forged.sign(new RSASSASigner(impostor));

        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken(forged.serialize(), Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("corp ID token refused: its signature does not verify with corp's published keys");
    }

    @Test
    void anIdTokenSignedByAKeyTheProviderDoesNotPublishIsRefused() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
                claims(Map.of()));
        forged.sign(new RSASSASigner(stranger));

        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken(forged.serialize(), Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("signed with a key corp does not publish");
    }

    @Test
    void unsignedAndSymmetricallySignedIdTokensAreRefused() throws JOSEException {
        String unsigned = new PlainJWT(claims(Map.of())).serialize();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(Map.of()));
        hmac.sign(new MACSigner(secret));

        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken(unsigned, Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("not signed (alg none)");
        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken(hmac.serialize(), Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("'HS256', which is not accepted");
        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken("not.a-jwt", Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("not a well-formed JWT");
    }

    @Test
    void anExpiredIdTokenIsRefusedAfterTheAllowedSkew() {
        String idToken = signedByProvider(claims(Map.of()));

        clock.advance(Duration.ofMinutes(5).plus(IdTokenVerifier.CLOCK_SKEW).minusSeconds(5));
        assertThat(provider.identify(new ProviderProof.IdToken(idToken, Optional.empty())).subject()).isEqualTo(SUBJECT);

        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken(idToken, Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("it expired at");
    }

    @Test
    void anIdTokenFromTheFutureIsRefused() {
        String idToken = signedByProvider(claims(Map.of()));
        clock.advance(Duration.ofMinutes(-10));

        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken(idToken, Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("check the server's clock");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        Map<String, Object> otherClient = new HashMap<>(Map.of("aud", "another-client"));
        Map<String, Object> sharedWithoutAzp = new HashMap<>(Map.of("aud", List.of(CLIENT_ID, "another-client")));
        Map<String, Object> otherParty = new HashMap<>(Map.of("aud", List.of(CLIENT_ID, "another-client"),
                "azp", "another-client"));

        assertThatThrownBy(() -> identifyIdToken(otherClient))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("issued to another client");
        assertThatThrownBy(() -> identifyIdToken(sharedWithoutAzp))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("names no authorized party (azp)");
        assertThatThrownBy(() -> identifyIdToken(otherParty))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("authorized party (azp) is another client");
        assertThat(identifyIdToken(Map.of("aud", List.of(CLIENT_ID, "another-client"), "azp", CLIENT_ID)).subject())
                .isEqualTo(SUBJECT);
        assertThat(identifyIdToken(Map.of("aud", CLIENT_ID, "azp", "android-client")).subject())
                .as("a mobile app's token for this server").isEqualTo(SUBJECT);
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> identifyIdToken(Map.of("iss", "https://evil.example.com")))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("corp ID token refused: it was issued by 'https://evil.example.com', not by " + issuer);
    }

    @Test
    void anIdTokenWithoutSubjectIsRefused() {
        Map<String, Object> claims = new HashMap<>(claims(Map.of()).toJSONObject());
        claims.remove("sub");
        assertThatThrownBy(() -> provider.identify(new ProviderProof.IdToken(signedByProvider(JWTClaimsSet.parse(claims)),
                Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("no subject");
    }

    @Test
    void anAccessTokenIsTakenToTheUserinfoEndpoint() {
        String accessToken = server.issueToken(ISSUER_ID, SUBJECT, CLIENT_ID,
                Map.of("email", "ada@example.com", "email_verified", true, "family_name", "Lovelace")).serialize();

        ExternalIdentity identity = provider.identify(new ProviderProof.AccessToken(accessToken));

        assertThat(identity.subject()).isEqualTo(SUBJECT);
        assertThat(identity.email()).contains(new EmailAddress("ada@example.com"));
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.details()).containsEntry("family_name", "Lovelace");
    }

    @Test
    void anAccessTokenIssuedToAnotherClientIsRefusedBeforeAnyCall() {
        String accessToken = server.issueToken(ISSUER_ID, SUBJECT, "another-client", Map.of()).serialize();

        assertThatThrownBy(() -> provider.identify(new ProviderProof.AccessToken(accessToken)))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("corp access token refused: it was issued to another client, not to this one");
    }

    @Test
    void anAccessTokenTheProviderDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> provider.identify(new ProviderProof.AccessToken("opaque-token-value")))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("corp did not accept the access token (HTTP 401)")
                .message().doesNotContain("opaque-token-value");
    }

    @Test
    void aProviderThatIsDownIsUnavailableUntilItComesBack() {
        MockOAuth2Server later = new MockOAuth2Server();
        int port = SocialFixtures.closedPort();
        IdentityProvider early = SocialIdentityProviders.create(ProviderSettings.openIdConnect("corp",
                URI.create("http://localhost:" + port + "/" + ISSUER_ID), CLIENT_ID, CLIENT_SECRET).withTimeout(GENEROUS),
                clock);
        String idToken;
        try {
            assertThatThrownBy(() -> early.identify(new ProviderProof.AccessToken("opaque-token")))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("corp: discovery document: connection refused");

            later.start(port);
            idToken = later.getConfig().getTokenProvider().jwt(Map.of("iss", later.issuerUrl(ISSUER_ID).toString(),
                    "aud", CLIENT_ID, "sub", SUBJECT), Duration.ofMinutes(5), ISSUER_ID).serialize();
            assertThat(early.identify(new ProviderProof.IdToken(idToken, Optional.empty())).subject())
                    .as("a failed discovery is not remembered").isEqualTo(SUBJECT);
        } finally {
            later.shutdown();
        }
    }

    private ExternalIdentity identifyIdToken(Map<String, Object> overrides) {
        return provider.identify(new ProviderProof.IdToken(signedByProvider(claims(overrides)), Optional.empty()));
    }

    /** Claims of a good ID token for this client, with some replaced or added. */
    private JWTClaimsSet claims(Map<String, Object> overrides) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", CLIENT_ID);
        claims.put("sub", SUBJECT);
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
        claims.putAll(overrides);
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        return builder.build();
    }

    private String signedByProvider(JWTClaimsSet claims) {
        Map<String, Object> values = new LinkedHashMap<>(claims.getClaims());
        return server.getConfig().getTokenProvider().jwt(values, Duration.ofMinutes(5), ISSUER_ID).serialize();
    }

    private DefaultOAuth2TokenCallback userCallback(Map<String, Object> claims) {
        return new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT", List.of(CLIENT_ID), claims, 300);
    }

    /** Goes through the provider's authorize endpoint as a browser would and takes the code from the redirect. */
    private String authorize(Optional<String> nonce, Optional<Pkce> pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", CLIENT_ID);
        query.put("redirect_uri", REDIRECT_URI);
        query.put("scope", "openid email profile");
        query.put("state", "state-1");
        nonce.ifPresent(value -> query.put("nonce", value));
        pkce.ifPresent(value -> {
            query.put("code_challenge", value.challenge());
            query.put("code_challenge_method", "S256");
        });
        String encoded = query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI authorize = URI.create(server.authorizationEndpointUrl(ISSUER_ID) + "?" + encoded);
        try (HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(authorize).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT_URI);
            return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                    .filter(parameter -> parameter.startsWith("code="))
                    .map(parameter -> URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
