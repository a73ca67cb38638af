package io.portcullis.bootstrap.server;

import io.portcullis.bootstrap.config.PortcullisConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Jersey application on Grizzly. */
final class GrizzlyContainer implements HttpContainer {

    private static final Logger LOG = LoggerFactory.getLogger(GrizzlyContainer.class);
    /** The name Jersey's factory gives the one listener it creates. */
    private static final String LISTENER = "grizzly";

    private final HttpServer server;
    private final NetworkListener listener;

    private GrizzlyContainer(HttpServer server, NetworkListener listener) {
        this.server = server;
        this.listener = listener;
    }

    static GrizzlyContainer start(PortcullisConfig.Http http, ResourceConfig application) throws IOException {
        URI uri = URI.create("http://" + http.host() + ":" + http.port() + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, application, false);
        NetworkListener listener = server.getListener(LISTENER);
        int workers = http.workerThreads();
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("portcullis-http").setCorePoolSize(workers).setMaxPoolSize(workers));
        listener.getKeepAlive().setIdleTimeoutInSeconds(30);
        listener.registerAddOn(GrizzlyCodecFilter.addOn());
        server.getServerConfiguration().setDefaultErrorPageGenerator(new JsonErrorPages());
        server.start();
        return new GrizzlyContainer(server, listener);
    }

    @Override
    public String host() {
        return listener.getHost();
    }

    @Override
    public int port() {
        return listener.getPort();
    }

    @Override
    public void stop(Duration grace) {
        try {
            server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).get(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Graceful shutdown did not finish; closing connections now", e);
            server.shutdownNow();
        }
    }
}
