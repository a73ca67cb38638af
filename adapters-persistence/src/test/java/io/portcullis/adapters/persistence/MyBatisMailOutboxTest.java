package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.contract.Concurrently;
import io.portcullis.application.contract.MailOutboxContract;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.MailOutbox.QueuedMail;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mail outbox contract on H2, on H2 in Oracle mode and on PostgreSQL: one database per
 * backend, emptied before each test (the contract needs an empty outbox).
 */
class MyBatisMailOutboxTest {

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
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite extends MailOutboxContract {

        private static final Duration LEASE = Duration.ofMinutes(5);

        private final DatabaseSettings settings;
        private final Database database;
        private final MyBatisMailOutbox outbox;
        private final MyBatisAccountStore accounts;
        private final MyBatisTransactionRunner transactions;

        Suite(Backend backend) {
            settings = backend.freshSettings();
            database = Database.open(settings);
            outbox = new MyBatisMailOutbox(database);
            accounts = new MyBatisAccountStore(database);
            transactions = new MyBatisTransactionRunner(database);
        }

        @BeforeEach
        void empty() {
            TestDatabases.deleteAllRows(database);
        }

        @Override
        protected MailOutbox outbox() {
            return outbox;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }

        @Override
        protected Optional<Inspection> inspect(long id) {
            return query("SELECT status, attempts, last_error FROM mail_outbox WHERE id = ?", id,
                    rs -> new Inspection(State.valueOf(rs.getString(1)), rs.getInt(2),
                            Optional.ofNullable(rs.getString(3))));
        }

        @AfterAll
        void close() {
            database.close();
        }

        // ---------------------------------------------------------------- the outbox and transactions

        @Test
        void a_message_queued_in_a_transaction_that_rolls_back_does_not_exist() {
            NewAccount candidate = newAccount().build();
            var failure = new IllegalStateException("the change failed after queueing its mail");

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                Account stored = accounts.add(candidate);
                outbox.enqueue(mail(stored.email().orElseThrow()), NOW);
                throw failure;
            })).isSameAs(failure);

            assertThat(accounts.findByEmail(candidate.email().orElseThrow())).isEmpty();
            assertThat(rowCount()).isZero();
            assertThat(outbox.claimDue(10, NOW.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        }

        @Test
        void a_message_queued_in_a_transaction_that_commits_exists_with_the_change() {
            NewAccount candidate = newAccount().build();

            transactions.inTransaction(() -> {
                Account stored = accounts.add(candidate);
                outbox.enqueue(mail(stored.email().orElseThrow()), NOW);
            });

            assertThat(accounts.findByEmail(candidate.email().orElseThrow())).isPresent();
            assertThat(outbox.claimDue(10, NOW, LEASE)).singleElement()
                    .satisfies(q -> assertThat(q.mail().to()).isEqualTo(candidate.email().orElseThrow()));
        }

        @Test
        void a_queued_message_is_invisible_to_dispatchers_until_its_transaction_commits() {
            transactions.inTransaction(() -> {
                outbox.enqueue(mail(), NOW);
                assertThat(fromAnotherThread(() -> outbox.claimDue(10, NOW, LEASE))).isEmpty();
            });

            assertThat(fromAnotherThread(() -> outbox.claimDue(10, NOW, LEASE))).hasSize(1);
        }

        @Test
        void a_claim_inside_a_transaction_that_rolls_back_is_undone() {
            outbox.enqueue(mail(), NOW);

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                assertThat(outbox.claimDue(10, NOW, LEASE)).hasSize(1);
                throw new IllegalStateException("the outer work failed");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(outbox.claimDue(10, NOW, LEASE)).as("due again at once").hasSize(1);
        }

        @Test
        void a_claim_inside_a_transaction_holds_off_other_dispatchers_and_lasts_after_the_commit() {
            outbox.enqueue(mail(), NOW);
            outbox.enqueue(mail(), NOW);

            List<QueuedMail> mine = transactions.inTransaction(() -> {
                List<QueuedMail> claimed = outbox.claimDue(1, NOW, LEASE);
                assertThat(fromAnotherThread(() -> outbox.claimDue(10, NOW, LEASE)))
                        .extracting(QueuedMail::id).doesNotContainAnyElementsOf(ids(claimed));
                return claimed;
            });

            assertThat(mine).hasSize(1);
            assertThat(outbox.claimDue(10, NOW.plusSeconds(1), LEASE)).extracting(QueuedMail::id)
                    .doesNotContainAnyElementsOf(ids(mine));
        }

        @Test
        void dispatchers_on_two_nodes_never_claim_the_same_message() throws Exception {
            for (int i = 0; i < 60; i++) {
                outbox.enqueue(mail(), NOW.plusMillis(i % 5));
            }
            try (Database otherNode = Database.open(settings)) {
                List<MailOutbox> dispatchers = List.of(outbox, new MyBatisMailOutbox(otherNode));
                Instant now = NOW.plusSeconds(1);
                List<Callable<Object>> claimers = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    MailOutbox dispatcher = dispatchers.get(t % 2);
                    claimers.add(() -> {
                        List<Long> mine = new ArrayList<>();
                        for (int round = 0; round < 15; round++) {
                            for (QueuedMail q : dispatcher.claimDue(2, now, Duration.ofHours(1))) {
                                mine.add(q.id());
                                dispatcher.markSent(q.id(), now);
                            }
                        }
                        return mine;
                    });
                }

                List<Object> outcomes = Concurrently.run(claimers);

                List<Long> claimed = new ArrayList<>();
                for (Object outcome : outcomes) {
                    assertThat(outcome).as("no dispatcher failed").isInstanceOf(List.class);
                    ((List<?>) outcome).forEach(id -> claimed.add((Long) id));
                }
                outbox.claimDue(100, now, Duration.ofHours(1)).forEach(q -> claimed.add(q.id()));
                assertThat(claimed).doesNotHaveDuplicates().hasSize(60);
            }
        }

        // ---------------------------------------------------------------- what the table keeps

        @Test
        void a_sent_message_keeps_what_it_was_and_to_whom_but_not_its_links() {
            OutgoingMail mail = mail();
            outbox.enqueue(mail, NOW);
            long id = outbox.claimDue(1, NOW, LEASE).getFirst().id();

            outbox.markSent(id, NOW.plusSeconds(3));

            assertThat(query("SELECT kind, recipient, variables, sent_at, claimed_until FROM mail_outbox WHERE id = ?",
                    id, rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                            String.valueOf(rs.getObject(4, java.time.OffsetDateTime.class).toInstant()),
                            String.valueOf(rs.getObject(5)))))
                    .contains(List.of("PASSWORD_RESET", mail.to().value(), "{}", NOW.plusSeconds(3).toString(), "null"));
        }

        @Test
        void a_long_error_is_cut_to_the_width_of_its_column() {
            outbox.enqueue(mail(), NOW);
            long id = outbox.claimDue(1, NOW, LEASE).getFirst().id();
            String error = "x".repeat(MyBatisMailOutbox.MAX_ERROR_LENGTH - 1) + "🚀 and more";

            outbox.markFailed(id, error, Optional.empty(), NOW);

            assertThat(inspect(id).orElseThrow().lastError())
                    .contains("x".repeat(MyBatisMailOutbox.MAX_ERROR_LENGTH - 1));
        }

        @Test
        void errors_are_cut_without_splitting_a_character() {
            String exact = "y".repeat(MyBatisMailOutbox.MAX_ERROR_LENGTH);
            assertThat(MyBatisMailOutbox.truncate(exact)).isSameAs(exact);
            assertThat(MyBatisMailOutbox.truncate(exact + "z")).isEqualTo(exact);
            String pairAcrossTheEdge = "y".repeat(MyBatisMailOutbox.MAX_ERROR_LENGTH - 1) + "🚀";
            assertThat(MyBatisMailOutbox.truncate(pairAcrossTheEdge)).hasSize(MyBatisMailOutbox.MAX_ERROR_LENGTH - 1);
        }

        // ---------------------------------------------------------------- helpers

        private static OutgoingMail mail() {
            return mail(new EmailAddress("someone." + System.nanoTime() + "@example.com"));
        }

        private static OutgoingMail mail(EmailAddress to) {
            return new OutgoingMail(MailKind.PASSWORD_RESET, to, "en",
                    Map.of("password_reset_url", "https://example.com/reset/" + System.nanoTime()));
        }

        private static List<Long> ids(List<QueuedMail> claimed) {
            return claimed.stream().map(QueuedMail::id).toList();
        }

        private int rowCount() {
            return query("SELECT COUNT(*) FROM mail_outbox WHERE id > ?", 0L, rs -> rs.getInt(1)).orElseThrow();
        }

        private interface Row<T> {
            T read(ResultSet rs) throws SQLException;
        }

        private <T> Optional<T> query(String sql, long id, Row<T> row) {
            try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }

        private static <T> T fromAnotherThread(Supplier<T> work) {
            return CompletableFuture.supplyAsync(work).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
