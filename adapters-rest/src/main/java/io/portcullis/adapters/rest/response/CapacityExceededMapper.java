package io.portcullis.adapters.rest.response;

import io.portcullis.application.port.CapacityExceededException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A full bounded pool (password hashing) asks the client to come back in a second. */
public final class CapacityExceededMapper implements ExceptionMapper<CapacityExceededException> {

    private static final Logger LOG = LoggerFactory.getLogger(CapacityExceededMapper.class);

    @Override
    public Response toResponse(CapacityExceededException exception) {
        LOG.debug("Refused a request: {}", exception.getMessage());
        return Response.fromResponse(ErrorBodies.detail(503, "The service is busy. Please retry in a moment."))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }
}
