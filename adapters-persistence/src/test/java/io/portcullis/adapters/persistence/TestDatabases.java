package io.portcullis.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Databases for tests, on each backend the adapter is tested on: H2, H2 in Oracle mode (the
 * Oracle migrations and statements), and a real PostgreSQL server that the tests start themselves
 * (see {@link EmbeddedPostgresServer}).
 */
final class TestDatabases {

    /** Where the adapter's tests run. */
    enum Backend {
        H2,
        H2_ORACLE_MODE,
        POSTGRESQL;

        /** Settings of a new, empty database of this backend. */
        DatabaseSettings freshSettings() {
            return switch (this) {
                case H2 -> settings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
                case H2_ORACLE_MODE -> settings("jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa");
                case POSTGRESQL -> settings(EmbeddedPostgres.shared().createDatabase(), EmbeddedPostgres.USER);
            };
        }

        /** The vendor the adapter takes this backend for. */
        Vendor vendor() {
            return this == H2 ? Vendor.H2 : this == H2_ORACLE_MODE ? Vendor.ORACLE : Vendor.POSTGRESQL;
        }
    }

    /** Connections a test database's pool may open: enough for the 50-thread concurrency tests. */
    static final int POOL_SIZE = 60;

    private static final Map<Backend, Database> SHARED = new EnumMap<>(Backend.class);

    private TestDatabases() {}

    static DatabaseSettings settings(String url, String user) {
        return new DatabaseSettings(url, user, "", POOL_SIZE, Duration.ofSeconds(10));
    }

    /** A fresh in-memory H2 database. */
    static DatabaseSettings inMemory() {
        return Backend.H2.freshSettings();
    }

    /** A fresh in-memory H2 database, opened. */
    static Database open() {
        return open(Backend.H2);
    }

    /** A fresh database of {@code backend}, opened; the caller closes it. */
    static Database open(Backend backend) {
        return Database.open(backend.freshSettings());
    }

    /**
     * One database per backend for the whole test run, for tests whose data never collides
     * (unique names in every test). Never closed: it lives as long as the test JVM.
     */
    static synchronized Database shared(Backend backend) {
        return SHARED.computeIfAbsent(backend, TestDatabases::open);
    }

    /** Deletes every row of every table, children first, so a test reusing a database starts empty. */
    static void deleteAllRows(Database database) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"audit_events", "social_accounts", "mail_outbox", "one_time_tokens",
                    "refresh_tokens", "sessions", "accounts", "rate_limit_counters"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not empty the test database", e);
        }
    }
}
