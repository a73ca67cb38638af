package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static io.portcullis.domain.onetime.OneTimeTokenPurpose.PASSWORD_RESET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.port.MailOutbox.QueuedMail;
import io.portcullis.application.port.SessionStore.Consumption;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Purges on H2, on H2 in Oracle mode and on PostgreSQL: one database per backend, emptied before
 * each test, so counts are exact.
 */
class HousekeepingTest {

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
    abstract static class Suite {

        private static final Instant CUTOFF = NOW.plus(Duration.ofDays(10));
        private static final Duration LEASE = Duration.ofMinutes(5);

        private final Database database;
        private final MyBatisAccountStore accounts;
        private final MyBatisSessionStore sessions;
        private final MyBatisOneTimeTokenStore tokens;
        private final MyBatisMailOutbox outbox;
        private final MyBatisAuditTrail audit;
        private final Housekeeping housekeeping;
        private final MyBatisRateLimitCounters counters;
        private AccountId account;

        Suite(Backend backend) {
            database = TestDatabases.open(backend);
            accounts = new MyBatisAccountStore(database);
            sessions = new MyBatisSessionStore(database);
            tokens = new MyBatisOneTimeTokenStore(database);
            audit = new MyBatisAuditTrail(database);
            outbox = new MyBatisMailOutbox(database);
            housekeeping = new Housekeeping(database);
            counters = new MyBatisRateLimitCounters(database);
        }

        @BeforeEach
        void emptyWithOneAccount() {
            TestDatabases.deleteAllRows(database);
            account = accounts.add(newAccount().build()).id();
        }

        @AfterAll
        void close() {
            database.close();
        }

        // ---------------------------------------------------------------- one-time tokens

        @Test
        void one_time_tokens_used_or_expired_before_the_cutoff_are_purged_and_the_rest_kept() {
            OneTimeToken usedLongAgo = token("used-long-ago", CUTOFF.plus(Duration.ofDays(30)));
            OneTimeToken usedAtCutoff = token("used-at-cutoff", CUTOFF.plus(Duration.ofDays(30)));
            OneTimeToken expiredLongAgo = token("expired-long-ago", CUTOFF.minusMillis(1));
            OneTimeToken expiresAtCutoff = token("expires-at-cutoff", CUTOFF);
            OneTimeToken live = token("live", CUTOFF.plus(Duration.ofDays(1)));
            tokens.consume(usedLongAgo.digest(), PASSWORD_RESET, CUTOFF.minusMillis(1));
            tokens.consume(usedAtCutoff.digest(), PASSWORD_RESET, CUTOFF);

            int purged = housekeeping.purgeOneTimeTokens(CUTOFF);

            assertThat(purged).isEqualTo(2);
            assertThat(tokens.find(usedLongAgo.digest(), PASSWORD_RESET)).isEmpty();
            assertThat(tokens.find(expiredLongAgo.digest(), PASSWORD_RESET)).isEmpty();
            assertThat(tokens.find(usedAtCutoff.digest(), PASSWORD_RESET)).isPresent();
            assertThat(tokens.find(expiresAtCutoff.digest(), PASSWORD_RESET)).isPresent();
            assertThat(tokens.consume(live.digest(), PASSWORD_RESET, CUTOFF)).isTrue();
        }

        @Test
        void a_purged_key_is_refused_as_a_used_one_is() {
            OneTimeToken used = token("purged", CUTOFF.plus(Duration.ofDays(30)));
            tokens.consume(used.digest(), PASSWORD_RESET, NOW);

            housekeeping.purgeOneTimeTokens(CUTOFF);

            assertThat(tokens.consume(used.digest(), PASSWORD_RESET, CUTOFF)).isFalse();
        }

        // ---------------------------------------------------------------- refresh tokens

        @Test
        void refresh_tokens_expired_before_the_cutoff_are_purged_used_or_not() {
            SessionId session = sessions.open(account, NOW);
            sessions.recordRefreshToken("expired-unused", session, account, CUTOFF.minusMillis(1));
            sessions.recordRefreshToken("expired-used", session, account, CUTOFF.minusMillis(1));
            sessions.consume("expired-used", NOW);
            sessions.recordRefreshToken("expires-at-cutoff", session, account, CUTOFF);

            int purged = housekeeping.purgeRefreshTokens(CUTOFF);

            assertThat(purged).isEqualTo(2);
            assertThat(sessions.consume("expired-unused", CUTOFF)).isEqualTo(Consumption.UNKNOWN);
            assertThat(sessions.consume("expired-used", CUTOFF)).isEqualTo(Consumption.UNKNOWN);
            assertThat(sessions.consume("expires-at-cutoff", CUTOFF)).isEqualTo(Consumption.CONSUMED);
            assertThat(sessions.isActive(session)).as("sessions are not purged").isTrue();
        }

