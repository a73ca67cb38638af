package io.portcullis.application.port;

import java.util.Objects;
import java.util.Optional;

/** What a client brings back from a provider to prove who its user is, as dj-rest-auth's social views accept it. */
public sealed interface ProviderProof {

    /**
     * An authorization code, exchanged at the provider's token endpoint.
     *
     * @param redirectUri the redirect URI the code was issued for; the provider insists on the same one
     * @param codeVerifier the PKCE verifier the client generated for this code, when it used PKCE
     * @param nonce the nonce the client put in the authorization request, checked against the ID token
     */
    record AuthorizationCode(String code, Optional<String> redirectUri, Optional<String> codeVerifier,
            Optional<String> nonce) implements ProviderProof {
        public AuthorizationCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(codeVerifier, "codeVerifier");
            Objects.requireNonNull(nonce, "nonce");
        }
    }

    /** An OpenID Connect ID token the client obtained itself (implicit or native flows). */
    record IdToken(String idToken, Optional<String> nonce) implements ProviderProof {
        public IdToken {
            Objects.requireNonNull(idToken, "idToken");
            Objects.requireNonNull(nonce, "nonce");
        }
    }

    /** An access token the client obtained itself, checked by calling the provider's user endpoint with it. */
    record AccessToken(String accessToken) implements ProviderProof {
        public AccessToken {
            Objects.requireNonNull(accessToken, "accessToken");
        }
    }
}
