package io.portcullis.application.contract;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.MailOutbox.QueuedMail;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MailOutbox} promises. Run it against an implementation by extending it.
 * Every test needs an <strong>empty</strong> outbox of its own (the outbox is one queue, and
 * {@code claimDue} sees every due message): return a new one per test instance. All instants are
 * whole milliseconds, which every outbox keeps.
 *
 * <p>Decided here, where the port leaves room:
 *
 * <ul>
 *   <li>A message is due when it is pending, its due time has come ({@code dueAt <= now}: it is
 *       due at the instant it was enqueued) and no lease on it is running. A lease runs until
 *       {@code now + lease} exclusive: at that instant the message is due again.
 *   <li>{@code claimDue} returns the earliest due first, then the earliest enqueued.
 *   <li>{@code attempts} counts the failures recorded with {@code markFailed}; a lease that runs
 *       out (a dispatcher that died) does not count.
 *   <li>Recording a failure ends the lease: with a retry time the message is due again then, even
 *       if that is before the lease would have run out. The last error replaces the one before.
 *       An error of any length is accepted; at least its first 1000 characters are kept.
 *   <li>{@code markFailed} of a message marked sent changes nothing; {@code markSent} and
 *       {@code markFailed} of an unknown id do nothing.
 *   <li>{@code claimDue} refuses a limit below 1 or a lease that is not positive with
 *       {@code IllegalArgumentException}.
 * </ul>
 */