        @Test
        void a_used_refresh_token_that_has_not_expired_stays_on_the_blacklist() {
            SessionId session = sessions.open(account, NOW);
            sessions.recordRefreshToken("used-long-ago-still-valid", session, account, CUTOFF.plus(Duration.ofDays(1)));
            sessions.consume("used-long-ago-still-valid", NOW);

            assertThat(housekeeping.purgeRefreshTokens(CUTOFF)).isZero();

            assertThat(sessions.isBlacklisted("used-long-ago-still-valid")).isTrue();
            assertThat(sessions.consume("used-long-ago-still-valid", CUTOFF)).isEqualTo(Consumption.ALREADY_USED);
        }

        // ---------------------------------------------------------------- sessions

        @Test
        void sessions_revoked_or_expired_before_the_cutoff_go_with_their_tokens_and_live_ones_stay() {
            SessionId revokedLongAgo = sessions.open(account, NOW);
            sessions.recordRefreshToken("of-revoked", revokedLongAgo, account, CUTOFF.plus(Duration.ofDays(1)));
            sessions.revoke(revokedLongAgo, CUTOFF.minusMillis(1));
            SessionId expiredLongAgo = sessions.open(account, NOW);
            sessions.recordRefreshToken("of-expired", expiredLongAgo, account, CUTOFF.minusMillis(1));
            SessionId revokedLately = sessions.open(account, NOW);
            sessions.revoke(revokedLately, CUTOFF);
            SessionId live = sessions.open(account, NOW);
            sessions.recordRefreshToken("of-live", live, account, CUTOFF.plus(Duration.ofDays(1)));
            SessionId keyed = sessions.openWithKey(account, NOW, io.portcullis.domain.session.ClientDetails.unknown(),
                    new io.portcullis.domain.session.SessionKey("key-" + System.nanoTime()));

            assertThat(housekeeping.purgeSessions(CUTOFF)).isEqualTo(2);

            assertThat(sessions.consume("of-revoked", CUTOFF)).isEqualTo(Consumption.UNKNOWN);
            assertThat(sessions.consume("of-expired", CUTOFF)).isEqualTo(Consumption.UNKNOWN);
            assertThat(sessions.activeSessions(account, CUTOFF)).extracting(s -> s.id())
                    .containsExactlyInAnyOrder(live, keyed);
            assertThat(sessions.isActive(revokedLately)).isFalse();
            assertThat(housekeeping.purgeSessions(CUTOFF.plusMillis(1))).isEqualTo(1);
        }

        // ---------------------------------------------------------------- sent mail

        @Test
        void mail_sent_before_the_cutoff_is_purged_and_failed_or_pending_mail_kept() {
            long sentLongAgo = queueAndClaim();
            outbox.markSent(sentLongAgo, CUTOFF.minusMillis(1));
            long sentAtCutoff = queueAndClaim();
            outbox.markSent(sentAtCutoff, CUTOFF);
            long failed = queueAndClaim();
            outbox.markFailed(failed, "550", Optional.empty(), NOW);
            long retrying = queueAndClaim();
            outbox.markFailed(retrying, "421", Optional.of(CUTOFF.plusSeconds(60)), NOW);
            outbox.enqueue(mail(), NOW);

            int purged = housekeeping.purgeSentMail(CUTOFF);

            assertThat(purged).isEqualTo(1);
            assertThat(statuses()).isEqualTo("FAILED,PENDING,PENDING,SENT");
            assertThat(outbox.claimDue(10, CUTOFF.plusSeconds(60), LEASE)).extracting(QueuedMail::id).contains(retrying);
        }

        // ---------------------------------------------------------------- rate-limit counters

        @Test
        void rate_limit_counters_whose_window_ended_are_purged_in_batches_and_open_ones_kept() {
            Housekeeping small = new Housekeeping(database, 2);
            for (int i = 0; i < 5; i++) {
                counters.increment("login-failed/0", "ended-" + i, CUTOFF.minusSeconds(60 + i), Duration.ofMinutes(1));
            }
            counters.increment("login-failed/0", "ends-at-cutoff", CUTOFF.minusSeconds(60), Duration.ofMinutes(1));
            counters.increment("login-failed/0", "open", CUTOFF.minusSeconds(59), Duration.ofMinutes(1));

            assertThat(small.purgeRateLimitCounters(CUTOFF)).isEqualTo(6);

            assertThat(counters.read("login-failed/0", "open", CUTOFF)).map(w -> w.hits()).contains(1L);
            assertThat(counters.increment("login-failed/0", "open", CUTOFF, Duration.ofMinutes(1)).hits()).isEqualTo(2);
            assertThat(counters.increment("login-failed/0", "ended-0", CUTOFF, Duration.ofMinutes(1)).hits())
                    .isEqualTo(1);
        }

