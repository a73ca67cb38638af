package io.portcullis.adapters.rest.response;

import io.portcullis.application.ratelimit.RateLimitExceededException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A rate limit refused the request: 429 with {@code Retry-After} in seconds and DRF's throttling
 * body, {@code {"detail":"Request was throttled. Expected available in 42 seconds."}}.
 */
public final class RateLimitExceededMapper implements ExceptionMapper<RateLimitExceededException> {

    @Override
    public Response toResponse(RateLimitExceededException exception) {
        long seconds = exception.retryAfterSeconds();
        String detail = "Request was throttled. Expected available in " + seconds
                + (seconds == 1 ? " second." : " seconds.");
        return Response.fromResponse(ErrorBodies.detail(429, detail))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .build();
    }
}
