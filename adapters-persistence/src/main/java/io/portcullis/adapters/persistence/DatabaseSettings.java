package io.portcullis.adapters.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

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

    /** {@code password=...} in URL parameters ({@code ;} for H2, {@code ?}/{@code &} for PostgreSQL). */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:^|[;?&:])[a-z_.]*password\\s*=)[^;&]*");
    /** Oracle's {@code jdbc:oracle:thin:user/password@...}. */
    private static final Pattern ORACLE_CREDENTIALS = Pattern.compile("(?i)^(jdbc:oracle:[a-z0-9]+:[^/@:]*)/[^@]*@");
    /** {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("//([^/:@?;]*):[^/@]*@");

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

    /**
     * The URL with every password it may carry replaced by {@code ****}: {@code password=}
     * parameters, Oracle's {@code user/password@}, {@code //user:password@}, and the configured
     * password wherever it appears. Safe for logs and messages.
     */
    public String redactedUrl() {
        String redacted = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        redacted = ORACLE_CREDENTIALS.matcher(redacted).replaceAll("$1/****@");
        redacted = USER_INFO.matcher(redacted).replaceAll("//$1:****@");
        return password.isEmpty() ? redacted : redacted.replace(password, "****");
    }

    /** {@code text} with the configured password, if any, replaced by {@code ****}. */
    String redact(String text) {
        return password.isEmpty() || text == null ? text : text.replace(password, "****");
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
