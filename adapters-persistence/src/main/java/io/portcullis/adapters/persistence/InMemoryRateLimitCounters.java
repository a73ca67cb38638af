package io.portcullis.adapters.persistence;

import io.portcullis.application.port.RateLimitCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate-limit counters in this process's memory, for a single node: nothing is shared with
 * another node, and a restart forgets every counter. Each increment is atomic (one
 * {@link ConcurrentHashMap#compute} per counter). Every {@value #PURGE_EVERY} increments, the
 * counters whose window ended are dropped, so memory follows the clients of the last window.
 */
public final class InMemoryRateLimitCounters implements RateLimitCounters {

    static final int PURGE_EVERY = 4096;

    private record Id(String bucket, String key) {}

    private final ConcurrentHashMap<Id, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong increments = new AtomicLong();

    @Override
    public Window increment(String bucket, String key, Instant now, Duration length) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(length, "length");
        if (increments.incrementAndGet() % PURGE_EVERY == 0) {
            purge(now);
        }
        return windows.compute(new Id(bucket, key), (id, window) -> window == null || !window.endsAt().isAfter(now)
                ? new Window(1, now.plus(length))
                : new Window(window.hits() + 1, window.endsAt()));
    }

    @Override
    public Optional<Window> read(String bucket, String key, Instant now) {
        Objects.requireNonNull(now, "now");
        return Optional.ofNullable(windows.get(new Id(bucket, key))).filter(window -> window.endsAt().isAfter(now));
    }

    @Override
    public void clear(String bucket, String key) {
        windows.remove(new Id(bucket, key));
    }

    /** Drops the counters whose window ended by {@code now}; returns how many. */
    public int purge(Instant now) {
        int before = windows.size();
        windows.values().removeIf(window -> !window.endsAt().isAfter(now));
        return Math.max(0, before - windows.size());
    }

    /** How many counters are held, ended or not. */
    public int size() {
        return windows.size();
    }
}
