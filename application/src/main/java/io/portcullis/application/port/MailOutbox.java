package io.portcullis.application.port;

import io.portcullis.domain.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mail waiting for delivery. A message is enqueued in the transaction of the change that causes
 * it, so it exists exactly when the change does; a dispatcher delivers it afterwards.
 */
public interface MailOutbox {

    /** Queues a message, due at once. Call inside the transaction of the change it reports. */
    void enqueue(OutgoingMail mail, Instant now);

    /** A queued message as the dispatcher sees it. */
    record QueuedMail(long id, OutgoingMail mail, int attempts) {}

    /**
     * Claims up to {@code limit} due messages for {@code lease}: another dispatcher (on this node
     * or another) does not see them again until the lease runs out, so a message is sent twice
     * only when a dispatcher dies between sending and recording it.
     */
    List<QueuedMail> claimDue(int limit, Instant now, Duration lease);

    void markSent(long id, Instant now);

    /**
     * Records a failed attempt. With a retry time the message is due again then; without one it
     * stays in the outbox as failed, with its last error, for an operator to see.
     */
    void markFailed(long id, String error, Optional<Instant> retryAt, Instant now);
}
