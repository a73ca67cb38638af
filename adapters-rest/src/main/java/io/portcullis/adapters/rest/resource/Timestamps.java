package io.portcullis.adapters.rest.resource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as DRF writes datetimes: ISO 8601 in UTC with {@code Z}, to the microsecond. Python
 * drops the fraction when it is exactly zero; we always write it, so a client parsing one fixed
 * format never meets the one-in-a-million exception.
 */
final class Timestamps {

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String iso(Instant instant) {
        return MICROS.format(instant);
    }
}
