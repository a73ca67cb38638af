package io.portcullis.adapters.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void writesUtcToTheMicrosecond() {
        assertThat(Timestamps.iso(Instant.parse("2026-11-29T03:37:33.434930123Z"))).isEqualTo("2026-11-29T03:37:33.434930Z");
        assertThat(Timestamps.iso(Instant.parse("2026-11-29T03:37:33Z"))).isEqualTo("2026-11-29T03:37:33.000000Z");
    }
}
