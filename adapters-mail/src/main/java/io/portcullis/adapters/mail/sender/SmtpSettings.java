package io.portcullis.adapters.mail.sender;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach the SMTP server (Django's EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS,
 * EMAIL_USE_SSL, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_TIMEOUT).
 *
 * @param host the server's host name or address
 * @param port its port (25, 587 for STARTTLS, 465 for SSL)
 * @param security plain, upgraded with STARTTLS (required, never silently skipped), or TLS from the start
 * @param username the login, when the server wants one
 * @param password the password of that login
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for each answer of the server
 * @param writeTimeout how long writing to the server may block
 */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        Optional<String> username,
        Optional<String> password,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How the connection is protected. */
    public enum Security {
        NONE,
        STARTTLS,
        SSL;

        /** {@code none}, {@code starttls} or {@code ssl}; anything else fails with the accepted values. */
        public static Security fromKey(String key) {
            for (Security value : values()) {
                if (value.name().equalsIgnoreCase(key == null ? "" : key.strip())) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown SMTP security '" + key + "': use none, starttls or ssl");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SmtpSettings {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the SMTP host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535");
        }
        username = username.filter(value -> !value.isEmpty());
        password = password.filter(value -> !value.isEmpty());
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("an SMTP password needs a user name");
        }
        requirePositive(connectTimeout, "connect");
        requirePositive(readTimeout, "read");
        requirePositive(writeTimeout, "write");
    }

    /** localhost:25, no TLS, no login, 10 s timeouts: Django's defaults with a timeout added. */
    public static SmtpSettings defaults() {
        return of("localhost", 25, Security.NONE);
    }

    /** A server without login and with the default timeouts. */
    public static SmtpSettings of(String host, int port, Security security) {
        return new SmtpSettings(host, port, security, Optional.empty(), Optional.empty(),
                DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    public SmtpSettings withLogin(String user, String secret) {
        return new SmtpSettings(host, port, security, Optional.of(user), Optional.of(secret),
                connectTimeout, readTimeout, writeTimeout);
    }

    public SmtpSettings withTimeouts(Duration connect, Duration read, Duration write) {
        return new SmtpSettings(host, port, security, username, password, connect, read, write);
    }

    /** host:port, as error messages name the server. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + address() + ", " + security.key()
                + username.map(user -> ", user " + user).orElse("")
                + (password.isPresent() ? ", password ****" : "")
                + ", timeouts " + connectTimeout + "/" + readTimeout + "/" + writeTimeout + "]";
    }

    private static void requirePositive(Duration timeout, String which) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the SMTP " + which + " timeout must be positive");
        }
        if (timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the SMTP " + which + " timeout is too long");
        }
    }
}
