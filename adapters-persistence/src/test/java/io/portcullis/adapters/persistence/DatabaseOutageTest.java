package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.port.StoreUnavailableException;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL server goes away under a running {@link Database} and comes back: while it is
 * down every store answers {@link StoreUnavailableException} (the REST edge's 503) within the
 * connection timeout and the health check says no, quickly; once it is back the same
 * {@code Database} works again, with nothing recreated.
 */
class DatabaseOutageTest {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);

    @Test
    void the_stores_report_an_outage_as_unavailable_and_recover_when_the_database_returns(@TempDir Path dir)
            throws IOException {
        int port = freePort();
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres server = EmbeddedPostgres.startKeeping(data, port);
        Database database = null;
        try {
            String url = server.createDatabase();
            database = Database.open(new DatabaseSettings(url, EmbeddedPostgres.USER, "", 5, CONNECTION_TIMEOUT));
            MyBatisAccountStore accounts = new MyBatisAccountStore(database);
            MyBatisSessionStore sessions = new MyBatisSessionStore(database);
            MyBatisMailOutbox outbox = new MyBatisMailOutbox(database);
            MyBatisTransactionRunner transactions = new MyBatisTransactionRunner(database);
            Housekeeping housekeeping = new Housekeeping(database);
            MyBatisAuditTrail audit = new MyBatisAuditTrail(database);
            Account before = accounts.add(newAccount().build());
            assertThat(database.isHealthy(2)).isTrue();

            server.close();

            assertThatThrownBy(() -> accounts.findById(before.id())).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("finding an account by id failed: the database is unavailable");
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                Account added = accounts.add(newAccount().build());
                return sessions.open(added.id(), NOW);
            })).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> outbox.claimDue(10, NOW, Duration.ofMinutes(1)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> housekeeping.purge(NOW, Housekeeping.Retention.defaults()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> audit.record(AuthenticationEvent.succeeded(
                    AuthenticationEventType.LOGIN_SUCCEEDED, NOW, before.id(), ClientDetails.unknown())))
                    .isInstanceOf(StoreUnavailableException.class);
            long started = System.nanoTime();
            assertThatThrownBy(() -> accounts.findByEmail(new EmailAddress("someone@example.com")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageNotContaining("someone@example.com");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a request waits at most about the timeout")
                    .isLessThan(CONNECTION_TIMEOUT.plusSeconds(2));
            started = System.nanoTime();
            assertThat(database.isHealthy(1)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

            server = EmbeddedPostgres.startKeeping(data, port);

            Database same = database;
            Account found = eventually(() -> accounts.findById(before.id()).orElseThrow());
            assertThat(found.id()).isEqualTo(before.id());
            assertThat(eventually(() -> same.isHealthy(2) ? Boolean.TRUE : null)).isTrue();
            Account after = transactions.inTransaction(() -> {
                Account added = accounts.add(newAccount().build());
                sessions.open(added.id(), NOW);
                return added;
            });
            assertThat(accounts.findById(after.id())).isPresent();
            outbox.enqueue(new OutgoingMail(MailKind.PASSWORD_RESET, new EmailAddress("back@example.com"), "en",
                    Map.of()), NOW);
            assertThat(outbox.claimDue(10, NOW, Duration.ofMinutes(1))).hasSize(1);
        } finally {
            if (database != null) {
                database.close();
            }
            server.close();
        }
    }

    /** The value of {@code work} once it stops failing with StoreUnavailableException (and is not null), within 15 s. */
    private static <T> T eventually(Supplier<T> work) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                T value = work.get();
                if (value != null) {
                    return value;
                }
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still failing after 15 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
