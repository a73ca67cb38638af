package io.portcullis.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.port.RateLimitCounters;
import io.portcullis.application.port.RateLimitCounters.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitCounters} promises. Run it against an implementation by extending
 * it. Every test uses keys of its own, so a subclass may share one store between tests; instants
 * are whole milliseconds, which every store keeps.
 *
 * <p>Decided here, where the port leaves room: a window is open strictly before its end, so an
 * increment at {@code endsAt} starts a new one; a later increment's length does not change an
 * open window.
 */
public abstract class RateLimitCountersContract {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00.123Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** The store under test. May return the same store on every call within one test. */
    protected abstract RateLimitCounters counters();

    /** How many threads the concurrency test runs; a database store needs as many connections. */
    protected int concurrency() {
        return 50;
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void the_first_hit_opens_a_window_of_the_given_length() {
        String key = key();

        Window window = counters().increment("login-failed/0", key, NOW, MINUTE);

        assertThat(window).isEqualTo(new Window(1, NOW.plus(MINUTE)));
        assertThat(counters().read("login-failed/0", key, NOW)).contains(window);
    }

    @Test
    void hits_within_the_window_add_up_and_keep_its_end() {
        String key = key();
        counters().increment("signup/0", key, NOW, MINUTE);
        counters().increment("signup/0", key, NOW.plusSeconds(10), MINUTE);

        Window third = counters().increment("signup/0", key, NOW.plusSeconds(59), Duration.ofHours(5));

        assertThat(third).isEqualTo(new Window(3, NOW.plus(MINUTE)));
        assertThat(counters().read("signup/0", key, NOW.plusSeconds(30))).contains(third);
    }

    @Test
    void a_window_ends_at_its_end_and_the_next_hit_starts_over() {
        String key = key();
        counters().increment("signup/0", key, NOW, MINUTE);
        counters().increment("signup/0", key, NOW, MINUTE);
        Instant end = NOW.plus(MINUTE);

        assertThat(counters().read("signup/0", key, end.minusMillis(1))).map(Window::hits).contains(2L);
        assertThat(counters().read("signup/0", key, end)).isEmpty();
        assertThat(counters().increment("signup/0", key, end, Duration.ofMinutes(3)))
                .isEqualTo(new Window(1, end.plus(Duration.ofMinutes(3))));
    }

    @Test
    void an_unknown_counter_reads_as_none() {
        assertThat(counters().read("signup/0", key(), NOW)).isEmpty();
    }

    @Test
    void buckets_and_keys_count_apart() {
        String key = key();
        String other = key();
        counters().increment("reset-password/0", key, NOW, MINUTE);
        counters().increment("reset-password/0", key, NOW, MINUTE);
        counters().increment("reset-password/1", key, NOW, MINUTE);
        counters().increment("reset-password/0", other, NOW, MINUTE);

        assertThat(counters().read("reset-password/0", key, NOW)).map(Window::hits).contains(2L);
        assertThat(counters().read("reset-password/1", key, NOW)).map(Window::hits).contains(1L);
        assertThat(counters().read("reset-password/0", other, NOW)).map(Window::hits).contains(1L);
    }

    @Test
    void clearing_forgets_one_counter_only() {
        String key = key();
        counters().increment("login-failed/1", key, NOW, MINUTE);
        counters().increment("login-failed/1", key, NOW, MINUTE);
        counters().increment("login-failed/0", key, NOW, MINUTE);

        counters().clear("login-failed/1", key);
        counters().clear("login-failed/1", key());

        assertThat(counters().read("login-failed/1", key, NOW)).isEmpty();
        assertThat(counters().read("login-failed/0", key, NOW)).map(Window::hits).contains(1L);
        assertThat(counters().increment("login-failed/1", key, NOW.plusSeconds(1), MINUTE))
                .isEqualTo(new Window(1, NOW.plusSeconds(1).plus(MINUTE)));
    }

    @Test
    void concurrent_hits_are_each_counted_once() throws InterruptedException {
        String key = key();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < concurrency(); i++) {
            tasks.add(() -> counters().increment("login-failed/0", key, NOW, MINUTE).hits());
        }

        List<Object> hits = Concurrently.run(tasks);

        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= concurrency(); i++) {
            expected.add(i);
        }
        assertThat(hits).as("every hit sees a count of its own").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counters().read("login-failed/0", key, NOW)).map(Window::hits).contains((long) concurrency());
    }

    @Test
    void concurrent_first_hits_on_an_ended_window_start_one_new_window() throws InterruptedException {
        String key = key();
        counters().increment("signup/0", key, NOW, MINUTE);
        Instant later = NOW.plus(Duration.ofMinutes(2));
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < concurrency(); i++) {
            tasks.add(() -> counters().increment("signup/0", key, later, MINUTE));
        }

        List<Object> windows = Concurrently.run(tasks);

        assertThat(windows).allSatisfy(w -> assertThat(((Window) w).endsAt()).isEqualTo(later.plus(MINUTE)));
        assertThat(windows).extracting(w -> ((Window) w).hits()).doesNotHaveDuplicates();
        assertThat(counters().read("signup/0", key, later)).map(Window::hits).contains((long) concurrency());
    }
}
