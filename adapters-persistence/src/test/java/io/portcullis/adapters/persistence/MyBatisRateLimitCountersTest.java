package io.portcullis.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.contract.Concurrently;
import io.portcullis.application.contract.RateLimitCountersContract;
import io.portcullis.application.port.RateLimitCounters;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rate-limit counter contract on H2, on H2 in Oracle mode, on PostgreSQL and in memory, and
 * two nodes (two {@link Database}s, each with its own pool) counting on one PostgreSQL database.
 */
class MyBatisRateLimitCountersTest {

    @Nested
    class OnH2 extends Suite {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    class OnH2InOracleMode extends Suite {
        OnH2InOracleMode() {
            super(Backend.H2_ORACLE_MODE);
        }
    }

    @Nested
    class OnPostgreSQL extends Suite {
        OnPostgreSQL() {
            super(Backend.POSTGRESQL);
        }

        @Test
        void two_nodes_on_one_database_count_each_hit_once() throws InterruptedException {
            DatabaseSettings settings = Backend.POSTGRESQL.freshSettings();
            try (Database first = Database.open(settings); Database second = Database.open(settings)) {
                var nodes = List.of(new MyBatisRateLimitCounters(first), new MyBatisRateLimitCounters(second));
                String key = UUID.randomUUID().toString();
                Instant now = Instant.parse("2026-11-29T08:00:00Z");
                List<Callable<Object>> tasks = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    RateLimitCounters node = nodes.get(i % 2);
                    tasks.add(() -> node.increment("login-failed/1", key, now, Duration.ofMinutes(5)).hits());
                }

                List<Object> hits = Concurrently.run(tasks);

                assertThat(hits).doesNotHaveDuplicates().hasSize(40);
                assertThat(nodes.get(0).read("login-failed/1", key, now)).map(w -> w.hits()).contains(40L);
                assertThat(nodes.get(1).read("login-failed/1", key, now)).map(w -> w.hits()).contains(40L);
            }
        }
    }

    @Nested
    class InMemory extends RateLimitCountersContract {

        private final InMemoryRateLimitCounters counters = new InMemoryRateLimitCounters();

        @Override
        protected RateLimitCounters counters() {
            return counters;
        }

        @Test
        void ended_windows_are_purged() {
            Instant now = Instant.parse("2026-11-29T08:00:00Z");
            counters.increment("signup/0", "a", now, Duration.ofMinutes(1));
            counters.increment("signup/0", "b", now.plusSeconds(30), Duration.ofMinutes(1));

            assertThat(counters.purge(now.plusSeconds(60))).isEqualTo(1);

            assertThat(counters.size()).isEqualTo(1);
            assertThat(counters.read("signup/0", "b", now.plusSeconds(60))).isPresent();
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite extends RateLimitCountersContract {

        private final Database database;
        private final MyBatisRateLimitCounters counters;

        Suite(Backend backend) {
            database = TestDatabases.shared(backend);
            counters = new MyBatisRateLimitCounters(database);
        }

        @Override
        protected RateLimitCounters counters() {
            return counters;
        }

        @Test
        void only_digests_reach_the_table_and_a_long_key_is_refused() throws Exception {
            String key = "a".repeat(64);
            counters.increment("reset-password/1", key, Instant.parse("2026-11-29T08:00:00Z"), Duration.ofMinutes(1));

            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rate_limit_counters WHERE key_digest = '"
                            + key + "' AND bucket = 'reset-password/1'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> counters.increment("signup/0", "x".repeat(65), Instant.EPOCH, Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("xxx");
        }

        @Test
        void an_increment_joins_the_callers_transaction() {
            String key = UUID.randomUUID().toString();
            var transactions = new MyBatisTransactionRunner(database);
            Instant now = Instant.parse("2026-11-29T08:00:00Z");

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                counters.increment("signup/0", key, now, Duration.ofMinutes(1));
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(counters.read("signup/0", key, now)).isEmpty();
        }
    }
}