        // ---------------------------------------------------------------- audit events

        @Test
        void audit_events_older_than_the_cutoff_are_purged_and_the_rest_kept() {
            event(CUTOFF.minusSeconds(3600));
            event(CUTOFF.minusMillis(1));
            AuthenticationEvent atCutoff = event(CUTOFF);
            AuthenticationEvent later = event(CUTOFF.plusSeconds(1));

            assertThat(housekeeping.purgeAuditEvents(CUTOFF)).isEqualTo(2);

            assertThat(audit.recordedBetween(NOW, CUTOFF.plus(Duration.ofDays(1)))).containsExactly(atCutoff, later);
        }

        // ---------------------------------------------------------------- batches

        @Test
        void a_purge_larger_than_a_batch_runs_batch_after_batch_until_nothing_is_left() {
            Housekeeping small = new Housekeeping(database, 2);
            SessionId session = sessions.open(account, NOW);
            for (int i = 0; i < 5; i++) {
                sessions.recordRefreshToken("expired-" + i, session, account, CUTOFF.minusSeconds(i + 1));
                token("ended-" + i, CUTOFF.minusSeconds(i + 1));
                long sent = queueAndClaim();
                outbox.markSent(sent, CUTOFF.minusSeconds(i + 1));
                event(CUTOFF.minusSeconds(i + 1));
            }
            sessions.recordRefreshToken("live", session, account, CUTOFF.plusSeconds(1));

            assertThat(small.purge(CUTOFF, new Housekeeping.Retention(Duration.ZERO, Duration.ZERO, Duration.ZERO,
                    Duration.ZERO))).isEqualTo(new Housekeeping.Purged(5, 5, 5, 0, 0, 5));
            assertThat(sessions.consume("live", CUTOFF)).isEqualTo(Consumption.CONSUMED);
            assertThat(statuses()).isEmpty();
            assertThatThrownBy(() -> new Housekeeping(database, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        // ---------------------------------------------------------------- all together

        @Test
        void purge_applies_each_retention_from_now_and_reports_the_counts() {
            Instant now = CUTOFF.plus(Duration.ofDays(7));
            token("expired", CUTOFF.minusMillis(1));
            SessionId session = sessions.open(account, NOW);
            sessions.recordRefreshToken("expired-refresh", session, account, now.minus(Duration.ofDays(1)).minusMillis(1));
            long sent = queueAndClaim();
            outbox.markSent(sent, CUTOFF.minusMillis(1));
            event(now.minus(Duration.ofDays(365)).minusMillis(1));
            event(now.minus(Duration.ofDays(365)));

            counters.increment("signup/0", "ended", now.minusSeconds(61), Duration.ofMinutes(1));

            Housekeeping.Purged purged = housekeeping.purge(now, Housekeeping.Retention.defaults());

            assertThat(purged).isEqualTo(new Housekeeping.Purged(1, 1, 1, 1, 1, 1));
            assertThat(housekeeping.purge(now, Housekeeping.Retention.defaults()))
                    .isEqualTo(new Housekeeping.Purged(0, 0, 0, 0, 0, 0));
        }

        @Test
        void a_negative_retention_is_refused() {
            assertThatThrownBy(() -> new Housekeeping.Retention(Duration.ofDays(-1), Duration.ZERO, Duration.ZERO,
                    Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-time token");
            assertThatThrownBy(() -> new Housekeeping.Retention(Duration.ZERO, Duration.ZERO, Duration.ZERO,
                    Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audit");
            assertThat(new Housekeeping.Retention(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                    .sentMail()).isZero();
        }

        // ---------------------------------------------------------------- helpers

        private AuthenticationEvent event(Instant at) {
            AuthenticationEvent event = AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, at,
                    account, ClientDetails.unknown());
            audit.record(event);
            return event;
        }

        private OneTimeToken token(String name, Instant expiresAt) {
            OneTimeToken t = new OneTimeToken(new OneTimeKey(name + "-" + System.nanoTime()).digest(), PASSWORD_RESET,
                    account, Optional.empty(), NOW, expiresAt, Optional.empty());
            tokens.save(t);
            return t;
        }

        private long queueAndClaim() {
            outbox.enqueue(mail(), NOW);
            return outbox.claimDue(1, NOW, LEASE).getFirst().id();
        }

        private static OutgoingMail mail() {
            return new OutgoingMail(MailKind.EMAIL_CONFIRMATION, new EmailAddress("ann@example.com"), "en",
                    Map.of("activate_url", "https://example.com/confirm/k/"));
        }

        private String statuses() {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT status FROM mail_outbox ORDER BY status")) {
                List<String> statuses = new ArrayList<>();
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
                return String.join(",", statuses);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }
}
