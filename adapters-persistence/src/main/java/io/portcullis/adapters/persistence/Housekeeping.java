package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Deletes rows that no longer decide anything, for a scheduler to call now and then (hourly is
 * plenty). Each purge runs {@code DELETE}s of at most {@link #batchSize} rows, each committing on
 * its own (or joining the caller's transaction), until one deletes fewer: a large backlog never
 * becomes one long transaction holding many locks. The statements are vendor-specific where a
 * limited {@code DELETE} must be (see {@code HousekeepingMapper.xml}).
 *
 * <ul>
 *   <li><b>One-time tokens</b> used, or expired, longer ago than the retention. A purged key
 *       is refused as unknown, exactly as a used or expired one is.
 *   <li><b>Refresh tokens</b> expired longer ago than the retention, used or not. A used token
 *       that has not expired stays: its row is the blacklist entry that refuses it (and reveals
 *       its theft); an expired one is refused by the token codec before the store is asked.
 *   <li><b>Sent mail</b> marked sent longer ago than the retention. Failed mail stays for an
 *       operator to see; pending mail is still to be delivered.
 *   <li><b>Sessions</b> revoked, or expired with their last refresh token, longer ago than the
 *       refresh-token retention, with whatever tokens they still hold. A session of an opaque key
 *       does not expire: it goes once revoked. A token of a purged session is refused as unknown.
 *   <li><b>Rate-limit counters</b> whose window ended: they count nothing any more, so they go
 *       at once, without a retention.
 *   <li><b>Audit events</b> that occurred longer ago than the audit retention.
 * </ul>
 */
public final class Housekeeping {

    /**
     * How long ended rows stay before they are purged. Each is zero or more; a refresh-token
     * retention should cover the token codec's clock leeway.
     */
    public record Retention(Duration oneTimeTokens, Duration refreshTokens, Duration sentMail, Duration auditEvents) {

        public Retention {
            requireNotNegative(oneTimeTokens, "one-time token");
            requireNotNegative(refreshTokens, "refresh token");
            requireNotNegative(sentMail, "sent mail");
            requireNotNegative(auditEvents, "audit event");
        }

        /** A week for one-time tokens and sent mail, a day for refresh tokens, a year for audit events. */
        public static Retention defaults() {
            return new Retention(Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(365));
        }

        private static void requireNotNegative(Duration retention, String what) {
            Objects.requireNonNull(retention, what + " retention");
            if (retention.isNegative()) {
                throw new IllegalArgumentException(what + " retention must not be negative, got " + retention);
            }
        }
    }

    /** How many rows one {@link #purge} deleted, for the log. */
    public record Purged(int oneTimeTokens, int refreshTokens, int sentMail, int sessions, int rateLimitCounters,
            int auditEvents) {}

    /** Rows one {@code DELETE} removes at most, unless another batch size is given. */
    public static final int DEFAULT_BATCH_SIZE = 5_000;

    private final HousekeepingMapper mapper;
    private final int batchSize;

    public Housekeeping(Database database) {
        this(database, DEFAULT_BATCH_SIZE);
    }

    /** @throws IllegalArgumentException when {@code batchSize} is below 1 */
    public Housekeeping(Database database, int batchSize) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(HousekeepingMapper.class);
        if (batchSize < 1) {
            throw new IllegalArgumentException("a purge batch holds at least one row, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Rows one {@code DELETE} removes at most. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Runs the purges with cutoffs {@code now} minus each retention (sessions: the refresh tokens';
     * rate-limit counters: none).
     */
    public Purged purge(Instant now, Retention retention) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retention, "retention");
        return new Purged(
                purgeOneTimeTokens(now.minus(retention.oneTimeTokens())),
                purgeRefreshTokens(now.minus(retention.refreshTokens())),
                purgeSentMail(now.minus(retention.sentMail())),
                purgeSessions(now.minus(retention.refreshTokens())),
                purgeRateLimitCounters(now),
                purgeAuditEvents(now.minus(retention.auditEvents())));
    }

    /** Deletes the rate-limit counters whose window ended by {@code cutoff}; returns how many. */
    public int purgeRateLimitCounters(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return inBatches("purging rate-limit counters", batch -> mapper.deleteRateLimitCountersEndedBy(cutoff, batch));
    }

    /** Deletes the audit events that occurred before {@code cutoff}; returns how many. */
    public int purgeAuditEvents(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return inBatches("purging audit events", batch -> mapper.deleteAuditEventsBefore(cutoff, batch));
    }

    /** Deletes the sessions revoked or expired before {@code cutoff}, and their tokens; returns how many sessions. */
    public int purgeSessions(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return inBatches("purging sessions", batch -> mapper.deleteSessionsEndedBefore(cutoff, batch));
    }

    /** Deletes the one-time tokens used or expired before {@code cutoff}; returns how many. */
    public int purgeOneTimeTokens(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return inBatches("purging one-time tokens", batch -> mapper.deleteOneTimeTokensEndedBefore(cutoff, batch));
    }

    /** Deletes the refresh tokens that expired before {@code cutoff}; returns how many. */
    public int purgeRefreshTokens(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return inBatches("purging refresh tokens", batch -> mapper.deleteRefreshTokensExpiredBefore(cutoff, batch));
    }

    /** Deletes the mail marked sent before {@code cutoff}; returns how many. */
    public int purgeSentMail(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return inBatches("purging sent mail", batch -> mapper.deleteMailSentBefore(cutoff, batch));
    }

    private int inBatches(String operation, IntUnaryOperator delete) {
        int total = 0;
        int deleted;
        do {
            deleted = guard(operation, () -> delete.applyAsInt(batchSize));
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }
}
