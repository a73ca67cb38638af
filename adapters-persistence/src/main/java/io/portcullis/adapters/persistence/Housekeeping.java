package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes rows that no longer decide anything, for a scheduler to call now and then (hourly is
 * plenty). Each purge is one {@code DELETE} that commits on its own (or joins the caller's
 * transaction), so purges never hold locks for long together.
 *
 * <ul>
 *   <li><b>One-time tokens</b> used, or expired, longer ago than the retention. A purged key
 *       is refused as unknown, exactly as a used or expired one is.
 *   <li><b>Refresh tokens</b> expired longer ago than the retention, used or not. A used token
 *       that has not expired stays: its row is the blacklist entry that refuses it (and reveals
 *       its theft); an expired one is refused by the token codec before the store is asked.
 *   <li><b>Sent mail</b> marked sent longer ago than the retention. Failed mail stays for an
 *       operator to see; pending mail is still to be delivered.
 * </ul>
 *
 * Sessions are not purged: the schema does not know when a session that was never revoked ends.
 */
public final class Housekeeping {

    /**
     * How long ended rows stay before they are purged. Each is zero or more; a refresh-token
     * retention should cover the token codec's clock leeway.
     */
    public record Retention(Duration oneTimeTokens, Duration refreshTokens, Duration sentMail) {

        public Retention {
            requireNotNegative(oneTimeTokens, "one-time token");
            requireNotNegative(refreshTokens, "refresh token");
            requireNotNegative(sentMail, "sent mail");
        }

        /** A week for one-time tokens and sent mail, a day for refresh tokens. */
        public static Retention defaults() {
            return new Retention(Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(7));
        }

        private static void requireNotNegative(Duration retention, String what) {
            Objects.requireNonNull(retention, what + " retention");
            if (retention.isNegative()) {
                throw new IllegalArgumentException(what + " retention must not be negative, got " + retention);
            }
        }
    }

    /** How many rows one {@link #purge} deleted, for the log. */
    public record Purged(int oneTimeTokens, int refreshTokens, int sentMail) {}

    private final HousekeepingMapper mapper;

    public Housekeeping(Database database) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(HousekeepingMapper.class);
    }

    /** Runs the three purges with cutoffs {@code now} minus each retention. */
    public Purged purge(Instant now, Retention retention) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retention, "retention");
        return new Purged(
                purgeOneTimeTokens(now.minus(retention.oneTimeTokens())),
                purgeRefreshTokens(now.minus(retention.refreshTokens())),
                purgeSentMail(now.minus(retention.sentMail())));
    }

    /** Deletes the one-time tokens used or expired before {@code cutoff}; returns how many. */
    public int purgeOneTimeTokens(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard("purging one-time tokens", () -> mapper.deleteOneTimeTokensEndedBefore(cutoff));
    }

    /** Deletes the refresh tokens that expired before {@code cutoff}; returns how many. */
    public int purgeRefreshTokens(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard("purging refresh tokens", () -> mapper.deleteRefreshTokensExpiredBefore(cutoff));
    }

    /** Deletes the mail marked sent before {@code cutoff}; returns how many. */
    public int purgeSentMail(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard("purging sent mail", () -> mapper.deleteMailSentBefore(cutoff));
    }
}
