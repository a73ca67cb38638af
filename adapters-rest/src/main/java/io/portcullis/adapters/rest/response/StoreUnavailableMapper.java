package io.portcullis.adapters.rest.response;

import io.portcullis.application.port.StoreUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database is out of reach: a 503 the client may retry, not a 500. */
public final class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableMapper.class);

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        LOG.warn("Answered 503: {}", exception.getMessage());
        return Response.fromResponse(
                        ErrorBodies.detail(503, "The service is temporarily unavailable. Please retry shortly."))
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }
}
