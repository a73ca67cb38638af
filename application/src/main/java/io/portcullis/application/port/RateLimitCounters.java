package io.portcullis.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counters of hits per (bucket, key), each counting within a window that opens at its first hit
 * and lasts the length that hit gave. Every node that shares the store shares the counters: an
 * increment is atomic, so concurrent hits on one counter, from any node, are each counted once.
 * Keys are digests chosen by the caller; a store never sees an address or a login.
 */
public interface RateLimitCounters {

    /** A counter's open window: how many hits it holds, and when it ends (exclusive). */
    record Window(long hits, Instant endsAt) {}

    /**
     * Adds one hit. A counter that does not exist or whose window ended by {@code now} starts
     * over with this hit and a window of {@code length} from {@code now}; otherwise its window
     * is kept. Returns the window after this hit.
     */
    Window increment(String bucket, String key, Instant now, Duration length);

    /** The counter's window if it is open at {@code now}; empty when it never was or has ended. */
    Optional<Window> read(String bucket, String key, Instant now);

    /** Forgets the counter; nothing happens when there is none. */
    void clear(String bucket, String key);
}
