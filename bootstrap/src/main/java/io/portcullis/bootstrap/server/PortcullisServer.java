package io.portcullis.bootstrap.server;

import io.portcullis.bootstrap.config.PortcullisConfig;
import io.portcullis.bootstrap.wiring.CompositionRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: the composition root served by the configured HTTP container (Grizzly or
 * Jetty, {@code http.container}) on the configured address.
 */
public final class PortcullisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortcullisServer.class);
    /** How long requests in flight may take to finish once a stop was asked for. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final CompositionRoot root;
    private final HttpContainer container;
    private final PortcullisConfig.Container kind;

    private PortcullisServer(CompositionRoot root, HttpContainer container, PortcullisConfig.Container kind) {
        this.root = root;
        this.container = container;
        this.kind = kind;
    }

    /** Migrates the database, wires the service and starts listening; returns once requests are served. */
    public static PortcullisServer start(PortcullisConfig config, Clock clock) {
        CompositionRoot root = CompositionRoot.build(config, clock);
        PortcullisConfig.Http http = config.http();
        try {
            var running = new PortcullisServer(root, startContainer(http, root.resourceConfig()), http.container());
            LOG.info("Portcullis is listening on {} ({})", running.baseUri(), http.container().settingName());
            return running;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        } catch (IOException e) {
            root.close();
            throw new UncheckedIOException("cannot listen on " + http.host() + ":" + http.port(), e);
        } catch (Exception e) {
            root.close();
            throw new IllegalStateException("cannot listen on " + http.host() + ":" + http.port(), e);
        }
    }

    private static HttpContainer startContainer(PortcullisConfig.Http http, ResourceConfig application) throws Exception {
        return switch (http.container()) {
            case GRIZZLY -> GrizzlyContainer.start(http, application);
            case JETTY -> JettyContainer.start(http, application);
        };
    }

    /** The container serving requests. */
    public PortcullisConfig.Container container() {
        return kind;
    }

    public int port() {
        return container.port();
    }

    /** The root URI of the server, with the real port when port 0 was asked for. */
    public URI baseUri() {
        String host = container.host();
        String shown = host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (shown.contains(":") && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** Stops accepting connections, lets requests in flight finish (10 s at most), then releases the database. */
    @Override
    public void close() {
        try {
            container.stop(GRACE);
        } finally {
            root.close();
            LOG.info("Portcullis stopped");
        }
    }
}
