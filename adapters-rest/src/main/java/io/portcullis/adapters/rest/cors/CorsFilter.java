package io.portcullis.adapters.rest.cors;

import io.portcullis.adapters.rest.settings.CorsSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Cross-origin requests as django-cors-headers answers them. A preflight (OPTIONS with
 * Access-Control-Request-Method) is answered at once with 200 and no body; every answer to an
 * allowed origin carries Access-Control-Allow-Origin (and -Credentials, -Expose-Headers when
 * configured), and preflight answers the allowed methods, headers and max age. An origin that is
 * not allowed gets no CORS header, so its browser refuses the answer. With no origin configured
 * the filter does nothing at all.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String PREFLIGHT = "io.portcullis.adapters.rest.cors.preflight";

    private final CorsSettings cors;
    private final String methods;
    private final String headers;
    private final String exposed;

    @Inject
    public CorsFilter(RestSettings settings) {
        this.cors = settings.cors();
        this.methods = String.join(", ", cors.allowedMethods());
        this.headers = String.join(", ", cors.allowedHeaders());
        this.exposed = String.join(", ", cors.exposedHeaders());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (cors.enabled() && request.getMethod().equals(HttpMethod.OPTIONS)
                && request.getHeaderString(ORIGIN) != null && request.getHeaderString(REQUEST_METHOD) != null) {
            request.setProperty(PREFLIGHT, Boolean.TRUE);
            request.abortWith(Response.ok().build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!cors.enabled()) {
            return;
        }
        MultivaluedMap<String, Object> out = response.getHeaders();
        addVary(out);
        String origin = request.getHeaderString(ORIGIN);
        if (origin == null || !cors.allows(origin)) {
            return;
        }
        out.putSingle("Access-Control-Allow-Origin",
                cors.allowsAnyOrigin() && !cors.allowCredentials() ? "*" : origin);
        if (cors.allowCredentials()) {
            out.putSingle("Access-Control-Allow-Credentials", "true");
        }
        if (!exposed.isEmpty()) {
            out.putSingle("Access-Control-Expose-Headers", exposed);
        }
        if (Boolean.TRUE.equals(request.getProperty(PREFLIGHT))) {
            out.putSingle("Access-Control-Allow-Headers", headers);
            out.putSingle("Access-Control-Allow-Methods", methods);
            if (!cors.maxAge().isZero()) {
                out.putSingle("Access-Control-Max-Age", Long.toString(cors.maxAge().toSeconds()));
            }
        }
    }

    /** Answers differ by Origin, so caches must key them on it too. */
    private static void addVary(MultivaluedMap<String, Object> out) {
        Object vary = out.getFirst(HttpHeaders.VARY);
        if (vary == null || vary.toString().isBlank()) {
            out.putSingle(HttpHeaders.VARY, ORIGIN);
        } else if (!vary.toString().toLowerCase(java.util.Locale.ROOT).contains("origin")) {
            out.putSingle(HttpHeaders.VARY, vary + ", " + ORIGIN);
        }
    }
}
