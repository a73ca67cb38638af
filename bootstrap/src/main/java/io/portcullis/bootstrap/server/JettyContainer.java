package io.portcullis.bootstrap.server;

import io.portcullis.bootstrap.config.PortcullisConfig;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jersey application on Jetty 12 (core handlers, no servlet layer). Plain HTTP/1.1 only: no
 * HTTP/2 connection factory is installed, so an {@code Upgrade: h2c} offer is ignored and the
 * request served as HTTP/1.1.
 */
final class JettyContainer implements HttpContainer {

    private static final Logger LOG = LoggerFactory.getLogger(JettyContainer.class);

    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;
    /** Threads of the pool that do I/O rather than serve requests. */
    static final int IO_THREADS = ACCEPTORS + SELECTORS;

    private final Server server;
    private final ServerConnector connector;

    private JettyContainer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static JettyContainer start(PortcullisConfig.Http http, ResourceConfig application) throws Exception {
        var threads = new QueuedThreadPool();
        threads.setName("portcullis-http");
        // No reserved threads: they take new work ahead of the jobs already queued, and with a small
        // pool of workers that block (on password hashing) that starves some requests; the login
        // benchmark's p99 went from 3 s to 1.4 s without them, throughput unchanged or better.
        threads.setReservedThreads(0);
        var server = new Server(threads);
        var httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendXPoweredBy(false);
        // One acceptor and one selector (Jetty's own choice on 2 cores): they are never the
        // bottleneck in front of Jersey, and the size of the pool then does not depend on the machine.
        var connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(httpConfig));
        connector.setHost(http.host());
        connector.setPort(http.port());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        // The acceptor and selector threads come from the same pool: the configured number of
        // workers is what is left for requests.
        threads.setMaxThreads(http.workerThreads() + IO_THREADS);
        threads.setMinThreads(http.workerThreads() + IO_THREADS);

        JettyHttpContainer jersey = ContainerFactory.createContainer(JettyHttpContainer.class, application);
        server.setHandler(new GracefulHandler(new JettyWholeResponses(jersey)));
        server.setErrorHandler(new JettyJsonErrors());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyContainer(server, connector);
    }

    @Override
    public String host() {
        return connector.getHost();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void stop(Duration grace) {
        server.setStopTimeout(grace.toMillis());
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        }
    }
}
