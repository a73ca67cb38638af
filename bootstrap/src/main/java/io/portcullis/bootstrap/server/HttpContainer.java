package io.portcullis.bootstrap.server;

import java.time.Duration;

/**
 * An embedded HTTP server running the Jersey application: Grizzly or Jetty, chosen by
 * {@code http.container}. Either one binds the configured address, serves requests on the
 * configured number of worker threads, answers errors of its own in JSON, ignores protocol upgrade
 * requests ({@code Upgrade: h2c}) and stops gracefully.
 */
interface HttpContainer {

    /** The host the server listens on, as configured. */
    String host();

    /** The port the server listens on: the real one when port 0 was asked for. */
    int port();

    /**
     * Stops accepting connections, lets requests in flight finish for up to {@code grace}, then
     * closes whatever is left. Returns once the server has stopped.
     */
    void stop(Duration grace);
}
