package io.portcullis.adapters.rest.response;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the container's own refusals (no such path, method, acceptable type...) DRF's JSON
 * bodies instead of Jersey's empty ones or Grizzly's HTML pages.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    static final String NOT_ACCEPTABLE = "Could not satisfy the request Accept header.";
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Context
    private HttpHeaders headers;

    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        return switch (status) {
            case 405 -> methodNotAllowed(original);
            case 406 -> ErrorBodies.detail(406, NOT_ACCEPTABLE);
            case 415 -> ErrorBodies.detail(415, "Unsupported media type \""
                    + nullToEmpty(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)) + "\" in request.");
            default -> other(status, exception);
        };
    }

    private Response methodNotAllowed(Response original) {
        // DRF negotiates the content type before it looks at the method: 406 wins over 405.
        if (!Acceptance.acceptsJson(headers)) {
            return ErrorBodies.detail(406, NOT_ACCEPTABLE);
        }
        // The container drops the body of an answer to HEAD.
        return Response.fromResponse(ErrorBodies.detail(405, "Method \"" + request.getMethod() + "\" not allowed."))
                .header(HttpHeaders.ALLOW, AllowedMethods.header(original.getAllowedMethods()))
                .build();
    }

    private static Response other(int status, WebApplicationException exception) {
        if (status >= 500) {
            LOG.error("The container failed to serve a request", exception);
            return ErrorBodies.detail(500, UnexpectedExceptionMapper.SERVER_ERROR);
        }
        return ErrorBodies.detail(status, StatusDetails.of(status));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
