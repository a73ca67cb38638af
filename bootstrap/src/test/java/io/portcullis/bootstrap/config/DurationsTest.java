package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void isoAndShortFormsAgree() {
        assertThat(Durations.parse("PT5M")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("300s")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("P1D")).contains(Duration.ofDays(1));
        assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(Durations.parse("pt0s")).contains(Duration.ZERO);
        assertThat(Durations.parse("0")).contains(Duration.ZERO);
        assertThat(Durations.parse("5M")).contains(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 m", "m", "5min", "1.5h", "PT", "P1Y", "99999999999999999999d", "-5m"})
    void refusesWhatItCannotRead(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
