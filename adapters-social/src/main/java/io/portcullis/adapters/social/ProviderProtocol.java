package io.portcullis.adapters.social;

/** How Portcullis talks to a provider. */
public enum ProviderProtocol {
    /** Any OpenID Connect issuer (Google, Microsoft, Keycloak, Okta, Auth0...): discovery, ID tokens, JWKS. */
    OPENID_CONNECT,
    /** GitHub's OAuth2 apps, which issue no ID token: the identity comes from its REST API. */
    GITHUB
}
