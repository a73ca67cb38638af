package io.portcullis.adapters.rest.response;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The headers Django and DRF put on every answer: no sniffing, no framing, same-origin referrers,
 * {@code Vary: Accept}, and the {@code Allow} list of the endpoint that answered.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class StandardHeadersFilter implements ContainerResponseFilter {

    private final Map<Resource, String> allowByResource = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle(HttpHeaders.VARY, "Accept");
        if (!headers.containsKey(HttpHeaders.ALLOW) && request.getUriInfo() instanceof ExtendedUriInfo uri) {
            Resource matched = uri.getMatchedModelResource();
            if (matched != null) {
                headers.putSingle(HttpHeaders.ALLOW, allowByResource.computeIfAbsent(matched, StandardHeadersFilter::allow));
            }
        }
    }

    private static String allow(Resource resource) {
        List<String> methods = resource.getResourceMethods().stream()
                .map(ResourceMethod::getHttpMethod)
                .toList();
        return AllowedMethods.header(methods);
    }
}
