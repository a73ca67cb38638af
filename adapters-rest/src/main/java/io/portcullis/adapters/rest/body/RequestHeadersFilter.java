package io.portcullis.adapters.rest.body;

import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Looks at the headers that describe the body before Jersey does. A body announced larger than
 * the limit is refused at once (bodies without a length are held to it while they are read). A
 * Content-Type or Accept header Jersey cannot parse would make it answer a bare 400 that no
 * exception mapper sees: an unreadable Content-Type on a body is a 415, as DRF answers, and an
 * unreadable Accept counts as none.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class RequestHeadersFilter implements ContainerRequestFilter {

    private final long limit;

    @Inject
    public RequestHeadersFilter(RestSettings settings) {
        this.limit = settings.maxRequestBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> headers = request.getHeaders();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isLongerThanLimit(length.strip())) {
            throw RequestBodyRejected.tooLarge(limit);
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !parses(contentType)) {
            if (request.hasEntity()) {
                throw RequestBodyRejected.unsupportedMediaType(contentType);
            }
            headers.remove(HttpHeaders.CONTENT_TYPE);
        }
        if (headers.containsKey(HttpHeaders.ACCEPT) && !acceptParses(request)) {
            headers.remove(HttpHeaders.ACCEPT);
        }
    }

    private boolean isLongerThanLimit(String length) {
        if (length.isEmpty() || !length.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return length.length() > 18 || Long.parseLong(length) > limit;
    }

    private static boolean parses(String mediaType) {
        try {
            MediaType.valueOf(mediaType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean acceptParses(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
