package io.portcullis.application.fakes;

import io.portcullis.application.port.RateLimitCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Rate-limit counters in a map, one lock for all; tests read what was counted. */
public final class InMemoryRateLimitCounters implements RateLimitCounters {

    private record Id(String bucket, String key) {}

    private final Map<Id, Window> windows = new HashMap<>();

    @Override
    public synchronized Window increment(String bucket, String key, Instant now, Duration length) {
        return windows.compute(new Id(bucket, key), (id, window) -> window == null || !window.endsAt().isAfter(now)
                ? new Window(1, now.plus(length))
                : new Window(window.hits() + 1, window.endsAt()));
    }

    @Override
    public synchronized Optional<Window> read(String bucket, String key, Instant now) {
        return Optional.ofNullable(windows.get(new Id(bucket, key))).filter(window -> window.endsAt().isAfter(now));
    }

    @Override
    public synchronized void clear(String bucket, String key) {
        windows.remove(new Id(bucket, key));
    }

    /** How many counters exist, open or ended. */
    public synchronized int size() {
        return windows.size();
    }

    /** Every key counted in a bucket, as stored. */
    public synchronized java.util.List<String> keysOf(String bucket) {
        return windows.keySet().stream().filter(id -> id.bucket().equals(bucket)).map(Id::key).toList();
    }
}
