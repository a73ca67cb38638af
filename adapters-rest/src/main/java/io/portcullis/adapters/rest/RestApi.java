package io.portcullis.adapters.rest;

import io.portcullis.adapters.rest.auth.AccessTokenFilter;
import io.portcullis.adapters.rest.auth.KeyAuthenticationFilter;
import io.portcullis.adapters.rest.resource.KeyLogoutResource;
import io.portcullis.adapters.rest.body.RequestFieldsReader;
import io.portcullis.adapters.rest.browsable.BrowsablePageFilter;
import io.portcullis.adapters.rest.browsable.PageNegotiationFilter;
import io.portcullis.adapters.rest.browsable.StaticFilesResource;
import io.portcullis.adapters.rest.cors.CorsFilter;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.describe.EndpointSpec;
import io.portcullis.adapters.rest.keys.JwksResource;
import io.portcullis.adapters.rest.openapi.OpenApiResource;
import io.portcullis.adapters.rest.body.RequestHeadersFilter;
import io.portcullis.adapters.rest.cookie.TokenCookieDeletionFilter;
import io.portcullis.adapters.rest.resource.ConfirmationLinkResource;
import io.portcullis.adapters.rest.resource.EmailVerificationResource;
import io.portcullis.adapters.rest.resource.LoginResource;
import io.portcullis.adapters.rest.resource.LogoutResource;
import io.portcullis.adapters.rest.resource.PasswordChangeResource;
import io.portcullis.adapters.rest.resource.PasswordResetConfirmResource;
import io.portcullis.adapters.rest.resource.PasswordResetLinkResource;
import io.portcullis.adapters.rest.resource.PasswordResetResource;
import io.portcullis.adapters.rest.resource.RegistrationResource;
import io.portcullis.adapters.rest.resource.ResendEmailResource;
import io.portcullis.adapters.rest.resource.RevokeOtherSessionsResource;
import io.portcullis.adapters.rest.resource.SessionResource;
import io.portcullis.adapters.rest.resource.SessionsResource;
import io.portcullis.adapters.rest.resource.SocialAccountsResource;
import io.portcullis.adapters.rest.resource.SocialConnectResource;
import io.portcullis.adapters.rest.resource.SocialDisconnectResource;
import io.portcullis.adapters.rest.resource.SocialLoginResource;
import io.portcullis.adapters.rest.resource.TokenRefreshResource;
import io.portcullis.adapters.rest.resource.TokenVerifyResource;
import io.portcullis.adapters.rest.resource.UserResource;
import io.portcullis.adapters.rest.response.CapacityExceededMapper;
import io.portcullis.adapters.rest.response.ProviderUnavailableMapper;
import io.portcullis.adapters.rest.response.RateLimitExceededMapper;
import io.portcullis.adapters.rest.response.StoreUnavailableMapper;
import io.portcullis.adapters.rest.response.EmptyErrorBodyFilter;
import io.portcullis.adapters.rest.response.JsonWriter;
import io.portcullis.adapters.rest.response.RequestBodyRejectedMapper;
import io.portcullis.adapters.rest.response.StandardHeadersFilter;
import io.portcullis.adapters.rest.response.UnexpectedExceptionMapper;
import io.portcullis.adapters.rest.response.WebApplicationExceptionMapper;
import io.portcullis.adapters.rest.settings.RestSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;

/**
 * The REST adapter's entry point for the composition root. It registers the endpoints under the
 * configured base path together with their body reader, JSON writer, filters and exception
 * mappers. The use cases come from the injection binder of the caller; see {@link #configure}.
 */
public final class RestApi {

    /** The resource serving each endpoint of the catalogue; a trailing slash is optional on all of them. */
    private static final Map<String, Class<?>> RESOURCES = resources();

    private RestApi() {}

