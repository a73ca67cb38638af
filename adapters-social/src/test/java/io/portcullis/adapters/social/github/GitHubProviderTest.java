package io.portcullis.adapters.social.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.portcullis.adapters.social.ProviderProtocol;
import io.portcullis.adapters.social.ProviderSettings;
import io.portcullis.adapters.social.SocialFixtures;
import io.portcullis.adapters.social.SocialIdentityProviders;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ProviderUnavailableException;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.domain.account.EmailAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub's OAuth endpoints and REST API, played by WireMock as GitHub documents them. */
class GitHubProviderTest {

    private static final String CODE = "gh-code-that-must-stay-private";
    private static final String VERIFIER = "gh-verifier-that-must-stay-private-0123456789abcdef";
    private static final String ACCESS_TOKEN = "gho_token-that-must-stay-private";
    private static final String USER = "{\"login\":\"octocat\",\"id\":583231,\"name\":\"The Octocat\","
            + "\"email\":\"octocat@github.com\",\"avatar_url\":\"https://avatars.githubusercontent.com/u/583231\","
            + "\"html_url\":\"https://github.com/octocat\"}";

    private final WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private IdentityProvider github;

    @BeforeEach
    void start() {
        wireMock.start();
        github = provider(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void aCodeIsExchangedAndThePrimaryVerifiedAddressCounts() {
        grantToken();
        wireMock.stubFor(get("/api/user").withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(okJson(USER)));
        wireMock.stubFor(get("/api/user/emails").withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(okJson("[{\"email\":\"octocat@github.com\",\"primary\":false,\"verified\":true},"
                        + "{\"email\":\"mona@example.com\",\"primary\":true,\"verified\":true}]")));

        ExternalIdentity identity = github.identify(new ProviderProof.AuthorizationCode(CODE,
                Optional.of("https://app.example.com/cb"), Optional.of(VERIFIER), Optional.empty()));

        assertThat(identity.provider()).isEqualTo("github");
        assertThat(identity.subject()).isEqualTo("583231");
        assertThat(identity.email()).contains(new EmailAddress("mona@example.com"));
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.details()).containsEntry("preferred_username", "octocat")
                .containsEntry("name", "The Octocat")
                .containsEntry("picture", "https://avatars.githubusercontent.com/u/583231")
                .containsEntry("profile", "https://github.com/octocat");
        wireMock.verify(postRequestedFor(urlEqualTo("/login/oauth/access_token"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .withRequestBody(containing("code=" + CODE))
                .withRequestBody(containing("code_verifier=" + VERIFIER))
                .withRequestBody(containing("redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb")));
    }

    @Test
    void withoutAVerifiedPrimaryAddressThePublicOneIsKeptUnverified() {
        grantToken();
        wireMock.stubFor(get("/api/user").willReturn(okJson(USER)));
        wireMock.stubFor(get("/api/user/emails").willReturn(okJson(
                "[{\"email\":\"octocat@github.com\",\"primary\":true,\"verified\":false}]")));

        ExternalIdentity identity = github.identify(codeProof());

        assertThat(identity.email()).contains(new EmailAddress("octocat@github.com"));
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void theAddressListMissingForLackOfScopeLeavesThePublicAddressUnverified() {
        grantToken();
        wireMock.stubFor(get("/api/user").willReturn(okJson(USER)));
        wireMock.stubFor(get("/api/user/emails").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));

        ExternalIdentity identity = github.identify(codeProof());

        assertThat(identity.email()).contains(new EmailAddress("octocat@github.com"));
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void aUserWithoutAnyAddressIsStillIdentified() {
        grantToken();
        wireMock.stubFor(get("/api/user").willReturn(okJson("{\"login\":\"ghost\",\"id\":10137,\"email\":null}")));
        wireMock.stubFor(get("/api/user/emails").willReturn(okJson("[]")));

        ExternalIdentity identity = github.identify(codeProof());

        assertThat(identity.subject()).isEqualTo("10137");
        assertThat(identity.email()).isEmpty();
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void aBadCodeIsRefusedThoughGitHubAnswers200() {
        wireMock.stubFor(post("/login/oauth/access_token").willReturn(okJson("{\"error\":\"bad_verification_code\","
                + "\"error_description\":\"The code passed is incorrect or expired.\","
                + "\"error_uri\":\"https://docs.github.com/apps/troubleshooting\"}")));

        assertThatThrownBy(() -> github.identify(codeProof()))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageStartingWith("github refused the authorization code: bad_verification_code (The code passed"
                        + " is incorrect or expired.). The code is unknown, already used or expired")
                .message().doesNotContain(CODE).doesNotContain(VERIFIER).doesNotContain(CLIENT_SECRET);
        wireMock.verify(0, getRequestedFor(urlEqualTo("/api/user")));
    }

    @Test
    void aRedirectMismatchSaysWhatToFix() {
        wireMock.stubFor(post("/login/oauth/access_token").willReturn(okJson("{\"error\":\"redirect_uri_mismatch\","
                + "\"error_description\":\"The redirect_uri MUST match the registered callback URL for this"
                + " application.\"}")));

        assertThatThrownBy(() -> github.identify(codeProof()))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("redirect_uri_mismatch")
                .hasMessageContaining("must be exactly the one used in the authorization request");
    }

    @Test
    void anAccessTokenIsFirstCheckedToBelongToThisApplication() {
        wireMock.stubFor(post("/api/applications/" + CLIENT_ID + "/token")
                .withHeader("Authorization", equalTo("Basic " + basic()))
                .withRequestBody(equalToJson("{\"access_token\":\"" + ACCESS_TOKEN + "\"}"))
                .willReturn(okJson("{\"id\":1,\"app\":{\"client_id\":\"" + CLIENT_ID + "\"}}")));
        wireMock.stubFor(get("/api/user").willReturn(okJson(USER)));
        wireMock.stubFor(get("/api/user/emails").willReturn(okJson(
                "[{\"email\":\"octocat@github.com\",\"primary\":true,\"verified\":true}]")));

        ExternalIdentity identity = github.identify(new ProviderProof.AccessToken(ACCESS_TOKEN));

        assertThat(identity.subject()).isEqualTo("583231");
        assertThat(identity.emailVerified()).isTrue();
    }

    @Test
    void anAccessTokenOfAnotherApplicationIsRefused() {
        wireMock.stubFor(post("/api/applications/" + CLIENT_ID + "/token").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));

        assertThatThrownBy(() -> github.identify(new ProviderProof.AccessToken(ACCESS_TOKEN)))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessageContaining("issued to another application")
                .message().doesNotContain(ACCESS_TOKEN);
        wireMock.verify(0, getRequestedFor(urlEqualTo("/api/user")));
    }

    @Test
    void aRevokedAccessTokenIsRefused() {
        grantToken();
        wireMock.stubFor(get("/api/user").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Bad credentials\"}")));

        assertThatThrownBy(() -> github.identify(codeProof()))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("github did not accept the access token: it is expired, revoked or was never valid");
    }

    @Test
    void anAccessTokenThatCannotBeOneIsRefusedWithoutAnyCall() {
        assertThatThrownBy(() -> github.identify(new ProviderProof.AccessToken("gho_abc\nHost: evil")))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("github access token refused: it is not a well-formed token");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anIdTokenIsRefusedWithoutAnyCall() {
        assertThatThrownBy(() -> github.identify(new ProviderProof.IdToken("a.b.c", Optional.empty())))
                .isInstanceOf(IdentityRejectedException.class)
                .hasMessage("github issues no ID tokens: send an authorization code or an access token");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void nonsenseFromGitHubIsUnavailable() {
        wireMock.stubFor(post("/login/oauth/access_token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody("access_token=" + ACCESS_TOKEN + "&token_type=bearer")));
        assertThatThrownBy(() -> github.identify(codeProof()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("github: token endpoint: answered HTTP 200 with something that is not a JSON object"
                        + " (application/x-www-form-urlencoded)");

        grantToken();
        wireMock.stubFor(get("/api/user").willReturn(okJson("{\"login\":\"octocat\"}")));
        assertThatThrownBy(() -> github.identify(codeProof()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("github: /user: answered HTTP 200 with something that is not a user with a"
                        + " numeric id");

        wireMock.stubFor(get("/api/user").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> github.identify(codeProof()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("github: /user: unexpected answer HTTP 503");
    }

    @Test
    void aGitHubThatHangsIsUnavailableAfterTheTimeout() {
        wireMock.stubFor(post("/login/oauth/access_token").willReturn(okJson("{}").withFixedDelay(3_000)));
        IdentityProvider slow = provider(Duration.ofMillis(300));

        assertThatThrownBy(() -> slow.identify(codeProof()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("github: token endpoint: no answer within 300 ms");
    }

    @Test
    void aGitHubThatIsDownIsUnavailable() {
        URI closed = URI.create("http://127.0.0.1:" + SocialFixtures.closedPort());
        IdentityProvider down = SocialIdentityProviders.create(new ProviderSettings("github", ProviderProtocol.GITHUB,
                closed, Optional.of(closed), CLIENT_ID, CLIENT_SECRET, List.of(), Duration.ofSeconds(5)),
                Clock.systemUTC());

        assertThatThrownBy(() -> down.identify(new ProviderProof.AccessToken(ACCESS_TOKEN)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("github: token check: connection refused or unreachable");
    }

    @Test
    void withoutASecretNoneIsSent() {
        IdentityProvider publicClient = SocialIdentityProviders.create(new ProviderSettings("github",
                ProviderProtocol.GITHUB, URI.create(wireMock.baseUrl()), Optional.of(URI.create(wireMock.baseUrl() + "/api")),
                CLIENT_ID, "", List.of(), Duration.ofSeconds(30)), Clock.systemUTC());
        grantToken();
        wireMock.stubFor(get("/api/user").willReturn(okJson(USER)));
        wireMock.stubFor(get("/api/user/emails").willReturn(okJson("[]")));

        publicClient.identify(codeProof());

        wireMock.verify(postRequestedFor(urlEqualTo("/login/oauth/access_token"))
                .withRequestBody(notContaining("client_secret")));
    }

    private IdentityProvider provider(Duration timeout) {
        return SocialIdentityProviders.create(new ProviderSettings("github", ProviderProtocol.GITHUB,
                URI.create(wireMock.baseUrl()), Optional.of(URI.create(wireMock.baseUrl() + "/api/")), CLIENT_ID,
                CLIENT_SECRET, ProviderSettings.GITHUB_SCOPES, timeout), Clock.systemUTC());
    }

    private void grantToken() {
        wireMock.stubFor(post("/login/oauth/access_token").willReturn(okJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}")));
    }

    private static ProviderProof.AuthorizationCode codeProof() {
        return new ProviderProof.AuthorizationCode(CODE, Optional.empty(), Optional.of(VERIFIER), Optional.empty());
    }

    private static String basic() {
        return Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }
}
