package io.portcullis.bootstrap.server;

import io.portcullis.bootstrap.config.PortcullisConfig;
import io.portcullis.bootstrap.wiring.CompositionRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: the composition root served by Grizzly on the configured address. */
public final class PortcullisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortcullisServer.class);
    private static final long GRACE_SECONDS = 10;

    private final CompositionRoot root;
    private final HttpServer server;

    private PortcullisServer(CompositionRoot root, HttpServer server) {
        this.root = root;
        this.server = server;
    }

    /** Migrates the database, wires the service and starts listening; returns once requests are served. */
    public static PortcullisServer start(PortcullisConfig config, Clock clock) {
        CompositionRoot root = CompositionRoot.build(config, clock);
        try {
            URI uri = URI.create("http://" + config.http().host() + ":" + config.http().port() + "/");
            HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, root.resourceConfig(), false);
            NetworkListener listener = server.getListener("grizzly");
            int workers = config.http().workerThreads();
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("portcullis-http").setCorePoolSize(workers).setMaxPoolSize(workers));
            listener.getKeepAlive().setIdleTimeoutInSeconds(30);
            listener.registerAddOn(GrizzlyCodecFilter.addOn());
            server.getServerConfiguration().setDefaultErrorPageGenerator(new JsonErrorPages());
            server.start();
            var running = new PortcullisServer(root, server);
            LOG.info("Portcullis is listening on {}", running.baseUri());
            return running;
        } catch (IOException e) {
            root.close();
            throw new UncheckedIOException("cannot listen on " + config.http().host() + ":" + config.http().port(), e);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    public int port() {
        return server.getListener("grizzly").getPort();
    }

    /** The root URI of the server, with the real port when port 0 was asked for. */
    public URI baseUri() {
        String host = server.getListener("grizzly").getHost();
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** Stops accepting connections, lets requests in flight finish, then releases the database. */
    @Override
    public void close() {
        try {
            server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Graceful shutdown did not finish; closing connections now", e);
            server.shutdownNow();
        } finally {
            root.close();
            LOG.info("Portcullis stopped");
        }
    }
}
