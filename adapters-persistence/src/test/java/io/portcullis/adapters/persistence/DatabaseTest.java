package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static final List<String> MIGRATIONS = List.of("1", "2");

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
    void reports_its_vendor_and_health() {
        Database database = TestDatabases.open();
        assertThat(database.vendor()).isEqualTo(Vendor.H2);
        assertThat(database.isHealthy(2)).isTrue();

        database.close();

        assertThat(database.isHealthy(2)).isFalse();
    }

    @Test
    void a_vendor_without_migrations_or_driver_fails_to_open_with_a_clear_message() {
        var settings = new DatabaseSettings("jdbc:postgresql://localhost:1/portcullis?password=hunter2", "u",
                "hunter2", 1, Duration.ofMillis(300));

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(PersistenceFailureException.class)
                .hasMessageStartingWith("connecting to the postgresql database failed")
                .hasMessageNotContaining("hunter2");
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
    }

    @Test
    void embeddedH2IsClosedByTheServiceNotByItsShutdownHook() {
        var settings = DatabaseSettings.defaults();
        org.assertj.core.api.Assertions.assertThat(Database.jdbcUrl(settings)).endsWith(";DB_CLOSE_ON_EXIT=FALSE");
        var explicit = settings.withUrl("jdbc:h2:mem:x;DB_CLOSE_ON_EXIT=TRUE");
        org.assertj.core.api.Assertions.assertThat(Database.jdbcUrl(explicit)).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_ON_EXIT=TRUE");
    }
}
