package io.portcullis.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V3 on a database that already holds sessions of version 2: they keep working, are last used
 * when they were opened, know nothing of their client, and live as long as their last refresh
 * token, on every vendor's dialect.
 */
class SessionDetailsMigrationTest {

    static final Instant OPENED = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant FIRST_EXPIRY = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant LAST_EXPIRY = Instant.parse("2026-11-02T10:05:00Z");

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionsOfVersionTwoSurviveTheUpgrade(Backend backend) throws Exception {
        DatabaseSettings settings = backend.freshSettings();
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(Database.jdbcUrl(settings), settings.user(), settings.password())
                .locations(settings.vendor().migrationLocation())
                .target("2")
                .load()
                .migrate();
        long accountId;
        try (Connection c = DriverManager.getConnection(Database.jdbcUrl(settings), settings.user(), settings.password())) {
            accountId = insertAccount(c, backend);
            execute(c, "INSERT INTO sessions (id, account_id, created_at, revoked_at) VALUES (?, ?, ?, NULL)",
                    "old-session", accountId, OPENED);
            execute(c, "INSERT INTO sessions (id, account_id, created_at, revoked_at) VALUES (?, ?, ?, ?)",
                    "revoked-session", accountId, OPENED, OPENED.plusSeconds(60));
            execute(c, "INSERT INTO refresh_tokens (jti, session_id, account_id, expires_at, used_at) VALUES (?, ?, ?, ?, ?)",
                    "jti-1", "old-session", accountId, FIRST_EXPIRY, OPENED.plusSeconds(300));
            execute(c, "INSERT INTO refresh_tokens (jti, session_id, account_id, expires_at, used_at) VALUES (?, ?, ?, ?, NULL)",
                    "jti-2", "old-session", accountId, LAST_EXPIRY);
        }

        try (Database database = Database.open(settings)) {
            assertThat(database.migrationsExecuted()).as("V3 and later").isGreaterThanOrEqualTo(1);
            var sessions = new MyBatisSessionStore(database);
            AccountId account = new AccountId(accountId);

            List<ActiveSession> live = sessions.activeSessions(account, LAST_EXPIRY.minusSeconds(1));
            assertThat(live).containsExactly(new ActiveSession(new SessionId("old-session"), account, OPENED, OPENED,
                    ClientDetails.unknown()));
            assertThat(sessions.activeSessions(account, LAST_EXPIRY)).isEmpty();
            assertThat(sessions.isActive(new SessionId("old-session"))).isTrue();
            assertThat(sessions.consume("jti-2", OPENED.plusSeconds(600)))
                    .isEqualTo(io.portcullis.application.port.SessionStore.Consumption.CONSUMED);
        }
    }

    private static long insertAccount(Connection c, Backend backend) throws Exception {
        Object yes = backend == Backend.H2_ORACLE_MODE ? (Object) 1 : (Object) Boolean.TRUE;
        execute(c, "INSERT INTO accounts (email, email_canonical, email_verified, active, password_hash, profile,"
                        + " created_at, password_changed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "old@example.com", "old@example.com", yes, yes, "plain$x", "{}", OPENED, OPENED, 1L);
        try (var statement = c.createStatement();
                var rows = statement.executeQuery("SELECT id FROM accounts WHERE email_canonical = 'old@example.com'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value instanceof Instant instant) {
                    statement.setObject(i + 1, instant.atOffset(java.time.ZoneOffset.UTC));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.executeUpdate();
        }
    }
}
