package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.port.StoreUnavailableException;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountFixtures;
import io.portcullis.domain.session.SessionId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    /** The versions of the H2 migrations, in order. */
    private static final List<String> MIGRATIONS = List.of("1", "2", "3", "4", "5", "6", "7");

    @Test
    void the_default_file_database_keeps_its_data_across_close_and_reopen(@TempDir Path dir) {
        String url = DatabaseSettings.DEFAULT_URL.replace("./data", dir.toString().replace('\\', '/') + "/data");
        assertThat(url).startsWith("jdbc:h2:file:").endsWith("/data/portcullis;AUTO_SERVER=FALSE");
        DatabaseSettings settings = DatabaseSettings.defaults().withUrl(url);
        Account stored;
        SessionId session;
        try (Database first = Database.open(settings)) {
            assertThat(first.migrationsExecuted()).isEqualTo(MIGRATIONS.size());
            stored = new MyBatisAccountStore(first).add(newAccount().profile("gender", "F").build());
            session = new MyBatisSessionStore(first).open(stored.id(), AccountFixtures.NOW);
        }

        try (Database second = Database.open(settings)) {
            assertThat(second.migrationsExecuted()).isZero();
            assertThat(new MyBatisAccountStore(second).findById(stored.id()))
                    .hasValueSatisfying(a -> assertThat(a.profile().values()).containsEntry("gender", "F"));
            assertThat(new MyBatisSessionStore(second).isActive(session)).isTrue();
        }
        assertThat(dir.resolve("data/portcullis.mv.db")).exists();
    }

    @Test
    void migrations_run_once_and_reopening_applies_nothing() throws Exception {
        DatabaseSettings settings = TestDatabases.inMemory();
        try (Database first = Database.open(settings); Database second = Database.open(settings)) {
            assertThat(first.migrationsExecuted()).isEqualTo(MIGRATIONS.size());
            assertThat(second.migrationsExecuted()).isZero();
            List<String> applied = new ArrayList<>();
            try (Connection c = second.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                            + " WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            assertThat(applied).as("each migration applied once").isEqualTo(MIGRATIONS);
        }
    }

    @Test
    void each_backend_runs_the_migrations_of_its_own_dialect() throws Exception {
        assertThat(columnType(Backend.H2, "accounts", "email_verified")).isEqualTo("BOOLEAN");
        assertThat(columnType(Backend.H2, "accounts", "profile")).isEqualTo("CHARACTER LARGE OBJECT");
        assertThat(columnType(Backend.H2_ORACLE_MODE, "accounts", "email_verified")).isEqualTo("NUMERIC");
        assertThat(columnType(Backend.H2_ORACLE_MODE, "mail_outbox", "last_error"))
                .isEqualTo("CHARACTER LARGE OBJECT");
        assertThat(columnType(Backend.POSTGRESQL, "accounts", "email_verified")).isEqualTo("bool");
        assertThat(columnType(Backend.POSTGRESQL, "accounts", "profile")).isEqualTo("text");
        assertThat(columnType(Backend.POSTGRESQL, "accounts", "created_at")).isEqualTo("timestamptz");
        for (Backend backend : Backend.values()) {
            assertThat(TestDatabases.shared(backend).vendor()).isEqualTo(backend.vendor());
        }
    }

    private static String columnType(Backend backend, String table, String column) throws Exception {
        try (Connection c = TestDatabases.shared(backend).dataSource().getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)
                        && rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return rs.getString("TYPE_NAME");
                }
            }
        }
        throw new AssertionError(table + "." + column + " not found on " + backend);
    }

    @Test
    void the_health_check_answers_within_its_timeout_even_when_the_pool_waits_longer() {
        // A closed port: the pool would wait its whole 10 s connection timeout for a connection.
        var settings = new DatabaseSettings("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 1, Duration.ofSeconds(10));
        try (Database database = Database.open(settings)) {
            try (Connection held = database.dataSource().getConnection()) {
                long started = System.nanoTime();
                assertThat(database.isHealthy(1)).as("the only connection is taken").isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            assertThat(database.isHealthy(5)).isTrue();
        }
    }

    @Test
    void reports_its_vendor_and_health() {
        Database database = TestDatabases.open();
        assertThat(database.vendor()).isEqualTo(Vendor.H2);
        assertThat(database.isHealthy(2)).isTrue();

        database.close();

        assertThat(database.isHealthy(2)).isFalse();
    }

    @Test
    void an_unreachable_database_fails_to_open_with_one_line_naming_the_url_without_its_password() {
        var settings = new DatabaseSettings("jdbc:postgresql://localhost:1/portcullis?user=u&password=hunter2", "u",
                "hunter2", 1, Duration.ofMillis(300));

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot connect to the postgresql database at "
                        + "jdbc:postgresql://localhost:1/portcullis?user=u&password=**** as user u within 300 ms: ")
                .hasMessageContaining("localhost:1")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("\n")
                .hasNoCause();
    }

    @Test
    void an_unknown_host_is_named_in_the_message() {
        var settings = new DatabaseSettings("jdbc:postgresql://no-such-host.invalid:5432/portcullis", "u", "", 1,
                Duration.ofMillis(300));

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void an_oracle_url_on_a_closed_port_fails_the_same_way() {
        var settings = new DatabaseSettings("jdbc:oracle:thin:scott/tiger@//localhost:1/FREEPDB1", "scott", "tiger",
                1, Duration.ofMillis(500));

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot connect to the oracle database at "
                        + "jdbc:oracle:thin:scott/****@//localhost:1/FREEPDB1 as user scott")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void passwords_are_taken_out_of_every_kind_of_url() {
        assertThat(redacted("jdbc:h2:file:./data/x;PASSWORD=s3cret;MODE=Oracle", ""))
                .isEqualTo("jdbc:h2:file:./data/x;PASSWORD=****;MODE=Oracle");
        assertThat(redacted("jdbc:postgresql://db/p?sslpassword=a1&password=b2&ssl=true", ""))
                .isEqualTo("jdbc:postgresql://db/p?sslpassword=****&password=****&ssl=true");
        assertThat(redacted("jdbc:oracle:thin:app/Pa55@db.example.com:1521/ORCL", ""))
                .isEqualTo("jdbc:oracle:thin:app/****@db.example.com:1521/ORCL");
        assertThat(redacted("jdbc:postgresql://app:Pa55@db/p", "")).isEqualTo("jdbc:postgresql://app:****@db/p");
        assertThat(redacted("jdbc:postgresql://db/p?options=-c%20x=Pa55word", "Pa55word"))
                .isEqualTo("jdbc:postgresql://db/p?options=-c%20x=****");
        assertThat(redacted("jdbc:postgresql://db:5432/portcullis", "")).isEqualTo("jdbc:postgresql://db:5432/portcullis");
    }

    private static String redacted(String url, String password) {
        return new DatabaseSettings(url, "u", password, 1, Duration.ofSeconds(1)).redactedUrl();
    }

    @Test
    void settings_refuse_nonsense_and_never_print_the_password() {
        var settings = new DatabaseSettings("jdbc:h2:mem:x", "sa", "s3cret", 4, Duration.ofSeconds(2));

        assertThat(settings.toString()).doesNotContain("s3cret").contains("****");
        assertThat(settings.vendor()).isEqualTo(Vendor.H2);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlserver://x;password=s3cret", "sa", "", 4,
                Duration.ofSeconds(2)))
                .hasMessageContaining("jdbc:sqlserver:").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new DatabaseSettings("h2:mem:x", "sa", "", 4, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", 0, Duration.ofSeconds(2)))
                .hasMessageContaining("pool size");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", 1, Duration.ofMillis(10)))
                .hasMessageContaining("timeout");
    }

    @Test
    void the_vendor_follows_the_url_scheme_in_any_case() {
        assertThat(Vendor.fromUrl("jdbc:h2:file:./data/x")).isEqualTo(Vendor.H2);
        assertThat(Vendor.fromUrl("JDBC:PostgreSQL://db/portcullis")).isEqualTo(Vendor.POSTGRESQL);
        assertThat(Vendor.fromUrl("jdbc:oracle:thin:@//db:1521/FREEPDB1")).isEqualTo(Vendor.ORACLE);
        assertThat(Vendor.ORACLE.migrationLocation()).isEqualTo("classpath:db/migration/oracle");
        assertThat(Vendor.fromUrl("jdbc:h2:mem:x;MODE=Oracle;DB_CLOSE_DELAY=-1")).isEqualTo(Vendor.ORACLE);
        assertThat(Vendor.fromUrl("jdbc:h2:mem:x;mode=oracle")).isEqualTo(Vendor.ORACLE);
        assertThat(Vendor.fromUrl("jdbc:h2:mem:x;MODE=PostgreSQL")).isEqualTo(Vendor.H2);
        assertThat(Vendor.fromUrl("jdbc:h2:mem:x;MODE=OracleLike")).isEqualTo(Vendor.H2);
    }

    @Test
    void embeddedH2IsClosedByTheServiceNotByItsShutdownHook() {
        var settings = DatabaseSettings.defaults();
        org.assertj.core.api.Assertions.assertThat(Database.jdbcUrl(settings)).endsWith(";DB_CLOSE_ON_EXIT=FALSE");
        var explicit = settings.withUrl("jdbc:h2:mem:x;DB_CLOSE_ON_EXIT=TRUE");
        org.assertj.core.api.Assertions.assertThat(Database.jdbcUrl(explicit)).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_ON_EXIT=TRUE");
    }
}
