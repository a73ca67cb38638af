package io.portcullis.bootstrap.wiring;

import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.bootstrap.config.PortcullisConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Puts the address a request's connection came from into the request property the REST adapter
 * reads ({@link Clients#REMOTE_ADDRESS}): only the HTTP container knows it, through its own request
 * type, which Jersey's container integration injects.
 */
public final class RemoteAddressFilters {

    private RemoteAddressFilters() {}

    /** The filter of the configured container. */
    public static Class<? extends ContainerRequestFilter> forContainer(PortcullisConfig.Container container) {
        return switch (container) {
            case GRIZZLY -> Grizzly.class;
            case JETTY -> Jetty.class;
        };
    }

    @PreMatching
    public static final class Grizzly implements ContainerRequestFilter {

        private final Provider<org.glassfish.grizzly.http.server.Request> request;

        @Inject
        public Grizzly(Provider<org.glassfish.grizzly.http.server.Request> request) {
            this.request = request;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            context.setProperty(Clients.REMOTE_ADDRESS, request.get().getRemoteAddr());
        }
    }

    @PreMatching
    public static final class Jetty implements ContainerRequestFilter {

        private final Provider<org.eclipse.jetty.server.Request> request;

        @Inject
        public Jetty(Provider<org.eclipse.jetty.server.Request> request) {
            this.request = request;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            context.setProperty(Clients.REMOTE_ADDRESS, org.eclipse.jetty.server.Request.getRemoteAddr(request.get()));
        }
    }
}
