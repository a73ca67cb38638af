package io.portcullis.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.portcullis.application.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.session.SqlSessionManager;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * An open database: the connection pool, the schema brought up to date by Flyway, and the MyBatis
 * session manager that the stores and the transaction runner share. Build one per deployment with
 * {@link #open}, hand it to {@link MyBatisAccountStore}, {@link MyBatisSessionStore},
 * {@link MyBatisOneTimeTokenStore}, {@link MyBatisMailOutbox}, {@link MyBatisRateLimitCounters},
 * {@link MyBatisAuditTrail}, {@link MyBatisSocialAccountStore},
 * {@link MyBatisTransactionRunner} and {@link Housekeeping}, and close it at shutdown.
 *
 * <p>When the database goes away while the service runs, the stores throw
 * {@link StoreUnavailableException}, {@link #isHealthy} answers false, and once the database is
 * back the pool opens new connections by itself: the same {@code Database} works again.
 */
public final class Database implements AutoCloseable {

    /** Driver socket read timeout for PostgreSQL and Oracle, unless the URL sets one. */
    static final int SOCKET_TIMEOUT_SECONDS = 60;

    private final Vendor vendor;
    private final HikariDataSource dataSource;
    private final SqlSessionManager sessions;
    private final int migrationsExecuted;
    private CompletableFuture<Boolean> healthCheck;

    private Database(Vendor vendor, HikariDataSource dataSource, SqlSessionManager sessions, int migrationsExecuted) {
        this.vendor = vendor;
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.migrationsExecuted = migrationsExecuted;
    }

    /**
     * Connects, migrates the schema ({@code db/migration/<vendor>} on the class path) and prepares
     * MyBatis. Returns only once the schema is current, so readiness can follow it.
     *
     * @throws StoreUnavailableException when no connection can be had within the connection
     *     timeout; its message is one line naming the vendor, the URL without its password, the
     *     user and the driver's reason
     * @throws PersistenceFailureException when the pool cannot be built or the schema cannot be
     *     migrated
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Vendor vendor = settings.vendor();
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new PersistenceFailureException("preparing the connection pool for the " + vendor.id()
                    + " database at " + settings.redactedUrl(), settings.redact(rootMessage(e)), null, false, null);
        }
        try {
            requireReachable(settings, dataSource);
            int executed = migrate(settings);
            return new Database(vendor, dataSource, SqlSessionManager.newInstance(
                    new SqlSessionFactoryBuilder().build(myBatis(vendor, dataSource))), executed);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Borrows one connection, waiting up to the connection timeout, so that an unreachable
     * database stops the start with one clear line instead of a pool's or Flyway's stack trace.
     */
    private static void requireReachable(DatabaseSettings settings, HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(validationSeconds(settings));
        } catch (SQLException e) {
            throw unreachable(settings, e);
        }
    }

    private static StoreUnavailableException unreachable(DatabaseSettings settings, Throwable e) {
        String user = settings.user().isEmpty() ? "" : " as user " + settings.user();
        return new StoreUnavailableException("cannot connect to the " + settings.vendor().id() + " database at "
                + settings.redactedUrl() + user + " within " + settings.connectionTimeout().toMillis() + " ms: "
                + settings.redact(rootMessage(e)), null);
    }

    /**
     * The most telling message of a failure chain, on one line: the innermost SQL exception's
     * (which names the host, the refused port or the failed login; the pool's own "not available,
     * request timed out" is skipped when it has a cause), followed by the root cause's when that
     * is something else (an unknown host). Driver messages about connecting carry no row values.
     */
    static String rootMessage(Throwable e) {
        String sql = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean poolTimeoutWithCause = t instanceof SQLTransientConnectionException && t.getCause() != null;
            if (t instanceof SQLException && !poolTimeoutWithCause) {
                sql = t.getMessage();
            }
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        String text;
        if (sql == null) {
            text = rootText;
        } else if (root instanceof SQLException || sql.contains(String.valueOf(root.getMessage()))) {
            text = sql;
        } else {
            text = sql + " (" + rootText + ")";
        }
        return text.replace('\n', ' ').replace('\r', ' ').strip();
    }

    /**
     * The URL to connect with. An embedded H2 database would close itself in its own JVM shutdown
     * hook, under requests and mail still in flight; the service closes the pool itself instead.
     */
    static String jdbcUrl(DatabaseSettings settings) {
        String url = settings.url();
        return Vendor.isH2(url) && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")
                ? url + ";DB_CLOSE_ON_EXIT=FALSE"
                : url;
    }

    /**
     * The pool: at most {@code maxPoolSize} connections, {@code min(2, maxPoolSize)} kept idle; a
     * borrower waits at most the connection timeout and then gets an exception (which the stores
     * turn into {@code StoreUnavailableException}). Hikari tests a connection before lending it
     * when it was idle for more than half a second, tests idle ones every two minutes and
     * replaces each after 30 minutes, so the pool gets over a database restart by itself. The
     * start checks the database once, with the connection timeout, instead of Hikari's fail-fast
     * check (which logs a stack trace). Driver defaults that the URL can override: PostgreSQL and
     * Oracle give up on a socket that stays silent for {@value #SOCKET_TIMEOUT_SECONDS} s, so a
     * vanished server cannot hold a request forever.
     */
    static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("portcullis-" + settings.vendor().id());
        config.setJdbcUrl(jdbcUrl(settings));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(5_000, settings.connectionTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        config.setAutoCommit(true);
        String url = settings.url().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
            config.addDataSourceProperty("connectTimeout",
                    String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("ApplicationName", "portcullis");
        } else if (url.startsWith("jdbc:oracle:")) {
            config.addDataSourceProperty("oracle.jdbc.ReadTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS * 1000));
            config.addDataSourceProperty("oracle.net.CONNECT_TIMEOUT",
                    String.valueOf(settings.connectionTimeout().toMillis()));
        }
        return config;
    }

    private static int validationSeconds(DatabaseSettings settings) {
        return (int) Math.max(1, Math.min(5, settings.connectionTimeout().toSeconds()));
    }

    /**
     * Runs Flyway on connections of its own, opened for the migration and closed after it:
     * Flyway may hold two at once, which a pool of one connection could never give it.
     */
    private static int migrate(DatabaseSettings settings) {
        Vendor vendor = settings.vendor();
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(jdbcUrl(settings), settings.user(), settings.password())
                    .locations(vendor.migrationLocation())
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            if (SqlFailures.unavailability(e).isPresent()) {
                throw unreachable(settings, e);
            }
            // Flyway's messages name scripts and statements of our own migrations, no user data.
            throw new PersistenceFailureException("migrating the " + vendor.id() + " schema from "
                    + vendor.migrationLocation(), String.valueOf(e.getMessage()), null, false, e);
        }
    }

    private static Configuration myBatis(Vendor vendor, DataSource dataSource) {
        Configuration configuration = new Configuration(
                new Environment("portcullis", new JdbcTransactionFactory(), dataSource));
        // The databaseId of vendor-specific statements: what a VendorDatabaseIdProvider would
        // derive from the connection, but taken from the URL, so H2 in Oracle mode speaks Oracle.
        configuration.setDatabaseId(vendor.id());
        // Each statement reads what is committed (or written by its own transaction) now, not a
        // result cached earlier in the same session.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.setDefaultStatementTimeout(30);
        configuration.getTypeHandlerRegistry().register(Instant.class, new UtcInstantTypeHandler());
        configuration.addMapper(AccountMapper.class);
        configuration.addMapper(SessionMapper.class);
        configuration.addMapper(OneTimeTokenMapper.class);
        configuration.addMapper(MailOutboxMapper.class);
        configuration.addMapper(HousekeepingMapper.class);
        configuration.addMapper(RateLimitCounterMapper.class);
        configuration.addMapper(AuditEventMapper.class);
        configuration.addMapper(SocialAccountMapper.class);
        return configuration;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The pooled data source, for health checks and tools; the stores do not need it. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** How many migrations {@link #open} applied: 0 when the schema was already current. */
    public int migrationsExecuted() {
        return migrationsExecuted;
    }

    /**
     * True when a connection can be borrowed and answers within {@code timeoutSeconds}. Never
     * takes much longer than that, even while the pool waits out its own connection timeout for
     * a database that is down: one check runs at a time, and callers that come while it runs
     * wait for its answer, each up to its own timeout.
     */
    public boolean isHealthy(int timeoutSeconds) {
        int seconds = Math.max(1, timeoutSeconds);
        CompletableFuture<Boolean> check;
        synchronized (this) {
            if (healthCheck == null || healthCheck.isDone()) {
                healthCheck = CompletableFuture.supplyAsync(() -> probe(seconds), runnable -> {
                    Thread thread = new Thread(runnable, "portcullis-database-health");
                    thread.setDaemon(true);
                    thread.start();
                });
            }
            check = healthCheck;
        }
        try {
            return check.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean probe(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The session manager the stores and the runner share: thread-bound transactions live here. */
    SqlSessionManager sessions() {
        return sessions;
    }

    /** Closes the pool; an embedded database closes with its last connection. */
    @Override
    public void close() {
        dataSource.close();
    }
}
