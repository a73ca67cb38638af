package io.portcullis.application.fakes;

import io.portcullis.application.port.MailOutbox;
import io.portcullis.domain.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link MailOutbox} in memory, for use-case and dispatcher tests. It behaves as the database
 * adapter does (see {@code MailOutboxContract}): ids from 1 upward, a message is due when pending,
 * its due time has come and no lease on it is running; {@link #claimDue} returns the earliest due
 * first and leases what it returns. Thread-safe: every method holds the outbox's lock.
 *
 * <p>For assertions it shows every message with its state ({@link #all}, {@link #pending},
 * {@link #sent}, {@link #failed}). Unlike the database adapter, which erases the variables of a
 * sent message (they carry one-time links), it keeps a sent message's content, so a test can see
 * what went out.
 */
public class InMemoryMailOutbox implements MailOutbox {

    /** Longest last error kept; longer ones are cut, as the database column does. */
    public static final int MAX_ERROR_LENGTH = 2000;

    public enum Status {
        /** Waiting for delivery (possibly leased to a dispatcher, possibly due only later). */
        PENDING,
        SENT,
        /** Given up: never due again. */
        FAILED
    }

    /** A message with its delivery state. {@code attempts} counts the failed attempts recorded. */
    public record Entry(long id, OutgoingMail mail, Status status, int attempts, Instant createdAt, Instant dueAt,
            Optional<Instant> claimedUntil, Optional<String> lastError, Optional<Instant> sentAt) {

        /** Pending, due at {@code now}, and not leased at {@code now}. */
        public boolean isDueAt(Instant now) {
            return status == Status.PENDING && !dueAt.isAfter(now)
                    && claimedUntil.map(until -> !until.isAfter(now)).orElse(true);
        }
    }

    private final Map<Long, Entry> entries = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized void enqueue(OutgoingMail mail, Instant now) {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(now, "now");
        long id = ++lastId;
        entries.put(id, new Entry(id, mail, Status.PENDING, 0, now, now, Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    /** @throws IllegalArgumentException when {@code limit} is below 1 or {@code lease} is not positive */
    @Override
    public synchronized List<QueuedMail> claimDue(int limit, Instant now, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (limit < 1) {
            throw new IllegalArgumentException("claim at least one message, got a limit of " + limit);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive");
        }
        List<Entry> due = entries.values().stream()
                .filter(e -> e.isDueAt(now))
                .sorted(Comparator.comparing(Entry::dueAt).thenComparingLong(Entry::id))
                .limit(limit)
                .toList();
        Optional<Instant> until = Optional.of(now.plus(lease));
        List<QueuedMail> claimed = new ArrayList<>();
        for (Entry e : due) {
            entries.put(e.id(), new Entry(e.id(), e.mail(), e.status(), e.attempts(), e.createdAt(), e.dueAt(),
                    until, e.lastError(), e.sentAt()));
            claimed.add(new QueuedMail(e.id(), e.mail(), e.attempts()));
        }
        return claimed;
    }

    /** An unknown id is ignored. */
    @Override
    public synchronized void markSent(long id, Instant now) {
        Objects.requireNonNull(now, "now");
        Entry e = entries.get(id);
        if (e != null) {
            entries.put(id, new Entry(id, e.mail(), Status.SENT, e.attempts(), e.createdAt(), e.dueAt(),
                    Optional.empty(), e.lastError(), Optional.of(now)));
        }
    }

    /** An unknown id, or a message already sent, is left alone. */
    @Override
    public synchronized void markFailed(long id, String error, Optional<Instant> retryAt, Instant now) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(now, "now");
        Entry e = entries.get(id);
        if (e == null || e.status() == Status.SENT) {
            return;
        }
        entries.put(id, new Entry(id, e.mail(), retryAt.isPresent() ? Status.PENDING : Status.FAILED,
                e.attempts() + 1, e.createdAt(), retryAt.orElse(e.dueAt()), Optional.empty(),
                Optional.of(truncate(error)), e.sentAt()));
    }

    /** {@code error} cut to {@link #MAX_ERROR_LENGTH} characters, never inside a surrogate pair. */
    public static String truncate(String error) {
        if (error.length() <= MAX_ERROR_LENGTH) {
            return error;
        }
        int end = MAX_ERROR_LENGTH;
        if (Character.isHighSurrogate(error.charAt(end - 1))) {
            end--;
        }
        return error.substring(0, end);
    }

    /** Every message, in the order enqueued: for assertions. */
    public synchronized List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    /** The messages still waiting (leased or not, due or not), in the order enqueued. */
    public synchronized List<Entry> pending() {
        return withStatus(Status.PENDING);
    }

    /** The messages marked sent, in the order enqueued. */
    public synchronized List<Entry> sent() {
        return withStatus(Status.SENT);
    }

    /** The messages given up on, in the order enqueued. */
    public synchronized List<Entry> failed() {
        return withStatus(Status.FAILED);
    }

    /** The content of every message, whatever its state, in the order enqueued. */
    public synchronized List<OutgoingMail> mails() {
        return entries.values().stream().map(Entry::mail).toList();
    }

    public synchronized Optional<Entry> entry(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    public synchronized int size() {
        return entries.size();
    }

    private List<Entry> withStatus(Status status) {
        return entries.values().stream().filter(e -> e.status() == status).toList();
    }
}
