package io.portcullis.adapters.social;

import io.portcullis.adapters.social.github.GitHubProvider;
import io.portcullis.adapters.social.http.ClientCredentials;
import io.portcullis.adapters.social.http.ProviderHttp;
import io.portcullis.adapters.social.oidc.OpenIdConnectProvider;
import io.portcullis.application.port.IdentityProvider;
import java.time.Clock;
import java.util.Objects;

/** Builds the identity provider a configured provider needs. */
public final class SocialIdentityProviders {

    private SocialIdentityProviders() {
    }

    /**
     * Nothing is fetched here: an OpenID Connect provider reads its discovery document on first use,
     * so a provider that is down at start-up does not stop the service.
     *
     * @param clock the time ID tokens are checked against
     */
    public static IdentityProvider create(ProviderSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        ProviderHttp http = new ProviderHttp(settings.id(), settings.timeout());
        ClientCredentials client = new ClientCredentials(settings.clientId(), settings.clientSecret());
        return switch (settings.protocol()) {
            case OPENID_CONNECT -> new OpenIdConnectProvider(settings.id(), settings.baseUri(), client, http, clock);
            case GITHUB -> new GitHubProvider(settings.id(), settings.baseUri(), settings.apiUri().orElseThrow(), client,
                    http);
        };
    }
}
