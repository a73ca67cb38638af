package io.portcullis.bootstrap.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations written as ISO-8601 ({@code PT5M}, {@code P1D}) or in the short form operators
 * type: a number and a unit, possibly several ({@code 300s}, {@code 5m}, {@code 1d}, {@code 1h30m}).
 * Units: {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}. A bare {@code 0} is zero.
 */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-P") || trimmed.startsWith("-p")) {
            try {
                return Optional.of(Duration.parse(trimmed));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!SHORT_FORM.matcher(lower).matches()) {
            return Optional.empty();
        }
        try {
            Duration total = Duration.ZERO;
            Matcher part = PART.matcher(lower);
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> throw new IllegalStateException(part.group(2));
                });
            }
            return Optional.of(total);
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The shortest short form of a duration, for messages and documentation: {@code 5m}, {@code 1d}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        var text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        long days = rest.toDays();
        rest = rest.minusDays(days);
        long hours = rest.toHours();
        rest = rest.minusHours(hours);
        long minutes = rest.toMinutes();
        rest = rest.minusMinutes(minutes);
        long seconds = rest.toSeconds();
        long millis = rest.minusSeconds(seconds).toMillis();
        append(text, days, "d");
        append(text, hours, "h");
        append(text, minutes, "m");
        append(text, seconds, "s");
        append(text, millis, "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }
}
