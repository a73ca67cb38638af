package io.portcullis.adapters.social.http;

import java.util.Objects;

/**
 * What Portcullis is registered as at a provider.
 *
 * @param secret empty for a public client, which proves itself by PKCE alone
 */
public record ClientCredentials(String id, String secret) {

    public ClientCredentials {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
    }

    public boolean hasSecret() {
        return !secret.isEmpty();
    }

    @Override
    public String toString() {
        return "ClientCredentials[id=" + id + ", secret=" + (hasSecret() ? "[hidden]" : "none") + "]";
    }
}
