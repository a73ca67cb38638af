package io.portcullis.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
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
 * {@link MyBatisOneTimeTokenStore}, {@link MyBatisMailOutbox}, {@link MyBatisTransactionRunner}
 * and {@link Housekeeping}, and close it at shutdown.
 */
public final class Database implements AutoCloseable {

    private final Vendor vendor;
    private final HikariDataSource dataSource;
    private final SqlSessionManager sessions;
    private final int migrationsExecuted;

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
     * @throws PersistenceFailureException when the database cannot be reached or migrated
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Vendor vendor = settings.vendor();
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new PersistenceFailureException("connecting to the " + vendor.id() + " database",
                    e.getClass().getSimpleName(), null, true, e);
        }
        try {
            int executed = migrate(vendor, dataSource);
            return new Database(vendor, dataSource, SqlSessionManager.newInstance(
                    new SqlSessionFactoryBuilder().build(myBatis(vendor, dataSource))), executed);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The URL to connect with. An embedded H2 database would close itself in its own JVM shutdown
     * hook, under requests and mail still in flight; the service closes the pool itself instead.
     */
    static String jdbcUrl(DatabaseSettings settings) {
        String url = settings.url();
        boolean h2 = settings.vendor() == Vendor.H2;
        return h2 && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")
                ? url + ";DB_CLOSE_ON_EXIT=FALSE"
                : url;
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("portcullis-" + settings.vendor().id());
        config.setJdbcUrl(jdbcUrl(settings));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        return config;
    }

    private static int migrate(Vendor vendor, DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(vendor.migrationLocation())
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            // Flyway's messages name scripts and statements of our own migrations, no user data.
            throw new PersistenceFailureException("migrating the " + vendor.id() + " schema from "
                    + vendor.migrationLocation(), String.valueOf(e.getMessage()), null, false, e);
        }
    }

    private static Configuration myBatis(Vendor vendor, DataSource dataSource) {
        Configuration configuration = new Configuration(
                new Environment("portcullis", new JdbcTransactionFactory(), dataSource));
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

    /** True when a connection can be borrowed and answers within {@code timeoutSeconds}. */
    public boolean isHealthy(int timeoutSeconds) {
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
