package io.portcullis.application.port;

/**
 * A social identity provider (Google, Microsoft, GitHub or any OpenID Connect issuer): turns what a
 * client brought back from the provider into the identity the provider vouches for.
 */
public interface IdentityProvider {

    /** The provider's name in paths and settings, such as {@code google}. */
    String id();

    /**
     * Checks the proof with the provider and says whose identity it is.
     *
     * @throws IdentityRejectedException when the provider or the token says no (a bad or used code,
     *     a forged or expired ID token, a wrong nonce, a revoked access token)
     * @throws ProviderUnavailableException when the provider cannot be reached in time or answers
     *     something that is not a valid protocol message
     */
    ExternalIdentity identify(ProviderProof proof);
}
