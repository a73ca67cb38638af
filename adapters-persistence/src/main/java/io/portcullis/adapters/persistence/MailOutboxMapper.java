package io.portcullis.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code mail_outbox}; the SQL is in {@code MailOutboxMapper.xml}. */
interface MailOutboxMapper {

    int insert(OutboxWrite mail);

    /** The ids of up to {@code window} due messages, earliest due first, without locking them. */
    List<Long> selectDueIds(@Param("now") Instant now, @Param("window") int window);

    /**
     * Locks one message for this transaction if it is still due; null when it is not due any more
     * or another transaction holds it (skipped, not waited for).
     */
    Long lockIfDue(@Param("id") long id, @Param("now") Instant now);

    /** Leases one message if it is still due at {@code now}; 1 when this call did it. */
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

    /** The rows with these ids, earliest due first. */
    List<OutboxRow> selectByIds(@Param("ids") List<Long> ids);

    int markSent(@Param("id") long id, @Param("now") Instant now);

    int markFailedForRetry(@Param("id") long id, @Param("error") String error, @Param("retryAt") Instant retryAt);

    int markFailedForGood(@Param("id") long id, @Param("error") String error);
}
