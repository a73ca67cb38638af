package io.portcullis.adapters.rest.response;

import io.portcullis.adapters.rest.body.RequestBodyRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A body that could not be read: 400, 413 or 415 with a body that says why. */
public final class RequestBodyRejectedMapper implements ExceptionMapper<RequestBodyRejected> {

    @Override
    public Response toResponse(RequestBodyRejected exception) {
        return ErrorBodies.json(exception.status(), exception.body());
    }
}
