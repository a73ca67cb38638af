package io.portcullis.adapters.social;

import static io.portcullis.adapters.social.SocialFixtures.CLIENT_ID;
import static io.portcullis.adapters.social.SocialFixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.social.http.ClientCredentials;
import io.portcullis.application.port.IdentityProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    @Test
    void googleIsAnOpenIdConnectIssuer() {
        ProviderSettings google = ProviderSettings.google(CLIENT_ID, CLIENT_SECRET);

        assertThat(google.id()).isEqualTo("google");
        assertThat(google.protocol()).isEqualTo(ProviderProtocol.OPENID_CONNECT);
        assertThat(google.baseUri()).isEqualTo(URI.create("https://accounts.google.com"));
        assertThat(google.apiUri()).isEmpty();
        assertThat(google.scopes()).containsExactly("openid", "email", "profile");
        assertThat(google.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void microsoftNamesItsTenantInTheIssuer() {
        assertThat(ProviderSettings.microsoft("common", CLIENT_ID, CLIENT_SECRET).baseUri())
                .isEqualTo(URI.create("https://login.microsoftonline.com/common/v2.0"));
        assertThat(ProviderSettings.microsoft("contoso.onmicrosoft.com", CLIENT_ID, CLIENT_SECRET).baseUri())
                .isEqualTo(URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"));
        assertThatThrownBy(() -> ProviderSettings.microsoft("common/../x", CLIENT_ID, CLIENT_SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    }

    @Test
    void githubHasAWebAndAnApiBase() {
        ProviderSettings github = ProviderSettings.github(CLIENT_ID, CLIENT_SECRET);

        assertThat(github.protocol()).isEqualTo(ProviderProtocol.GITHUB);
        assertThat(github.baseUri()).isEqualTo(URI.create("https://github.com"));
        assertThat(github.apiUri()).contains(URI.create("https://api.github.com"));
        assertThat(github.scopes()).containsExactly("read:user", "user:email");
    }

    @Test
    void anyIssuerTakesItsOwnId() {
        ProviderSettings keycloak = ProviderSettings.openIdConnect("keycloak",
                URI.create("https://sso.example.com/realms/main"), CLIENT_ID, CLIENT_SECRET);

        assertThat(keycloak.id()).isEqualTo("keycloak");
        assertThat(keycloak.protocol()).isEqualTo(ProviderProtocol.OPENID_CONNECT);
    }

    @Test
    void theSecretIsNeverPrinted() {
        for (ProviderSettings settings : List.of(ProviderSettings.google(CLIENT_ID, CLIENT_SECRET),
                ProviderSettings.github(CLIENT_ID, CLIENT_SECRET),
                ProviderSettings.microsoft("common", CLIENT_ID, CLIENT_SECRET))) {
            assertThat(settings.toString()).doesNotContain(CLIENT_SECRET).contains("[hidden]").contains(CLIENT_ID);
        }
        assertThat(ProviderSettings.google(CLIENT_ID, "").toString()).contains("clientSecret=none");
        assertThat(new ClientCredentials(CLIENT_ID, CLIENT_SECRET).toString()).doesNotContain(CLIENT_SECRET)
                .contains("[hidden]");
    }

    @Test
    void tokensTravelOverHttpsOnlyExceptOnThisMachine() {
        assertThatThrownBy(() -> ProviderSettings.openIdConnect("corp", URI.create("http://sso.example.com"), CLIENT_ID,
                CLIENT_SECRET)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThat(ProviderSettings.openIdConnect("local", URI.create("http://localhost:8080/realms/x"), CLIENT_ID,
                CLIENT_SECRET).baseUri().getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> ProviderSettings.openIdConnect("corp", URI.create("sso.example.com"), CLIENT_ID,
                CLIENT_SECRET)).hasMessageContaining("absolute");
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        URI issuer = URI.create("https://sso.example.com");
        assertThatThrownBy(() -> ProviderSettings.openIdConnect("Bad Id", issuer, CLIENT_ID, CLIENT_SECRET))
                .hasMessageContaining("provider id");
        assertThatThrownBy(() -> ProviderSettings.openIdConnect("corp", issuer, " ", CLIENT_SECRET))
                .hasMessageContaining("client id");
        assertThatThrownBy(() -> new ProviderSettings("gh", ProviderProtocol.GITHUB, issuer, Optional.empty(),
                CLIENT_ID, CLIENT_SECRET, List.of(), Duration.ofSeconds(1))).hasMessageContaining("API URI");
        assertThatThrownBy(() -> new ProviderSettings("corp", ProviderProtocol.OPENID_CONNECT, issuer,
                Optional.of(issuer), CLIENT_ID, CLIENT_SECRET, List.of(), Duration.ofSeconds(1)))
                .hasMessageContaining("no API URI");
        assertThatThrownBy(() -> ProviderSettings.google(CLIENT_ID, CLIENT_SECRET).withTimeout(Duration.ZERO))
                .hasMessageContaining("timeout");
    }

    @Test
    void eachProtocolGetsItsClient() {
        IdentityProvider google = SocialIdentityProviders.create(ProviderSettings.google(CLIENT_ID, CLIENT_SECRET),
                Clock.systemUTC());
        IdentityProvider github = SocialIdentityProviders.create(ProviderSettings.github(CLIENT_ID, CLIENT_SECRET),
                Clock.systemUTC());

        assertThat(google.id()).isEqualTo("google");
        assertThat(google.getClass().getSimpleName()).isEqualTo("OpenIdConnectProvider");
        assertThat(github.id()).isEqualTo("github");
        assertThat(github.getClass().getSimpleName()).isEqualTo("GitHubProvider");
    }
}
