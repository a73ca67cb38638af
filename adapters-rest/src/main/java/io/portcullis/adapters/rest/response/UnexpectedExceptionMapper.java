package io.portcullis.adapters.rest.response;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line: any exception nobody mapped becomes DRF's 500 body, and its stack goes to the log.
 * Nothing reaches Grizzly, whose default error page would print the stack trace to the client.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    static final String SERVER_ERROR = "An error has occurred.";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private Request request;

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable exception) {
        // The path only: query strings and bodies may carry tokens and passwords.
        LOG.error("Unexpected failure serving {} /{}", request.getMethod(), uri.getPath(), exception);
        return ErrorBodies.detail(500, SERVER_ERROR);
    }
}
