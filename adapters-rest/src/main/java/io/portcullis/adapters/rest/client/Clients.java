package io.portcullis.adapters.rest.client;

import io.portcullis.domain.session.ClientDetails;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What a request says about its client, for the sessions it opens or uses: the {@code User-Agent}
 * header and the address the connection came from. The address is the HTTP container's to know, so
 * the composition root registers a filter of its container that puts it in the request property
 * {@link #REMOTE_ADDRESS}; without one, the address is unknown. Behind trusted proxies,
 * {@link ForwardedClientFilter} then puts the client's address there instead of the proxy's.
 */
public final class Clients {

    /** A request property: the client's IP address, as the connection or a trusted proxy tells it. */
    public static final String REMOTE_ADDRESS = "io.portcullis.remote-address";

    private Clients() {}

    public static ClientDetails of(ContainerRequestContext request) {
        Object address = request.getProperty(REMOTE_ADDRESS);
        return ClientDetails.of(request.getHeaderString(HttpHeaders.USER_AGENT),
                address instanceof String text ? text : null);
    }
}
