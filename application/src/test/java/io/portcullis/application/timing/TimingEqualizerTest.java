package io.portcullis.application.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingEqualizerTest {

    private long now;
    /** How much later than asked a pause ends. */
    private long late;
    private final List<Long> pauses = new ArrayList<>();
    private final TimingEqualizer equalizer = new TimingEqualizer(() -> now, nanos -> {
        pauses.add(nanos);
        now += nanos + late;
    });

    /** A request that starts now, works for {@code nanos} and finishes down the given branch. */
    private void request(long nanos, boolean dearer) {
        long started = equalizer.start();
        now += nanos;
        equalizer.finished(started, dearer);
    }

    @Test
    void beforeAnyDearerRequestTheCheaperOneDoesNotWait() {
        request(1_000, false);

        assertThat(pauses).isEmpty();
    }

    @Test
    void aCheaperRequestLastsAsLongAsARecentDearerOne() {
        request(5_000, true);
        long started = now;

        request(1_200, false);

        assertThat(pauses).containsExactly(3_800L);
        assertThat(now - started).isEqualTo(5_000);
    }

    @Test
    void aCheaperRequestThatTookLongerAlreadyDoesNotWait() {
        request(5_000, true);

        request(7_000, false);

        assertThat(pauses).isEmpty();
    }

    @Test
    void dearerRequestsNeverWait() {
        request(5_000, true);
        request(1_000, true);

        assertThat(pauses).isEmpty();
    }

    @Test
    void theWaitsFollowTheDistributionOfTheRecentDearerRequests() {
        for (int i = 0; i < TimingEqualizer.SAMPLES; i++) {
            request(i % 2 == 0 ? 2_000 : 8_000, true);
        }
        var durations = new ArrayList<Long>();
        for (int i = 0; i < 2_000; i++) {
            long started = now;
            request(1_000, false);
            durations.add(now - started);
        }

        assertThat(durations).containsOnly(2_000L, 8_000L);
        long longer = durations.stream().filter(d -> d == 8_000L).count();
        assertThat(longer).as("about half of 2,000 draws").isBetween(850L, 1_150L);
    }

    @Test
    void onlyTheMostRecentDearerRequestsCount() {
        request(50_000, true);
        for (int i = 0; i < TimingEqualizer.SAMPLES; i++) {
            request(3_000, true);
        }

        for (int i = 0; i < 100; i++) {
            long started = now;
            request(1_000, false);
            assertThat(now - started).isEqualTo(3_000);
        }
    }

    @Test
    void pausesThatEndLateAreAskedShorter() {
        late = 800;
        request(10_000, true);
        var durations = new ArrayList<Long>();
        for (int i = 0; i < 60; i++) {
            long started = now;
            request(1_000, false);
            durations.add(now - started);
        }

        assertThat(durations.getFirst()).isEqualTo(10_800);
        assertThat(durations.getLast()).as("lateness learnt").isBetween(10_000L, 10_100L);
    }

    @Test
    void aRareVeryLatePauseDoesNotShortenTheOthers() {
        request(10_000, true);
        late = 100;
        for (int i = 0; i < 20; i++) {
            request(1_000, false);
        }
        late = 50_000;
        request(1_000, false);
        late = 100;

        long started = now;
        request(1_000, false);

        assertThat(now - started).isBetween(9_900L, 10_100L);
    }
}
