package io.portcullis.bootstrap.wiring;

import io.portcullis.adapters.persistence.Housekeeping;
import io.portcullis.application.mail.DeliverQueuedMail;
import io.portcullis.application.port.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work no request waits for: emptying the mail outbox every second, purging spent tokens and
 * delivered mail every hour, and, with key pairs, reading the key directory every minute (keys added
 * by an operator or another instance, rotation when due). One thread; a failing round is logged and
 * the next one runs on schedule.
 */
final class BackgroundJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "portcullis-background");
        thread.setDaemon(true);
        return thread;
    });

    BackgroundJobs(DeliverQueuedMail mail, Duration mailInterval, Housekeeping housekeeping,
            Housekeeping.Retention retention, Clock clock, java.util.Optional<Runnable> keyRefresh) {
        scheduler.scheduleWithFixedDelay(() -> guarded("mail delivery", () -> deliverAll(mail)),
                mailInterval.toMillis(), mailInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("housekeeping", () -> {
            var purged = housekeeping.purge(clock.instant(), retention);
            LOG.debug("Housekeeping purged {}", purged);
        }), 1, 60, TimeUnit.MINUTES);
        keyRefresh.ifPresent(refresh -> scheduler.scheduleWithFixedDelay(() -> guarded("signing keys", refresh),
                1, 1, TimeUnit.MINUTES));
    }

    private static void deliverAll(DeliverQueuedMail mail) {
        DeliverQueuedMail.Round round;
        do {
            round = mail.deliverDue();
            if (round.failed() > 0) {
                LOG.warn("{} message(s) could not be delivered; they will be retried", round.failed());
            }
        } while (round.sent() > 0 && round.failed() == 0);
    }

    private static void guarded(String job, Runnable work) {
        try {
            work.run();
        } catch (StoreUnavailableException e) {
            // The database is away: one line per round, not a stack trace every second.
            LOG.warn("Background job '{}' skipped: {}", job, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Background job '{}' failed: {}", job, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
    }
}
