package io.portcullis.bootstrap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogAuditTrailTest {

    private static final Instant AT = Instant.parse("2026-11-29T08:01:02.345Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LogAuditTrail.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    @Test
    void oneInfoLineOfKeyValuePairsPerEventOnTheAuditLogger() {
        new LogAuditTrail().record(AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED, AT,
                Optional.of(new AccountId(17)), ClientDetails.of("curl/8.5.0", "192.0.2.1"),
                AuditReasons.WRONG_PASSWORD));

        assertThat(appender.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getLoggerName()).isEqualTo("portcullis.audit");
            assertThat(line.getFormattedMessage()).isEqualTo("event=login_failed outcome=failed"
                    + " at=2026-11-29T08:01:02.345Z account=17 ip=192.0.2.1 user_agent=\"curl/8.5.0\""
                    + " reason=wrong_password");
        });
    }

    @Test
    void whatIsUnknownPrintsAsADash() {
        assertThat(LogAuditTrail.line(new AuthenticationEvent(AT, AuthenticationEventType.RATE_LIMIT_HIT,
                io.portcullis.domain.audit.EventOutcome.FAILED, Optional.empty(), ClientDetails.unknown(),
                Optional.empty()))).isEqualTo("event=rate_limit_hit outcome=failed at=2026-11-29T08:01:02.345Z"
                        + " account=- ip=- user_agent=- reason=-");
    }

    @Test
    void aUserAgentCannotForgeAPairOrALine() {
        String forged = "x\" reason=none account=1\n event=login_succeeded \\";

        String line = LogAuditTrail.line(AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED,
                AT, new AccountId(2), ClientDetails.of(forged, "2001:db8::1")));

        assertThat(line).doesNotContain("\n").contains(" ip=2001:db8::1 ")
                .contains(" user_agent=\"x\\\" reason=none account=1  event=login_succeeded \\\\\" ")
                .endsWith(" reason=-");
    }

    @Test
    void nothingIsFormattedWhenTheAuditLoggerIsOff() {
        logger.setLevel(Level.OFF);

        new LogAuditTrail().record(AuthenticationEvent.succeeded(AuthenticationEventType.LOGGED_OUT, AT,
                new AccountId(3), ClientDetails.unknown()));

        assertThat(appender.list).isEmpty();
    }

    @Test
    void theFanOutHandsEachEventToEverySinkInOrderAndStopsAtTheFirstFailure() {
        List<String> calls = new ArrayList<>();
        AuditTrail first = event -> calls.add("first " + event.type().code());
        AuditTrail broken = event -> {
            calls.add("broken");
            throw new IllegalStateException("the table is gone");
        };
        AuditTrail last = event -> calls.add("last");
        var event = AuthenticationEvent.succeeded(AuthenticationEventType.ACCOUNT_CREATED, AT, new AccountId(4),
                ClientDetails.unknown());

        new FanOutAuditTrail(List.of(first, last)).record(event);
        assertThatThrownBy(() -> new FanOutAuditTrail(List.of(first, broken, last)).record(event))
                .hasMessage("the table is gone");

        assertThat(calls).containsExactly("first account_created", "last", "first account_created", "broken");
        assertThat(new FanOutAuditTrail(List.of()).size()).isZero();
    }
}