public abstract class MailOutboxContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    /** The outbox under test: empty at the start of each test, the same one within a test. */
    protected abstract MailOutbox outbox();

    /** Runs work in one transaction of the outbox's database. */
    protected abstract TransactionRunner transactions();

    /** What the outbox holds about a message beside what the port shows. */
    public enum State { PENDING, SENT, FAILED }

    public record Inspection(State state, int attempts, Optional<String> lastError) {}

    /** Reads a message's state as stored; empty for an unknown id. */
    protected abstract Optional<Inspection> inspect(long id);

    private static OutgoingMail mail() {
        return mail(MailKind.EMAIL_CONFIRMATION_SIGNUP);
    }

    private static OutgoingMail mail(MailKind kind) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("site_name", "Portcullis");
        variables.put("activate_url", "https://example.com/confirm/" + unique("key-") + "/");
        return new OutgoingMail(kind, new EmailAddress(unique("user") + "@example.com"), "en", variables);
    }

    private QueuedMail claimOne(Instant now) {
        List<QueuedMail> claimed = outbox().claimDue(10, now, LEASE);
        assertThat(claimed).hasSize(1);
        return claimed.getFirst();
    }

    // ---------------------------------------------------------------- enqueue and claim

    @Test
    void an_enqueued_message_is_claimed_with_its_content_and_no_attempts() {
        OutgoingMail mail = mail();

        outbox().enqueue(mail, NOW);

        QueuedMail claimed = claimOne(NOW);
        assertThat(claimed.id()).isPositive();
        assertThat(claimed.mail()).isEqualTo(mail);
        assertThat(claimed.attempts()).isZero();
        assertThat(inspect(claimed.id())).contains(new Inspection(State.PENDING, 0, Optional.empty()));
    }

    @Test
    void an_empty_outbox_has_nothing_due() {
        assertThat(outbox().claimDue(10, NOW, LEASE)).isEmpty();
        assertThat(inspect(Long.MAX_VALUE - 3)).isEmpty();
    }

    @Test
    void a_message_is_due_from_the_instant_it_was_enqueued() {
        outbox().enqueue(mail(), NOW);

        assertThat(outbox().claimDue(10, NOW.minusMillis(1), LEASE)).isEmpty();
        assertThat(outbox().claimDue(10, NOW, LEASE)).hasSize(1);
    }

    @Test
    void later_messages_get_larger_ids() {
        outbox().enqueue(mail(), NOW);
        outbox().enqueue(mail(), NOW);
        outbox().enqueue(mail(), NOW);

        List<Long> ids = outbox().claimDue(10, NOW, LEASE).stream().map(QueuedMail::id).toList();

        assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_claimed_message_is_not_due_again_within_its_lease_but_is_when_the_lease_runs_out() {
        outbox().enqueue(mail(), NOW);
        Instant claimedAt = NOW.plusSeconds(1);
        QueuedMail first = claimOne(claimedAt);

        assertThat(outbox().claimDue(10, claimedAt, LEASE)).isEmpty();
        assertThat(outbox().claimDue(10, claimedAt.plus(LEASE).minusMillis(1), LEASE)).isEmpty();

        QueuedMail again = claimOne(claimedAt.plus(LEASE));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.mail()).isEqualTo(first.mail());
        assertThat(again.attempts()).as("a lease that runs out is no failed attempt").isZero();
    }

    @Test
    void a_second_claim_gets_a_lease_of_its_own() {
        outbox().enqueue(mail(), NOW);
        claimOne(NOW);
        Instant reclaimedAt = NOW.plus(LEASE);
        claimOne(reclaimedAt);

        assertThat(outbox().claimDue(10, reclaimedAt.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
        assertThat(outbox().claimDue(10, reclaimedAt.plus(LEASE), LEASE)).hasSize(1);
    }

    @Test
    void claim_due_respects_the_limit_and_returns_the_earliest_due_first() {
        List<OutgoingMail> mails = new ArrayList<>();
        for (int second : new int[] {3, 1, 4, 0, 2}) {
            OutgoingMail mail = mail();
            mails.add(mail);
            outbox().enqueue(mail, NOW.plusSeconds(second));
        }
        Instant later = NOW.plusSeconds(10);

        List<QueuedMail> firstBatch = outbox().claimDue(3, later, LEASE);
        List<QueuedMail> secondBatch = outbox().claimDue(3, later, LEASE);

        assertThat(firstBatch).extracting(QueuedMail::mail).containsExactly(mails.get(3), mails.get(1), mails.get(4));
        assertThat(secondBatch).extracting(QueuedMail::mail).containsExactly(mails.get(0), mails.get(2));
        assertThat(outbox().claimDue(3, later, LEASE)).isEmpty();
    }

    @Test
    void messages_due_at_the_same_instant_come_in_the_order_enqueued() {
        List<OutgoingMail> mails = List.of(mail(), mail(), mail(), mail());
        mails.forEach(m -> outbox().enqueue(m, NOW));

        assertThat(outbox().claimDue(2, NOW, LEASE)).extracting(QueuedMail::mail)
                .containsExactly(mails.get(0), mails.get(1));
        assertThat(outbox().claimDue(2, NOW, LEASE)).extracting(QueuedMail::mail)
                .containsExactly(mails.get(2), mails.get(3));
    }

    @Test
    void a_bad_limit_or_lease_is_refused() {
        outbox().enqueue(mail(), NOW);

        assertThatThrownBy(() -> outbox().claimDue(0, NOW, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox().claimDue(-1, NOW, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox().claimDue(1, NOW, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox().claimDue(1, NOW, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outbox().claimDue(1, NOW, LEASE)).as("nothing was claimed by a refused call").hasSize(1);
    }

    // ---------------------------------------------------------------- markSent

    @Test
    void a_message_marked_sent_is_never_due_again() {
        outbox().enqueue(mail(), NOW);
        QueuedMail claimed = claimOne(NOW);

        outbox().markSent(claimed.id(), NOW.plusSeconds(2));

        assertThat(outbox().claimDue(10, NOW.plus(Duration.ofDays(3650)), LEASE)).isEmpty();
        assertThat(inspect(claimed.id())).contains(new Inspection(State.SENT, 0, Optional.empty()));
    }

    @Test
    void marking_one_message_sent_leaves_the_others_due() {
        outbox().enqueue(mail(), NOW);
        OutgoingMail other = mail();
        outbox().enqueue(other, NOW.plusMillis(1));
        QueuedMail first = outbox().claimDue(1, NOW.plusSeconds(1), LEASE).getFirst();

        outbox().markSent(first.id(), NOW.plusSeconds(2));

        assertThat(claimOne(NOW.plusSeconds(3)).mail()).isEqualTo(other);
    }

    @Test
    void mark_sent_and_mark_failed_of_an_unknown_id_do_nothing() {
        outbox().enqueue(mail(), NOW);

        outbox().markSent(Long.MAX_VALUE - 5, NOW);
        outbox().markFailed(Long.MAX_VALUE - 5, "no such message", Optional.of(NOW), NOW);
        outbox().markFailed(Long.MAX_VALUE - 5, "no such message", Optional.empty(), NOW);

        assertThat(inspect(Long.MAX_VALUE - 5)).isEmpty();
        assertThat(claimOne(NOW).attempts()).isZero();
    }

    // ---------------------------------------------------------------- markFailed

    @Test
    void a_failure_with_a_retry_time_makes_the_message_due_then_and_not_before() {
        outbox().enqueue(mail(), NOW);
        QueuedMail claimed = claimOne(NOW);
        Instant retryAt = NOW.plus(Duration.ofMinutes(30));

        outbox().markFailed(claimed.id(), "421 4.7.0 try again later", Optional.of(retryAt), NOW.plusSeconds(1));

        assertThat(outbox().claimDue(10, retryAt.minusMillis(1), LEASE)).isEmpty();
        QueuedMail retried = claimOne(retryAt);
        assertThat(retried.id()).isEqualTo(claimed.id());
        assertThat(retried.mail()).isEqualTo(claimed.mail());
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(inspect(claimed.id()))
                .contains(new Inspection(State.PENDING, 1, Optional.of("421 4.7.0 try again later")));
    }

    @Test
    void each_failure_counts_and_the_last_error_replaces_the_one_before() {
        outbox().enqueue(mail(), NOW);
        QueuedMail claimed = claimOne(NOW);
        outbox().markFailed(claimed.id(), "connection refused", Optional.of(NOW.plusSeconds(60)), NOW);
        claimOne(NOW.plusSeconds(60));

        outbox().markFailed(claimed.id(), "read timed out – Zeitüberschreitung", Optional.of(NOW.plusSeconds(120)),
                NOW.plusSeconds(61));

        assertThat(claimOne(NOW.plusSeconds(120)).attempts()).isEqualTo(2);
        assertThat(inspect(claimed.id())).contains(
                new Inspection(State.PENDING, 2, Optional.of("read timed out – Zeitüberschreitung")));
    }

    @Test
    void a_failure_ends_the_lease_so_an_early_retry_time_counts() {
        outbox().enqueue(mail(), NOW);
        QueuedMail claimed = outbox().claimDue(1, NOW, Duration.ofHours(1)).getFirst();

        outbox().markFailed(claimed.id(), "busy", Optional.of(NOW.plusSeconds(10)), NOW.plusSeconds(1));

        assertThat(claimOne(NOW.plusSeconds(10)).id()).isEqualTo(claimed.id());
    }

    @Test
    void a_retried_message_takes_its_place_by_its_new_due_time() {
        OutgoingMail early = mail();
        OutgoingMail late = mail();
        outbox().enqueue(early, NOW);
        outbox().enqueue(late, NOW.plusSeconds(1));
        QueuedMail claimed = outbox().claimDue(1, NOW, LEASE).getFirst();
        outbox().markFailed(claimed.id(), "busy", Optional.of(NOW.plusSeconds(2)), NOW);

        assertThat(outbox().claimDue(10, NOW.plusSeconds(5), LEASE)).extracting(QueuedMail::mail)
                .containsExactly(late, early);
    }

    @Test
    void a_failure_without_a_retry_time_leaves_the_message_failed_for_good() {
        outbox().enqueue(mail(), NOW);
        QueuedMail claimed = claimOne(NOW);

        outbox().markFailed(claimed.id(), "550 5.1.1 mailbox unavailable", Optional.empty(), NOW.plusSeconds(1));

        assertThat(outbox().claimDue(10, NOW.plusSeconds(1), LEASE)).isEmpty();
        assertThat(outbox().claimDue(10, NOW.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
        assertThat(outbox().claimDue(10, NOW.plus(Duration.ofDays(3650)), LEASE)).isEmpty();
        assertThat(inspect(claimed.id()))
                .contains(new Inspection(State.FAILED, 1, Optional.of("550 5.1.1 mailbox unavailable")));
    }

    @Test
    void a_failure_after_the_message_was_sent_changes_nothing() {
        outbox().enqueue(mail(), NOW);
        QueuedMail claimed = claimOne(NOW);
        outbox().markSent(claimed.id(), NOW.plusSeconds(1));

        outbox().markFailed(claimed.id(), "late report from a dispatcher whose lease ran out",
                Optional.of(NOW.plusSeconds(2)), NOW.plusSeconds(2));

        assertThat(outbox().claimDue(10, NOW.plusSeconds(3), LEASE)).isEmpty();
        assertThat(inspect(claimed.id())).contains(new Inspection(State.SENT, 0, Optional.empty()));
    }

    @Test
    void an_error_of_any_length_is_accepted_and_its_beginning_kept() {
        outbox().enqueue(mail(), NOW);
        QueuedMail claimed = claimOne(NOW);
        String error = "stack trace 🚀 ".repeat(10_000);

        outbox().markFailed(claimed.id(), error, Optional.empty(), NOW);

        String kept = inspect(claimed.id()).orElseThrow().lastError().orElseThrow();
        assertThat(error).startsWith(kept);
        assertThat(kept.length()).isGreaterThanOrEqualTo(1000);
        assertThat(kept.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).as("no half of a pair at the end")
                .isFalse();
    }

    // ---------------------------------------------------------------- content

    @Test
    void the_content_comes_back_unchanged_with_the_variables_in_order() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("zeta", "last letter first");
        variables.put("site_name", "Portcullis");
        variables.put("user_display", "Zoë – 東京 🚀");
        variables.put("activate_url", "https://example.com/confirm/Mg:1tV9Xy:abc_DEF-123/?next=%2Fhome&x=1");
        variables.put("empty", "");
        variables.put("quotes", "say \"hi\" \\ back");
        variables.put("lines", "one\ntwo\r\n\tthree");
        variables.put("json", "{\"not\": [\"parsed\"]}");
        variables.put("alpha", "first letter last");
        OutgoingMail mail = new OutgoingMail(MailKind.PASSWORD_RESET,
                new EmailAddress(unique("Ann.Smith+tag") + "@Bücher.example.COM"), "pt-BR", variables);

        outbox().enqueue(mail, NOW);

        OutgoingMail found = claimOne(NOW).mail();
        assertThat(found).isEqualTo(mail);
        assertThat(found.kind()).isEqualTo(MailKind.PASSWORD_RESET);
        assertThat(found.to().value()).isEqualTo(mail.to().value());
        assertThat(found.language()).isEqualTo("pt-BR");
        assertThat(found.variables()).containsExactlyEntriesOf(variables);
    }

    @Test
    void a_message_without_variables_comes_back_without_any() {
        OutgoingMail mail = new OutgoingMail(MailKind.PASSWORD_CHANGED,
                new EmailAddress(unique("user") + "@example.com"), "de", Map.of());

        outbox().enqueue(mail, NOW);

        assertThat(claimOne(NOW).mail().variables()).isEmpty();
    }

    @Test
    void every_kind_of_mail_comes_back_as_itself() {
        List<OutgoingMail> mails = new ArrayList<>();
        for (MailKind kind : MailKind.values()) {
            OutgoingMail mail = mail(kind);
            mails.add(mail);
            outbox().enqueue(mail, NOW);
        }

        assertThat(outbox().claimDue(100, NOW, LEASE)).extracting(QueuedMail::mail)
                .containsExactlyElementsOf(mails);
    }

    // ---------------------------------------------------------------- transactions and concurrency

    @Test
    void messages_enqueued_and_claimed_in_transactions_are_there_after_them() {
        OutgoingMail mail = mail();
        transactions().inTransaction(() -> outbox().enqueue(mail, NOW));

        List<QueuedMail> claimed = transactions().inTransaction(() -> outbox().claimDue(10, NOW, LEASE));

        assertThat(claimed).extracting(QueuedMail::mail).containsExactly(mail);
        assertThat(outbox().claimDue(10, NOW.plusSeconds(1), LEASE)).as("the claim outlived its transaction")
                .isEmpty();
    }

    @Test
    void concurrent_claimers_never_get_the_same_message() throws Exception {
        for (int i = 0; i < 50; i++) {
            outbox().enqueue(mail(), NOW.plusMillis(i % 7));
        }
        Instant now = NOW.plusSeconds(1);
        List<Callable<Object>> claimers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            claimers.add(() -> {
                List<Long> mine = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                    outbox().claimDue(3, now, Duration.ofHours(1)).forEach(q -> mine.add(q.id()));
                }
                return mine;
            });
        }

        List<Object> outcomes = Concurrently.run(claimers);

        List<Long> claimed = new ArrayList<>();
        for (Object outcome : outcomes) {
            assertThat(outcome).as("no claimer failed").isInstanceOf(List.class);
            for (Object id : (List<?>) outcome) {
                claimed.add((Long) id);
            }
        }
        // A claimer may come away empty while another holds the rows; what is left is claimed now.
        outbox().claimDue(100, now, Duration.ofHours(1)).forEach(q -> claimed.add(q.id()));
        assertThat(claimed).doesNotHaveDuplicates().hasSize(50);
        assertThat(outbox().claimDue(100, now, Duration.ofHours(1))).isEmpty();
    }
}
