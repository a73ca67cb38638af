package io.portcullis.adapters.social;

import io.portcullis.adapters.social.http.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured social provider.
 *
 * @param id the provider's name in paths and settings, such as {@code google}
 * @param protocol how to talk to it
 * @param baseUri the OpenID Connect issuer, or GitHub's web base ({@code https://github.com})
 * @param apiUri GitHub's REST API base ({@code https://api.github.com}); empty for OpenID Connect
 * @param clientId the client id registered with the provider
 * @param clientSecret the client secret; empty for a public client that relies on PKCE alone
 * @param scopes the scopes a client should ask for; informative here, since the client builds the
 *     authorization request
 * @param timeout the connect timeout and the time allowed for each call to the provider
 */
public record ProviderSettings(String id, ProviderProtocol protocol, URI baseUri, Optional<URI> apiUri,
        String clientId, String clientSecret, List<String> scopes, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final List<String> OPENID_CONNECT_SCOPES = List.of("openid", "email", "profile");
    public static final List<String> GITHUB_SCOPES = List.of("read:user", "user:email");
    public static final URI GITHUB_WEB = URI.create("https://github.com");
    public static final URI GITHUB_API = URI.create("https://api.github.com");

    public ProviderSettings {
        if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException(
                    "a provider id is 1 to 64 lower-case letters, digits, '-' or '_': '" + id + "'");
        }
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(apiUri, "apiUri");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(timeout, "timeout");
        requireSafe(id, "base URI", baseUri);
        apiUri.ifPresent(api -> requireSafe(id, "API URI", api));
        if (protocol == ProviderProtocol.GITHUB && apiUri.isEmpty()) {
            throw new IllegalArgumentException(id + ": a GitHub provider needs its API URI (" + GITHUB_API + ")");
        }
        if (protocol == ProviderProtocol.OPENID_CONNECT && apiUri.isPresent()) {
            throw new IllegalArgumentException(id + ": an OpenID Connect provider takes no API URI, only its issuer");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(id + ": the client id is missing");
        }
        scopes = List.copyOf(scopes);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(id + ": the timeout must be positive");
        }
    }

    /** Google's OpenID Connect issuer. */
    public static ProviderSettings google(String clientId, String clientSecret) {
        return new ProviderSettings("google", ProviderProtocol.OPENID_CONNECT, URI.create("https://accounts.google.com"),
                Optional.empty(), clientId, clientSecret, OPENID_CONNECT_SCOPES, DEFAULT_TIMEOUT);
    }

    /**
     * Microsoft's identity platform (v2.0 endpoints).
     *
     * @param tenant a tenant id or domain, or {@code common}, {@code organizations} or {@code consumers}
     */
    public static ProviderSettings microsoft(String tenant, String clientId, String clientSecret) {
        if (tenant == null || !tenant.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("microsoft: the tenant is a tenant id, a domain, common, "
                    + "organizations or consumers: '" + tenant + "'");
        }
        return new ProviderSettings("microsoft", ProviderProtocol.OPENID_CONNECT,
                URI.create("https://login.microsoftonline.com/" + tenant + "/v2.0"), Optional.empty(), clientId,
                clientSecret, OPENID_CONNECT_SCOPES, DEFAULT_TIMEOUT);
    }

    /** GitHub.com's OAuth app endpoints and REST API. */
    public static ProviderSettings github(String clientId, String clientSecret) {
        return new ProviderSettings("github", ProviderProtocol.GITHUB, GITHUB_WEB, Optional.of(GITHUB_API), clientId,
                clientSecret, GITHUB_SCOPES, DEFAULT_TIMEOUT);
    }

    /** Any OpenID Connect issuer that publishes a discovery document. */
    public static ProviderSettings openIdConnect(String id, URI issuer, String clientId, String clientSecret) {
        return new ProviderSettings(id, ProviderProtocol.OPENID_CONNECT, issuer, Optional.empty(), clientId,
                clientSecret, OPENID_CONNECT_SCOPES, DEFAULT_TIMEOUT);
    }

    public ProviderSettings withScopes(List<String> newScopes) {
        return new ProviderSettings(id, protocol, baseUri, apiUri, clientId, clientSecret, newScopes, timeout);
    }

    public ProviderSettings withTimeout(Duration newTimeout) {
        return new ProviderSettings(id, protocol, baseUri, apiUri, clientId, clientSecret, scopes, newTimeout);
    }

    /** Whether a client secret is configured; without one the client authenticates by PKCE alone. */
    public boolean hasClientSecret() {
        return !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "ProviderSettings[id=" + id + ", protocol=" + protocol + ", baseUri=" + baseUri + ", apiUri="
                + apiUri.map(URI::toString).orElse("none") + ", clientId=" + clientId + ", clientSecret="
                + (hasClientSecret() ? "[hidden]" : "none") + ", scopes=" + scopes + ", timeout=" + timeout + "]";
    }

    // Tokens and the client secret travel to these addresses: plain HTTP is only for a provider on this machine.
    private static void requireSafe(String id, String what, URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException(id + ": the " + what + " must be an absolute URL: '" + uri + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(id + ": the " + what + " takes no query or fragment: '" + uri + "'");
        }
        if (!ProviderHttp.isSafeEndpoint(uri)) {
            throw new IllegalArgumentException(
                    id + ": the " + what + " must use https (http only on localhost): '" + uri + "'");
        }
    }
}
