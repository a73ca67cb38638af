package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.login.LogIn;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;

/** {@code login/}: credentials in, a token pair and the user out, and the token cookies when configured. */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class LoginResource {

    private final LogIn logIn;
    private final LoginAnswers answers;
    private final Map<String, Object> metadata;

    @Inject
    public LoginResource(LogIn logIn, RestSettings settings, EndpointCatalogue catalogue, Clock clock) {
        this.logIn = logIn;
        this.answers = new LoginAnswers(settings, clock);
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.LOGIN));
    }

    @POST
    public Response logIn(RequestFields body, @Context ContainerRequestContext request) {
        RequestFields fields = RequestFields.orEmpty(body);
        var command = new LogIn.Command(fields.get("username"), fields.get("email"), fields.get("password"),
                Clients.of(request));
        return switch (logIn.logIn(command)) {
            case LogIn.Outcome.LoggedIn in -> answers.loggedIn(in.account(), in.credentials(), request);
            case LogIn.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
