package io.portcullis.adapters.rest.browsable;

import io.portcullis.adapters.rest.negotiation.HtmlPreference;
import io.portcullis.adapters.rest.response.ErrorBodies;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * Decides, before anything else looks at a request, whether its answer is a browsable page.
 * A browser navigating to an endpoint (GET, Accept preferring text/html) or submitting a plain
 * HTML form gets one; a request with a JSON body is an API call whatever its Accept says. As in
 * DRF, {@code ?format=api} asks for the page and {@code ?format=json} for JSON, and any other
 * format is unknown (404).
 *
 * <p>A page request is answered by the endpoint exactly as a JSON request would be, and {@link
 * BrowsablePageFilter} then shows that answer in the page: the Accept header is set to one that
 * admits JSON, so no endpoint refuses it, while still preferring HTML for the endpoints that
 * write pages of their own (the mail links).
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR + 10)
public final class PageNegotiationFilter implements ContainerRequestFilter {

    /** The request property that marks a page request. */
    public static final String PAGE = "io.portcullis.adapters.rest.page";
    static final String PAGE_ACCEPT = "text/html, application/json;q=0.9";

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> formats = request.getUriInfo().getQueryParameters().get("format");
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (formats != null && !formats.isEmpty()) {
            switch (formats.getFirst()) {
                case "json" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
                case "api" -> {
                    if (HtmlPreference.acceptsHtml(accept)) {
                        markPage(request);
                    } else {
                        request.abortWith(ErrorBodies.detail(406, "Could not satisfy the request Accept header."));
                    }
                }
                default -> request.abortWith(ErrorBodies.detail(404, "Not found."));
            }
            return;
        }
        if (!HtmlPreference.prefersHtml(accept) || hasJsonBody(request)) {
            return;
        }
        if (request.getMethod().equals(HttpMethod.OPTIONS)) {
            // The metadata is JSON for everyone; Jersey would otherwise pick a bodiless OPTIONS of its own.
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        } else {
            markPage(request);
        }
    }

    private static void markPage(ContainerRequestContext request) {
        request.setProperty(PAGE, Boolean.TRUE);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, PAGE_ACCEPT);
    }

    private static boolean hasJsonBody(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals(MediaType.APPLICATION_JSON) || (media.startsWith("application/") && media.endsWith("+json"));
    }
}
