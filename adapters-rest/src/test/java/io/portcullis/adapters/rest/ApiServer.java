package io.portcullis.adapters.rest;

import io.portcullis.adapters.rest.settings.RestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A real Grizzly server on a free port running the API over a {@link TestApp}, and a client for it. */
public final class ApiServer implements AutoCloseable {

    public final TestApp app;
    public final RestSettings settings;
    private final HttpServer server;
    private final URI root;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ApiServer(TestApp app, RestSettings settings, Consumer<ResourceConfig> extra) {
        this.app = app;
        this.settings = settings;
        ResourceConfig config = configuration(app, settings);
        extra.accept(config);
        this.server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        int port = server.getListeners().iterator().next().getPort();
        this.root = URI.create("http://127.0.0.1:" + port);
    }

    public static ApiServer start(TestApp app, RestSettings settings) {
        return new ApiServer(app, settings, config -> {});
    }

    /** With more registered on the application, as the composition root registers the health probes. */
    public static ApiServer start(TestApp app, RestSettings settings, Consumer<ResourceConfig> extra) {
        return new ApiServer(app, settings, extra);
    }

    /** The application a server runs: the API over the test app's use cases. */
    public static ResourceConfig configuration(TestApp app, RestSettings settings) {
        return RestApi.configure(new ResourceConfig(), settings).register(app.binder())
                .register(GrizzlyRemoteAddress.class);
    }

    /** What the composition root's filter does on Grizzly: the connection's address as a request property. */
    @jakarta.ws.rs.container.PreMatching
    public static final class GrizzlyRemoteAddress implements jakarta.ws.rs.container.ContainerRequestFilter {
        @jakarta.inject.Inject
        jakarta.inject.Provider<org.glassfish.grizzly.http.server.Request> request;

        @Override
        public void filter(jakarta.ws.rs.container.ContainerRequestContext context) {
            context.setProperty(io.portcullis.adapters.rest.client.Clients.REMOTE_ADDRESS, request.get().getRemoteAddr());
        }
    }

    public static ApiServer start(TestApp app) {
        return start(app, RestSettings.defaults(app.settings));
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /** One request being put together. */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call cookie(String value) {
            return header("Cookie", value);
        }

        public Call json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Call form(String form) {
            return body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        }

        public Call body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        public Call body(HttpRequest.BodyPublisher publisher) {
            body = publisher;
            return this;
        }

        public Reply send() {
            var request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(20)).method(method, body);
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
