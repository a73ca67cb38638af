package io.portcullis.application.mail;

import io.portcullis.application.port.MailDeliveryException;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.MailTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Empties the outbox: claims due messages, hands each to the transport, and records the outcome.
 * A failure is retried with exponential backoff; after the last attempt the message stays in the
 * outbox as failed, with its error, so an outage delays mail and loses none.
 */
public final class DeliverQueuedMail {

    /**
     * @param batchSize messages claimed per round
     * @param lease how long a claim keeps other dispatchers away; longer than a delivery can take
     * @param firstRetry the wait after the first failure; each further failure doubles it
     * @param maxRetry the longest wait between two attempts
     * @param maxAttempts attempts before a message is left as failed
     */
    public record Policy(int batchSize, Duration lease, Duration firstRetry, Duration maxRetry, int maxAttempts) {

        public Policy {
            if (batchSize < 1 || maxAttempts < 1 || lease.isNegative() || lease.isZero()
                    || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("inconsistent mail delivery policy: " + this);
            }
        }

        public static Policy defaults() {
            return new Policy(20, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(30), 12);
        }

        Duration delayAfter(int attempts) {
            Duration delay = firstRetry;
            for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
        }
    }

    /** What one round did. */
    public record Round(int sent, int failed) {}

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final Policy policy;
    private final Clock clock;

    public DeliverQueuedMail(MailOutbox outbox, MailTransport transport, Policy policy, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.policy = policy;
        this.clock = clock;
    }

    /** One round: every message due now, up to the batch size. */
    public Round deliverDue() {
        int sent = 0;
        int failed = 0;
        for (MailOutbox.QueuedMail queued : outbox.claimDue(policy.batchSize(), clock.instant(), policy.lease())) {
            try {
                transport.deliver(queued.mail());
                outbox.markSent(queued.id(), clock.instant());
                sent++;
            } catch (RuntimeException e) {
                // MailDeliveryException is the expected case; any other failure of a transport must not stop the round either.
                int attempts = queued.attempts() + 1;
                Instant now = clock.instant();
                boolean hopeless = e instanceof MailDeliveryException refusal && refusal.isPermanent();
                Optional<Instant> retryAt = hopeless || attempts >= policy.maxAttempts()
                        ? Optional.empty()
                        : Optional.of(now.plus(policy.delayAfter(attempts)));
                outbox.markFailed(queued.id(), describe(e), retryAt, now);
                failed++;
            }
        }
        return new Round(sent, failed);
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
