package io.portcullis.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.contract.AuditTrailContract;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingAuditTrailTest extends AuditTrailContract {

    private final RecordingAuditTrail trail = new RecordingAuditTrail();

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    @Override
    protected List<AuthenticationEvent> recordedBetween(Instant from, Instant to) {
        return trail.recordedBetween(from, to);
    }

    @Test
    void events_can_be_picked_by_type_and_cleared() {
        Instant at = Instant.parse("2026-11-29T08:00:00Z");
        var login = AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, at, new AccountId(1),
                ClientDetails.unknown());
        var logout = AuthenticationEvent.succeeded(AuthenticationEventType.LOGGED_OUT, at, new AccountId(1),
                ClientDetails.unknown());
        trail.record(login);
        trail.record(logout);

        assertThat(trail.ofType(AuthenticationEventType.LOGGED_OUT)).containsExactly(logout);
        assertThatThrownBy(trail::single).isInstanceOf(AssertionError.class);
        trail.clear();
        assertThat(trail.events()).isEmpty();
        trail.failWith(new IllegalStateException("broken sink"));
        assertThatThrownBy(() -> trail.record(login)).hasMessage("broken sink");
        trail.failWith(null);
        trail.record(login);
        assertThat(trail.single()).isEqualTo(login);
    }
}
