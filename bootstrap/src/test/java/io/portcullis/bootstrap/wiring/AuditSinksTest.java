package io.portcullis.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.portcullis.adapters.persistence.Database;
import io.portcullis.adapters.persistence.DatabaseSettings;
import io.portcullis.adapters.persistence.MyBatisAuditTrail;
import io.portcullis.bootstrap.audit.LogAuditTrail;
import io.portcullis.bootstrap.config.PortcullisConfig.Audit;
import io.portcullis.bootstrap.config.PortcullisConfig.AuditSink;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** audit.sinks decides where an event goes: the table, the log, both or neither. */
class AuditSinksTest {

    private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LogAuditTrail.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Database database;

    @BeforeEach
    void open() {
        lines.start();
        logger.addAppender(lines);
        database = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 2, Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() {
        logger.detachAppender(lines);
        database.close();
    }

    @ParameterizedTest
    @CsvSource({"'DATABASE,LOG', 1, 1", "DATABASE, 1, 0", "LOG, 0, 1", "'', 0, 0"})
    void eachConfiguredSinkAndNoOther(String sinks, int rows, int logged) {
        List<AuditSink> chosen = sinks.isEmpty() ? List.of()
                : java.util.Arrays.stream(sinks.split(",")).map(AuditSink::valueOf).toList();
        var event = AuthenticationEvent.succeeded(AuthenticationEventType.LOGGED_OUT, AT, new AccountId(9),
                ClientDetails.of("curl/8", "192.0.2.9"));

        CompositionRoot.auditTrail(new Audit(chosen, Duration.ofDays(1)), database).record(event);

        assertThat(new MyBatisAuditTrail(database).recordedBetween(AT, AT.plusSeconds(1))).hasSize(rows);
        assertThat(lines.list).hasSize(logged);
    }
}
