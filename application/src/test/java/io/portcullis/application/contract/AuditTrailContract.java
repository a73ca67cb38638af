package io.portcullis.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.audit.EventOutcome;
import io.portcullis.domain.session.ClientDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} that keeps its events promises: each event comes back whole, in
 * the order recorded. Run it against an implementation by extending it. Every test writes within
 * a time window of its own, far from the present, so a subclass may share one store between
 * tests (and purges of old rows by other tests do not reach them). All instants are whole
 * milliseconds, which every store keeps.
 */
public abstract class AuditTrailContract {

    private static final AtomicLong WINDOWS = new AtomicLong();

    /** The trail under test. May return the same one on every call within one test. */
    protected abstract AuditTrail trail();

    /** What the trail kept with an instant in {@code [from, to)}, in the order recorded. */
    protected abstract List<AuthenticationEvent> recordedBetween(Instant from, Instant to);

    private Instant from;
    private Instant to;

    /** A window of its own for every test, even when one instance runs them all. */
    @BeforeEach
    void newWindow() {
        from = Instant.parse("2100-01-01T00:00:00Z").plus(Duration.ofDays(2 * WINDOWS.incrementAndGet()));
        to = from.plus(Duration.ofDays(1));
    }

    private List<AuthenticationEvent> recorded() {
        return recordedBetween(from, to);
    }

    @Test
    void an_event_comes_back_with_every_field() {
        var event = new AuthenticationEvent(from.plusMillis(1_234), AuthenticationEventType.LOGIN_FAILED,
                EventOutcome.FAILED, Optional.of(new AccountId(4_000_000_001L)),
                ClientDetails.of("Mozilla/5.0 (X11; \"Linux\") Grüße \\ 日本", "2001:db8::17"),
                Optional.of(AuditReasons.WRONG_PASSWORD));

        trail().record(event);

        assertThat(recorded()).containsExactly(event);
    }

    @Test
    void an_event_with_nothing_optional_comes_back_as_it_was() {
        var event = new AuthenticationEvent(from.plusSeconds(5), AuthenticationEventType.RATE_LIMIT_HIT,
                EventOutcome.FAILED, Optional.empty(), ClientDetails.unknown(), Optional.empty());

        trail().record(event);

        assertThat(recorded()).containsExactly(event);
    }

    @Test
    void events_come_back_in_the_order_recorded_even_at_one_instant() {
        var events = new ArrayList<AuthenticationEvent>();
        AccountId account = new AccountId(31);
        for (AuthenticationEventType type : AuthenticationEventType.values()) {
            events.add(AuthenticationEvent.succeeded(type, from.plusMillis(7), account, ClientDetails.unknown()));
        }
        events.add(AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED, from.plusMillis(8),
                Optional.empty(), ClientDetails.of("curl/8.5.0", "198.51.100.4"), AuditReasons.UNKNOWN_ACCOUNT));

        events.forEach(trail()::record);

        assertThat(recorded()).containsExactlyElementsOf(events);
    }

    @Test
    void the_longest_user_agent_and_address_are_kept_whole() {
        String userAgent = "A".repeat(ClientDetails.MAX_USER_AGENT_LENGTH - 1) + "é";
        String address = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";
        var event = AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, from.plusMillis(999),
                new AccountId(Long.MAX_VALUE), ClientDetails.of(userAgent, address));

        trail().record(event);

        assertThat(recorded()).singleElement().satisfies(kept -> {
            assertThat(kept.client().userAgent()).contains(userAgent);
            assertThat(kept.client().ipAddress()).contains(address);
            assertThat(kept.account()).contains(new AccountId(Long.MAX_VALUE));
        });
    }

    @Test
    void the_longest_reason_is_kept_and_the_window_excludes_its_end() {
        String reason = "r" + "_".repeat(AuthenticationEvent.MAX_REASON_LENGTH - 1);
        var inside = AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, to.minusMillis(1),
                new AccountId(2), ClientDetails.unknown()).because(reason);
        var atTheEnd = AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, to,
                new AccountId(2), ClientDetails.unknown());

        trail().record(inside);
        trail().record(atTheEnd);

        assertThat(recorded()).containsExactly(inside);
    }
}
