package io.portcullis.application.timing;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Keeps the time a request takes from telling which branch it went down. Some requests about an
 * address do more database work when the address has an account (a reset stores the link's digest
 * besides queueing the mail); timed over many requests, that difference would tell known addresses
 * from unknown ones. The equalizer remembers how long recent requests down the dearer branch took
 * and makes one down the cheaper branch wait until it has taken as long as one of them, picked at
 * random: the cheaper branch then takes its time from the same distribution, whatever the
 * database, the machine or its load. A pause always ends late (the thread must be scheduled
 * again, later still on a busy machine), so the equalizer learns by how much, as the median of
 * recent pauses (a rare very late one must not shorten every pause after it), and asks for less.
 */
public final class TimingEqualizer {

    /** Enough recent durations to follow changes in load quickly, few enough to copy cheaply. */
    static final int SAMPLES = 64;

    private final LongSupplier nanoTime;
    private final Pause pause;
    private final long[] recent = new long[SAMPLES];
    private int count;
    private int next;
    private final long[] recentLateness = new long[SAMPLES];
    private int latenessCount;
    private int nextLateness;

    /** Waits the given number of nanoseconds. */
    @FunctionalInterface
    public interface Pause {
        void nanos(long nanos);
    }

    public TimingEqualizer() {
        this(System::nanoTime, LockSupport::parkNanos);
    }

    public TimingEqualizer(LongSupplier nanoTime, Pause pause) {
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    /** The instant to pass to {@link #finished} once the request's work is done. */
    public long start() {
        return nanoTime.getAsLong();
    }

    /**
     * Call when the work of a request that began at {@code started} is done.
     *
     * @param dearer whether the request went down the branch with more work; its duration is
     *     remembered, otherwise the call waits until the request has lasted a remembered duration
     */
    public void finished(long started, boolean dearer) {
        long elapsed = nanoTime.getAsLong() - started;
        if (dearer) {
            remember(elapsed);
            return;
        }
        long wanted = sample() - elapsed - lateness();
        if (wanted > 0) {
            long pausedAt = nanoTime.getAsLong();
            pause.nanos(wanted);
            learnLateness(nanoTime.getAsLong() - pausedAt - wanted);
        }
    }

    private synchronized long lateness() {
        if (latenessCount == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(recentLateness, latenessCount);
        Arrays.sort(sorted);
        return sorted[latenessCount / 2];
    }

    private synchronized void learnLateness(long late) {
        recentLateness[nextLateness] = Math.max(0, late);
        nextLateness = (nextLateness + 1) % SAMPLES;
        latenessCount = Math.min(latenessCount + 1, SAMPLES);
    }

    private synchronized void remember(long elapsed) {
        recent[next] = elapsed;
        next = (next + 1) % SAMPLES;
        count = Math.min(count + 1, SAMPLES);
    }

    /** A remembered duration picked at random, or 0 before any dearer request finished. */
    private synchronized long sample() {
        return count == 0 ? 0 : recent[ThreadLocalRandom.current().nextInt(count)];
    }
}
