package io.portcullis.adapters.rest.client;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Objects;

/**
 * Replaces the connection's address in {@link Clients#REMOTE_ADDRESS} by the client's, as the
 * forwarding header of a trusted proxy names it ({@link TrustedProxies}). Runs after the
 * container's filter that put the connection's address there (which has the default priority).
 */
@PreMatching
@Priority(Priorities.USER + 100)
public final class ForwardedClientFilter implements ContainerRequestFilter {

    private final TrustedProxies proxies;

    public ForwardedClientFilter(TrustedProxies proxies) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!proxies.any() || !(request.getProperty(Clients.REMOTE_ADDRESS) instanceof String peer)) {
            return;
        }
        List<String> forwarded = request.getHeaders().get(proxies.header());
        if (forwarded != null && !forwarded.isEmpty()) {
            request.setProperty(Clients.REMOTE_ADDRESS, proxies.clientAddress(peer, forwarded));
        }
    }
}
