package io.portcullis.adapters.rest.response;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * A safety net: Jersey answers a few refusals itself without asking an exception mapper, with
 * no body. Every error answer of this API carries a JSON {@code detail}, so this one gets one too.
 */
@Priority(Priorities.HEADER_DECORATOR + 1)
public final class EmptyErrorBodyFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && !response.hasEntity() && !HttpMethod.HEAD.equals(request.getMethod())) {
            response.setEntity(new ErrorBodies.Detail(StatusDetails.of(response.getStatus())), null,
                    MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
