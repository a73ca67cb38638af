package io.portcullis.application.fakes;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.contract.MailOutboxContract;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryMailOutboxTest extends MailOutboxContract {

    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();

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
        return outbox.entry(id).map(e -> new Inspection(State.valueOf(e.status().name()), e.attempts(), e.lastError()));
    }

    @Test
    void shows_each_message_with_its_state_and_keeps_the_content_of_sent_ones() {
        OutgoingMail first = mail("a@example.com");
        OutgoingMail second = mail("b@example.com");
        OutgoingMail third = mail("c@example.com");
        outbox.enqueue(first, NOW);
        outbox.enqueue(second, NOW);
        outbox.enqueue(third, NOW);
        var claimed = outbox.claimDue(2, NOW, Duration.ofMinutes(1));

        outbox.markSent(claimed.get(0).id(), NOW.plusSeconds(1));
        outbox.markFailed(claimed.get(1).id(), "550", Optional.empty(), NOW.plusSeconds(1));

        assertThat(outbox.all()).extracting(InMemoryMailOutbox.Entry::id).containsExactly(1L, 2L, 3L);
        assertThat(outbox.sent()).singleElement().satisfies(e -> {
            assertThat(e.mail()).isEqualTo(first);
            assertThat(e.sentAt()).contains(NOW.plusSeconds(1));
        });
        assertThat(outbox.failed()).singleElement().satisfies(e -> assertThat(e.lastError()).contains("550"));
        assertThat(outbox.pending()).extracting(InMemoryMailOutbox.Entry::mail).containsExactly(third);
        assertThat(outbox.mails()).containsExactly(first, second, third);
        assertThat(outbox.size()).isEqualTo(3);
    }

    private static OutgoingMail mail(String to) {
        return new OutgoingMail(MailKind.PASSWORD_CHANGED, new EmailAddress(to), "en", Map.of("site_name", "x"));
    }
}
