package io.portcullis.adapters.rest.browsable;

import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.describe.EndpointSpec;
import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Turns the JSON answer to a page request (see {@link PageNegotiationFilter}) into the browsable
 * page, after every other filter has had its say, so the page shows the final status and headers.
 * The status stays what the JSON answer's was; cookies and other headers stay too.
 */
@Priority(Priorities.HEADER_DECORATOR - 100)
public final class BrowsablePageFilter implements ContainerResponseFilter {

    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    /** Scripts, styles and requests from this origin alone; nothing inline, nothing framed. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    private final EndpointCatalogue catalogue;
    private final PageRenderer renderer;

    @Inject
    public BrowsablePageFilter(EndpointCatalogue catalogue, RestSettings settings) {
        this.catalogue = catalogue;
        this.renderer = new PageRenderer(catalogue, settings);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!Boolean.TRUE.equals(request.getProperty(PageNegotiationFilter.PAGE))
                || request.getMethod().equals(HttpMethod.HEAD)
                || !response.hasEntity()
                || response.getMediaType() == null
                || !response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        Optional<EndpointSpec> endpoint = matched(request);
        if (endpoint.isPresent() && !endpoint.get().browsable()) {
            return;
        }
        String html = renderer.render(endpoint, request, response);
        response.setEntity(html, response.getEntityAnnotations(), MediaType.valueOf(CONTENT_TYPE));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().putSingle("Content-Security-Policy", POLICY);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Jersey records no matched resource for a refused method, so the path decides. */
    private Optional<EndpointSpec> matched(ContainerRequestContext request) {
        return catalogue.forPath(request.getUriInfo().getRequestUri().getRawPath());
    }
}
