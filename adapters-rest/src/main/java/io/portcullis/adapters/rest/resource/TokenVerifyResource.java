package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.auth.Unauthorized;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.token.VerifyToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code token/verify/}: {@code {}} for a good token of either type. */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class TokenVerifyResource {

    private final VerifyToken verify;
    private final Map<String, Object> metadata;

    @Inject
    public TokenVerifyResource(VerifyToken verify, RestSettings settings, EndpointCatalogue catalogue) {
        this.verify = verify;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.TOKEN_VERIFY));
    }

    @POST
    public Response verify(RequestFields body) {
        return switch (verify.verify(RequestFields.orEmpty(body).get("token"))) {
            case VerifyToken.Outcome.Valid valid -> Answers.json(200, Map.of());
            case VerifyToken.Outcome.Invalid invalid -> ErrorBodies.invalid(invalid.errors());
            case VerifyToken.Outcome.Refused refused -> Unauthorized.tokenRefused(refused.reason());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
