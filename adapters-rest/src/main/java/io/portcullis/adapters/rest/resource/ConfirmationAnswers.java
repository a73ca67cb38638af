package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.html.ConfirmationPages;
import io.portcullis.adapters.rest.negotiation.HtmlPreference;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** How a browser is answered once a confirmation link was followed or its button pressed. */
final class ConfirmationAnswers {

    private final String confirmedLocation;

    ConfirmationAnswers(RestSettings settings) {
        this.confirmedLocation = settings.emailConfirmedLocation();
    }

    /** allauth's redirect after a confirmation: 302, empty body, to the configured page. */
    Response confirmed() {
        return Response.status(302).header(HttpHeaders.LOCATION, confirmedLocation).build();
    }

    /**
     * A bad, expired or used link. dj-rest-auth answers a 500 here (allauth's template needs a URL
     * it does not mount); allauth's own page says the link is dead, and so does this 404.
     */
    Response invalidLink(HttpHeaders headers) {
        return HtmlPreference.prefersHtml(headers)
                ? ConfirmationPages.invalidLink(404)
                : ErrorBodies.detail(404, ConfirmationPages.INVALID);
    }
}