    /**
     * Registers everything the API needs on {@code config}. The caller binds, with an
     * {@code AbstractBinder}, an instance of each use case: {@code LogIn}, {@code LogOut},
     * {@code RegisterAccount}, {@code UpdateUser}, {@code ChangePassword},
     * {@code RefreshAccessToken}, {@code VerifyToken}, {@code AuthenticateAccessToken},
     * {@code ConfirmEmail}, {@code ResendConfirmation}, {@code RequestPasswordReset} and
     * {@code ConfirmPasswordReset}, {@code ListSessions}, {@code RevokeSession} and
     * {@code RevokeOtherSessions}; in token mode ({@link RestSettings#opaqueKeys()}) {@code AuthenticateKey}
     * instead of {@code AuthenticateAccessToken}, {@code RefreshAccessToken}, {@code VerifyToken} and
     * {@code LogOut}; with {@link RestSettings#publishesKeys()}, the
     * {@code PublishedKeys} too; with {@link RestSettings#socialProviders()}, {@code SocialLogIn},
     * {@code ConnectSocialAccount}, {@code ListSocialAccounts} and {@code DisconnectSocialAccount}; and may bind a {@link Clock} (the system clock otherwise), which dates the token cookies.
     */
    public static ResourceConfig configure(ResourceConfig config, RestSettings settings) {
        var catalogue = new EndpointCatalogue(settings);
        for (EndpointSpec endpoint : catalogue.all()) {
            Class<?> resource = settings.opaqueKeys() && endpoint.key().equals(EndpointCatalogue.LOGOUT)
                    ? KeyLogoutResource.class
                    : RESOURCES.get(endpoint.key());
            config.registerResources(Resource.builder(resource)
                    .path(catalogue.resourcePath(endpoint))
                    .build());
        }
        if (settings.publishesKeys()) {
            config.registerResources(Resource.builder(JwksResource.class).path(JwksResource.PATH).build());
        }
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(settings).to(RestSettings.class);
                bind(catalogue).to(EndpointCatalogue.class);
                // Ranked below the default so that a Clock bound by the composition root wins.
                bind(Clock.systemUTC()).to(Clock.class).ranked(Integer.MIN_VALUE);
            }
        });
        config.register(RequestFieldsReader.class);
        config.register(JsonWriter.class);
        config.register(RequestHeadersFilter.class);
        config.register(CorsFilter.class);
        config.register(PageNegotiationFilter.class);
        config.register(BrowsablePageFilter.class);
        if (settings.opaqueKeys()) {
            config.register(KeyAuthenticationFilter.class);
        } else {
            config.register(AccessTokenFilter.class);
        }
        config.register(TokenCookieDeletionFilter.class);
        config.register(StandardHeadersFilter.class);
        config.register(EmptyErrorBodyFilter.class);
        config.register(RequestBodyRejectedMapper.class);
        config.register(CapacityExceededMapper.class);
        config.register(RateLimitExceededMapper.class);
        config.register(StoreUnavailableMapper.class);
        config.register(ProviderUnavailableMapper.class);
        config.register(WebApplicationExceptionMapper.class);
        config.register(UnexpectedExceptionMapper.class);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Jersey would otherwise call sendError for bodiless error statuses, and Grizzly answers
        // those with its own HTML page.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // No provider may be picked up from the class path behind the API's back.
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // Redirects keep the Location they were given, as Django's do: the base URI Jersey would
        // make it absolute with is wrong behind a proxy that terminates TLS.
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        return config;
    }

    private static Map<String, Class<?>> resources() {
        var resources = new LinkedHashMap<String, Class<?>>();
        resources.put(EndpointCatalogue.LOGIN, LoginResource.class);
        resources.put(EndpointCatalogue.LOGOUT, LogoutResource.class);
        resources.put(EndpointCatalogue.USER, UserResource.class);
        resources.put(EndpointCatalogue.PASSWORD_CHANGE, PasswordChangeResource.class);
        resources.put(EndpointCatalogue.TOKEN_VERIFY, TokenVerifyResource.class);
        resources.put(EndpointCatalogue.TOKEN_REFRESH, TokenRefreshResource.class);
        resources.put(EndpointCatalogue.REGISTRATION, RegistrationResource.class);
        resources.put(EndpointCatalogue.VERIFY_EMAIL, EmailVerificationResource.class);
        resources.put(EndpointCatalogue.VERIFY_EMAIL_ALIAS, EmailVerificationResource.class);
        resources.put(EndpointCatalogue.RESEND_EMAIL, ResendEmailResource.class);
        resources.put(EndpointCatalogue.CONFIRMATION_LINK, ConfirmationLinkResource.class);
        resources.put(EndpointCatalogue.PASSWORD_RESET, PasswordResetResource.class);
        resources.put(EndpointCatalogue.PASSWORD_RESET_CONFIRM, PasswordResetConfirmResource.class);
        resources.put(EndpointCatalogue.PASSWORD_RESET_LINK, PasswordResetLinkResource.class);
        resources.put(EndpointCatalogue.SESSIONS, SessionsResource.class);
        resources.put(EndpointCatalogue.SESSIONS_REVOKE_OTHERS, RevokeOtherSessionsResource.class);
        resources.put(EndpointCatalogue.SESSION, SessionResource.class);
        resources.put(EndpointCatalogue.SOCIAL_LOGIN, SocialLoginResource.class);
        resources.put(EndpointCatalogue.SOCIAL_CONNECT, SocialConnectResource.class);
        resources.put(EndpointCatalogue.SOCIAL_ACCOUNTS, SocialAccountsResource.class);
        resources.put(EndpointCatalogue.SOCIAL_DISCONNECT, SocialDisconnectResource.class);
        resources.put(EndpointCatalogue.OPENAPI_JSON, OpenApiResource.Json.class);
        resources.put(EndpointCatalogue.OPENAPI_YAML, OpenApiResource.Yaml.class);
        resources.put(EndpointCatalogue.STATIC_FILES, StaticFilesResource.class);
        return Map.copyOf(resources);
    }
}
