package io.portcullis.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fakes.InMemoryMailOutbox;
import io.portcullis.application.fakes.MutableClock;
import io.portcullis.application.port.MailDeliveryException;
import io.portcullis.application.port.MailTransport;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliverQueuedMailTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T03:00:00Z"));
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final FlakyTransport transport = new FlakyTransport();
    private final DeliverQueuedMail.Policy policy =
            new DeliverQueuedMail.Policy(10, Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(40), 4);
    private final DeliverQueuedMail dispatcher = new DeliverQueuedMail(outbox, transport, policy, clock);

    /** Fails while {@code down} is set, records what it delivered otherwise. */
    static final class FlakyTransport implements MailTransport {
        boolean down;
        boolean refusing;
        final List<OutgoingMail> delivered = new ArrayList<>();

        @Override
        public void deliver(OutgoingMail mail) {
            if (down) {
                throw new MailDeliveryException("smtp.example.com:25 is unreachable");
            }
            if (refusing) {
                throw MailDeliveryException.permanent("smtp.example.com:25 refused the recipient with reply code 550", null);
            }
            delivered.add(mail);
        }
    }

    private void enqueue(String to) {
        outbox.enqueue(new OutgoingMail(MailKind.PASSWORD_RESET, new EmailAddress(to), "en", Map.of()), clock.instant());
    }

    @Test
    void deliversEveryDueMessageOnce() {
        enqueue("a@example.com");
        enqueue("b@example.com");
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(2, 0));
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(0, 0));
        assertThat(transport.delivered).extracting(m -> m.to().value()).containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void anOutageDelaysMailWithGrowingPausesAndLosesNone() {
        enqueue("a@example.com");
        transport.down = true;
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(0, 1));
        assertThat(outbox.all().getFirst().lastError()).contains("MailDeliveryException: smtp.example.com:25 is unreachable");
        clock.advance(Duration.ofSeconds(4));
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(0, 0));
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(0, 1));
        clock.advance(Duration.ofSeconds(9));
        assertThat(dispatcher.deliverDue().failed()).isZero();
        clock.advance(Duration.ofSeconds(1));
        transport.down = false;
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(1, 0));
        assertThat(transport.delivered).hasSize(1);
    }

    @Test
    void aPermanentRefusalIsNotTriedAgain() {
        enqueue("a@example.com");
        enqueue("b@example.com");
        transport.refusing = true;

        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(0, 2));

        assertThat(outbox.all()).allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(InMemoryMailOutbox.Status.FAILED);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).hasValueSatisfying(error -> assertThat(error).contains("reply code 550"));
        });
        transport.refusing = false;
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(0, 0));
    }

    @Test
    void aMessageThatKeepsFailingIsKeptAsFailed() {
        enqueue("a@example.com");
        transport.down = true;
        for (int attempt = 0; attempt < 4; attempt++) {
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(outbox.all()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(InMemoryMailOutbox.Status.FAILED);
            assertThat(entry.attempts()).isEqualTo(4);
        });
        transport.down = false;
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(new DeliverQueuedMail.Round(0, 0));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delayAfter(30)).isEqualTo(Duration.ofSeconds(40));
    }
}
