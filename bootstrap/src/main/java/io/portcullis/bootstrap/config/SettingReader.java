package io.portcullis.bootstrap.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed access to the resolved settings. A value that cannot be read records a problem naming its
 * key and source, and a placeholder is returned so reading goes on and every problem is found in
 * one pass; callers check {@link #problemCount()} before building anything from what they read.
 * Values of secret keys never appear in a message.
 */
final class SettingReader {

    private final ConfigSources sources;
    private final List<ConfigProblem> problems;

    SettingReader(ConfigSources sources, List<ConfigProblem> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    int problemCount() {
        return problems.size();
    }

    /** Records a problem about one or more keys, each named with the source of its value. */
    void problem(String message, String... keys) {
        var locations = Arrays.stream(keys)
                .map(key -> new ConfigProblem.Location(key, sources.sourceOf(key)))
                .toList();
        problems.add(new ConfigProblem(locations, message));
    }

    /** The raw text, stripped; empty when no layer sets the key. */
    Optional<String> raw(String key) {
        return sources.get(key).map(ConfigSources.Value::text);
    }

    /** Text where blank means unset. */
    Optional<String> optionalText(String key) {
        return raw(key).filter(text -> !text.isBlank());
    }

    /** Text that must be present and not blank. */
    String requiredText(String key) {
        Optional<String> text = optionalText(key);
        if (text.isEmpty()) {
            problem("needs a value", key);
            return "";
        }
        return text.get();
    }

    /** A comma-separated list; blank is the empty list. */
    List<String> list(String key) {
        return raw(key).map(ConfigSources::splitList).orElse(List.of());
    }

    boolean bool(String key) {
        Optional<String> text = present(key);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem("must be true or false, not " + shown(key, text.get()), key);
                yield false;
            }
        };
    }

    int integer(String key, int min, int max) {
        Optional<String> text = present(key);
        return text.isEmpty() ? min : parseInteger(key, text.get(), min, max);
    }

    /** A whole number, or empty when unset (the caller computes the default). */
    OptionalInt optionalInteger(String key, int min, int max) {
        Optional<String> text = optionalText(key);
        return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(parseInteger(key, text.get(), min, max));
    }

    private int parseInteger(String key, String text, int min, int max) {
        String digits = text.replace("_", "");
        try {
            int value = Integer.parseInt(digits);
            if (value < min || value > max) {
                problem("must be between " + min + " and " + max + ", not " + shown(key, text), key);
                return min;
            }
            return value;
        } catch (NumberFormatException e) {
            problem("must be a whole number between " + min + " and " + max + ", not " + shown(key, text), key);
            return min;
        }
    }

    double decimal(String key, double min, double max) {
        Optional<String> text = present(key);
        if (text.isEmpty()) {
            return min;
        }
        try {
            double value = new BigDecimal(text.get()).doubleValue();
            if (value < min || value > max) {
                problem("must be between " + min + " and " + max + ", not " + shown(key, text.get()), key);
                return min;
            }
            return value;
        } catch (NumberFormatException e) {
            problem("must be a number between " + min + " and " + max + ", not " + shown(key, text.get()), key);
            return min;
        }
    }

    /** A duration of at least {@code min}, as ISO-8601 ({@code PT5M}) or short form ({@code 5m}). */
    Duration duration(String key, Duration min) {
        Optional<String> text = present(key);
        if (text.isEmpty()) {
            return min;
        }
        Optional<Duration> value = Durations.parse(text.get());
        if (value.isEmpty()) {
            problem("must be a duration such as PT5M, 5m, 300s, 1h30m or 1d, not " + shown(key, text.get()), key);
            return min;
        }
        if (value.get().compareTo(min) < 0) {
            String floor = min.isZero() ? "may not be negative" : "must be at least " + Durations.format(min);
            problem(floor + ", not " + shown(key, text.get()), key);
            return min;
        }
        return value.get();
    }

    /**
     * One of a fixed set of words, compared ignoring case. {@code allowed} maps each accepted word,
     * in the order messages list them, to its value.
     */
    <T> T oneOf(String key, Map<String, T> allowed, T placeholder) {
        Optional<String> text = present(key);
        if (text.isEmpty()) {
            return placeholder;
        }
        for (var entry : allowed.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(text.get())) {
                return entry.getValue();
            }
        }
        problem("must be one of " + words(allowed.keySet()) + ", not " + shown(key, text.get()), key);
        return placeholder;
    }

    /** How a value may be quoted in a message: never for a secret key. */
    static String shown(String key, String text) {
        return ConfigKeys.isSecret(key) ? "the value given (hidden: secret)" : "\"" + text + "\"";
    }

    static String words(Collection<String> words) {
        return String.join(", ", words);
    }

    /** The value of a key that must have one; blank or unset records a problem. */
    private Optional<String> present(String key) {
        Optional<String> text = raw(key);
        if (text.isEmpty() || text.get().isBlank()) {
            ConfigSource.Kind kind = sources.sourceOf(key).kind();
            String hint = kind == ConfigSource.Kind.DEFAULT || kind == ConfigSource.Kind.UNSET
                    ? "needs a value"
                    : "is empty; give a value or remove it to use the default";
            problem(hint, key);
            return Optional.empty();
        }
        return text;
    }
}
