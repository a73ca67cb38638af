package io.portcullis.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how many connections to keep.
 *
 * @param url JDBC URL; its scheme picks the vendor (see {@link Vendor#fromUrl})
 * @param user user name, may be empty
 * @param password password, may be empty; never printed by {@link #toString()}
 * @param maxPoolSize most connections the pool opens, at least 1
 * @param connectionTimeout longest wait for a free connection, at least 250 ms
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize, Duration connectionTimeout) {

    /** The embedded H2 file database under {@code ./data}, so a new user needs no server. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/portcullis;AUTO_SERVER=FALSE";

    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must be a JDBC URL starting with jdbc:");
        }
        Vendor.fromUrl(url);
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("database max pool size must be at least 1, got " + maxPoolSize);
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("database connection timeout must be at least 250 ms, got "
                    + connectionTimeout.toMillis() + " ms");
        }
    }

    /** The defaults: {@link #DEFAULT_URL}, user {@code sa}, empty password, 10 connections, 10 s. */
    public static DatabaseSettings defaults() {
        return new DatabaseSettings(DEFAULT_URL, "sa", "", DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** These settings with another URL, the rest unchanged. */
    public DatabaseSettings withUrl(String newUrl) {
        return new DatabaseSettings(newUrl, user, password, maxPoolSize, connectionTimeout);
    }

    public Vendor vendor() {
        return Vendor.fromUrl(url);
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
