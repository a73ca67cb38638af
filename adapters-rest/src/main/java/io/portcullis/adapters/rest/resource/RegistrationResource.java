package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.application.token.OpaqueKey;
import io.portcullis.adapters.rest.cookie.TokenCookies;
import io.portcullis.adapters.rest.negotiation.ClientLanguages;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.domain.account.Account;
import io.portcullis.application.token.TokenPair;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * {@code registration/}: 201 with a token pair and the user, or only a note that the
 * confirmation mail is on its way when the address must be confirmed first. Like dj-rest-auth,
 * registration sets no token cookies, unless the tokens stay out of bodies
 * ({@code cookies.tokens-in-body=false}): then the cookies are the only way to hand them out.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class RegistrationResource {

    static final String VERIFICATION_SENT = "Verification e-mail sent.";

    private final RegisterAccount register;
    private final UserRepresentation users;
    private final Map<String, Object> metadata;
    private final TokenCookies cookies;
    private final boolean tokensInBody;

    @Inject
    public RegistrationResource(RegisterAccount register, RestSettings settings, EndpointCatalogue catalogue,
            Clock clock) {
        this.register = register;
        this.cookies = new TokenCookies(settings.cookies(), clock);
        this.tokensInBody = settings.cookies().tokensInBody();
        this.users = new UserRepresentation(settings.account().userFields());
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.REGISTRATION));
    }

    @POST
    public Response register(RequestFields body, @Context HttpHeaders headers,
            @Context ContainerRequestContext request) {
        RequestFields fields = RequestFields.orEmpty(body);
        var command = new RegisterAccount.Command(fields.get("username"), fields.get("email"),
                fields.get("password1"), fields.get("password2"), fields.values(), ClientLanguages.of(headers),
                Clients.of(request));
        return switch (register.register(command)) {
            case RegisterAccount.Outcome.Registered done -> switch (done.credentials().orElse(null)) {
                case null -> Answers.detail(201, VERIFICATION_SENT);
                case OpaqueKey key -> Answers.withTokens(201, new TokenBodies.Key(key.key()), List.of());
                case TokenPair tokens -> registered(done.account(), Optional.of(tokens), request);
            };
            case RegisterAccount.Outcome.OwnerNotified notified -> Answers.detail(201, VERIFICATION_SENT);
            case RegisterAccount.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    private Response registered(Account account, Optional<TokenPair> tokens, ContainerRequestContext request) {
        return tokens
                .map(pair -> tokensInBody
                        ? Answers.withTokens(201,
                                new TokenBodies.WithUser(pair.access(), pair.refresh(), users.of(account)), List.of())
                        : Answers.withTokens(201, new TokenBodies.WithUser("", "", users.of(account)),
                                cookies.issued(pair, request.getCookies(), true)))
                .orElseGet(() -> Answers.detail(201, VERIFICATION_SENT));
    }
}
