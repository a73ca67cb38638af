package io.portcullis.application.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule: at most {@code amount} hits per {@code period}, counted per client IP or per key.
 * Written as in django-allauth's {@code ACCOUNT_RATE_LIMITS}: {@code 10/m/ip}, {@code 5/5m/key},
 * {@code 1/3m/key}; the period is a number (1 when left out) and a unit, {@code s}, {@code m},
 * {@code h} or {@code d}.
 */
public record Rate(int amount, Duration period, Per per) {

    /** What a rule counts by. */
    public enum Per {
        IP,
        KEY;

        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern RULE = Pattern.compile("(\\d{1,9})/(\\d{0,9})([smhd])/(ip|key)");

    public Rate {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(per, "per");
        if (amount < 1) {
            throw new IllegalArgumentException("a rule allows at least one hit, got " + amount);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rule's period must be positive, got " + period);
        }
    }

    /**
     * The rules of one action, comma-separated; {@code off} or an empty text is none.
     *
     * @throws IllegalArgumentException naming the rule that is not of the form
     *     {@code <amount>/<period>/<ip|key>}
     */
    public static List<Rate> parseAll(String rules) {
        String text = rules.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("off")) {
            return List.of();
        }
        var parsed = new ArrayList<Rate>();
        for (String rule : text.split(",", -1)) {
            parsed.add(parse(rule.strip()));
        }
        return List.copyOf(parsed);
    }

    /** One rule such as {@code 5/5m/key}. */
    public static Rate parse(String rule) {
        Matcher m = RULE.matcher(rule.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + rule + "\" is not a rule of the form <amount>/<period>/<ip|key>,"
                    + " such as 10/m/ip or 5/5m/key");
        }
        long count = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        if (count < 1) {
            throw new IllegalArgumentException("\"" + rule + "\" has a period of zero");
        }
        Duration unit = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        int amount = Integer.parseInt(m.group(1));
        if (amount < 1) {
            throw new IllegalArgumentException("\"" + rule + "\" allows no hit at all; write off to switch it off");
        }
        return new Rate(amount, unit.multipliedBy(count), Per.valueOf(m.group(4).toUpperCase(Locale.ROOT)));
    }

    /** The rule in the syntax {@link #parse} reads. */
    public String text() {
        long seconds = period.toSeconds();
        String periodText;
        if (seconds % 86_400 == 0) {
            periodText = unitText(seconds / 86_400, "d");
        } else if (seconds % 3_600 == 0) {
            periodText = unitText(seconds / 3_600, "h");
        } else if (seconds % 60 == 0) {
            periodText = unitText(seconds / 60, "m");
        } else {
            periodText = unitText(seconds, "s");
        }
        return amount + "/" + periodText + "/" + per.settingName();
    }

    private static String unitText(long count, String unit) {
        return count == 1 ? unit : count + unit;
    }
}
