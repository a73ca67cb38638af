/**
 * The social adapter: OpenID Connect and GitHub clients behind the application's
 * {@code IdentityProvider} port. {@link io.portcullis.adapters.social.SocialIdentityProviders#create}
 * builds one from its {@link io.portcullis.adapters.social.ProviderSettings}.
 *
 * <p>Every call to a provider goes through {@link io.portcullis.adapters.social.http.ProviderHttp},
 * which bounds it in time and turns network failures into {@code ProviderUnavailableException}.
 * Tokens, codes and the client secret never appear in an exception message.
 */
package io.portcullis.adapters.social;
