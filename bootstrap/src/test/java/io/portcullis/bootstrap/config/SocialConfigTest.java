package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.bootstrap.config.PortcullisConfig.SocialProtocol;
import io.portcullis.bootstrap.config.PortcullisConfig.SocialProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** social.* and social.provider.<id>.*: allauth's SOCIALACCOUNT_PROVIDERS and friends. */
class SocialConfigTest {

    @Test
    void no_provider_and_allauths_defaults_unless_told() {
        PortcullisConfig.Social social = Loading.withSecret().load().social();

        assertThat(social.providers()).isEmpty();
        assertThat(social.settings().autoSignup()).isTrue();
        assertThat(social.settings().autoConnect()).isFalse();
    }

    @Test
    void google_microsoft_and_github_need_only_their_client() {
        PortcullisConfig.Social social = Loading.withSecret()
                .env("PORTCULLIS_SOCIAL_PROVIDERS", "google, microsoft,github")
                .env("PORTCULLIS_SOCIAL_PROVIDER_GOOGLE_CLIENT_ID", "g-client")
                .env("PORTCULLIS_SOCIAL_PROVIDER_GOOGLE_CLIENT_SECRET", "g-secret")
                .env("PORTCULLIS_SOCIAL_PROVIDER_MICROSOFT_CLIENT_ID", "m-client")
                .env("PORTCULLIS_SOCIAL_PROVIDER_MICROSOFT_TENANT", "contoso.onmicrosoft.com")
                .prop("portcullis.social.provider.github.client-id", "gh-client")
                .prop("portcullis.social.auto-connect", "true")
                .load().social();

        assertThat(social.settings().autoConnect()).isTrue();
        assertThat(social.providers()).extracting(SocialProvider::id).containsExactly("google", "microsoft", "github");
        SocialProvider google = social.providers().get(0);
        assertThat(google.protocol()).isEqualTo(SocialProtocol.OPENID_CONNECT);
        assertThat(google.issuer()).isEqualTo(URI.create("https://accounts.google.com"));
        assertThat(google.clientSecret().reveal()).isEqualTo("g-secret");
        assertThat(google.scopes()).containsExactly("openid", "email", "profile");
        assertThat(google.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(social.providers().get(1).issuer())
                .isEqualTo(URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"));
        assertThat(social.providers().get(1).clientSecret().isEmpty()).isTrue();
        SocialProvider github = social.providers().get(2);
        assertThat(github.protocol()).isEqualTo(SocialProtocol.GITHUB);
        assertThat(github.issuer()).isEqualTo(URI.create("https://github.com"));
        assertThat(github.apiUrl()).contains(URI.create("https://api.github.com"));
        assertThat(github.scopes()).containsExactly("read:user", "user:email");
    }

    @Test
    void any_openid_connect_issuer_and_a_github_enterprise_from_a_file(@TempDir Path dir) {
        Path file = Loading.write(dir, "portcullis.properties",
                "social.providers=corp,ghe",
                "social.provider.corp.issuer=https://login.example.com/realms/staff/",
                "social.provider.corp.client-id=portcullis",
                "social.provider.corp.client-secret=s3cr3t-corp",
                "social.provider.corp.scopes=openid,email",
                "social.provider.corp.timeout=3s",
                "social.provider.ghe.protocol=github",
                "social.provider.ghe.issuer=https://github.example.com",
                "social.provider.ghe.api-url=https://github.example.com/api/v3",
                "social.provider.ghe.client-id=ghe-client");

        PortcullisConfig config = Loading.withSecret().commandLine(file).load();

        SocialProvider corp = config.social().providers().get(0);
        assertThat(corp.issuer()).isEqualTo(URI.create("https://login.example.com/realms/staff"));
        assertThat(corp.scopes()).isEqualTo(List.of("openid", "email"));
        assertThat(corp.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(corp.apiUrl()).isEmpty();
        SocialProvider ghe = config.social().providers().get(1);
        assertThat(ghe.apiUrl()).isEqualTo(Optional.of(URI.create("https://github.example.com/api/v3")));
        assertThat(config.toString()).doesNotContain("s3cr3t-corp");
    }

    @Test
    void another_openid_connect_provider_needs_its_issuer_and_every_provider_its_client_id() {
        ConfigurationException failure = Loading.withSecret()
                .env("PORTCULLIS_SOCIAL_PROVIDERS", "corp").failure();

        assertThat(failure.problems()).extracting(p -> p.keys().getFirst())
                .containsExactlyInAnyOrder("social.provider.corp.issuer", "social.provider.corp.client-id");
        assertThat(failure.getMessage()).contains("needs the provider's issuer URL");
    }

    @Test
    void a_plain_http_issuer_elsewhere_than_this_machine_is_refused_and_the_secret_never_shown() {
        ConfigurationException failure = Loading.withSecret()
                .env("PORTCULLIS_SOCIAL_PROVIDERS", "corp")
                .env("PORTCULLIS_SOCIAL_PROVIDER_CORP_ISSUER", "http://login.example.com")
                .env("PORTCULLIS_SOCIAL_PROVIDER_CORP_CLIENT_ID", "c")
                .env("PORTCULLIS_SOCIAL_PROVIDER_CORP_CLIENT_SECRET", "very-secret-value")
                .env("PORTCULLIS_SOCIAL_PROVIDER_CORP_PROTOCOL", "saml")
                .failure();

        assertThat(failure.problems()).extracting(p -> p.keys().getFirst())
                .containsExactlyInAnyOrder("social.provider.corp.issuer", "social.provider.corp.protocol");
        assertThat(failure.getMessage()).contains("must be an https URL", "must be one of openid-connect, github")
                .doesNotContain("very-secret-value");
        assertThat(Loading.withSecret()
                .env("PORTCULLIS_SOCIAL_PROVIDERS", "corp")
                .env("PORTCULLIS_SOCIAL_PROVIDER_CORP_ISSUER", "http://localhost:8080/default")
                .env("PORTCULLIS_SOCIAL_PROVIDER_CORP_CLIENT_ID", "c")
                .load().social().providers()).hasSize(1);
    }

    @Test
    void keys_of_providers_not_listed_and_unknown_attributes_are_unknown_settings() {
        ConfigurationException failure = Loading.withSecret()
                .env("PORTCULLIS_SOCIAL_PROVIDERS", "github")
                .env("PORTCULLIS_SOCIAL_PROVIDER_GITHUB_CLIENT_ID", "c")
                .prop("portcullis.social.provider.gitlab.client-id", "x")
                .prop("portcullis.social.provider.github.client-key", "x")
                .failure();

        assertThat(failure.getMessage())
                .contains("social provider 'gitlab' is not listed in social.providers")
                .contains("a social provider has the attributes protocol, issuer, client-id");
    }

    @Test
    void ids_that_would_shadow_endpoints_or_are_not_path_segments_or_repeat_are_refused() {
        for (String ids : List.of("login", "password", "socialaccounts", "Google", "a/b", "github,github")) {
            ConfigurationException failure = Loading.withSecret().env("PORTCULLIS_SOCIAL_PROVIDERS", ids)
                    .env("PORTCULLIS_SOCIAL_PROVIDER_GITHUB_CLIENT_ID", "c").failure();
            assertThat(failure.problems()).as(ids).anySatisfy(p -> assertThat(p.keys()).contains("social.providers"));
        }
    }

    @Test
    void a_tenant_belongs_to_microsoft_and_an_api_url_to_github() {
        ConfigurationException failure = Loading.withSecret()
                .env("PORTCULLIS_SOCIAL_PROVIDERS", "google")
                .env("PORTCULLIS_SOCIAL_PROVIDER_GOOGLE_CLIENT_ID", "c")
                .env("PORTCULLIS_SOCIAL_PROVIDER_GOOGLE_TENANT", "common")
                .env("PORTCULLIS_SOCIAL_PROVIDER_GOOGLE_API_URL", "https://api.example.com")
                .failure();

        assertThat(failure.getMessage()).contains("only the provider microsoft has a tenant",
                "only a github provider has an API URL");
    }
}
