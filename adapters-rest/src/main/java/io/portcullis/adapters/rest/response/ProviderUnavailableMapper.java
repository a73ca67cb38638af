package io.portcullis.adapters.rest.response;

import io.portcullis.application.port.ProviderUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A social provider could not be asked (down, too slow, or answering outside its protocol): a
 * 503 naming the provider, which the client may retry. What went wrong goes to the log only: it
 * may name internal hosts.
 */
public final class ProviderUnavailableMapper implements ExceptionMapper<ProviderUnavailableException> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderUnavailableMapper.class);

    static String detail(String provider) {
        return "The sign-in provider \"" + provider + "\" is unavailable right now. Please retry shortly.";
    }

    @Override
    public Response toResponse(ProviderUnavailableException exception) {
        LOG.warn("Answered 503: {}", exception.getMessage());
        return Response.fromResponse(ErrorBodies.detail(503, detail(exception.provider())))
                .header(HttpHeaders.RETRY_AFTER, "30")
                .build();
    }
}
