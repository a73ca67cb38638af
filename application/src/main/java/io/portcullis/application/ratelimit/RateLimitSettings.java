package io.portcullis.application.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of every rate-limited action, django-allauth's {@code ACCOUNT_RATE_LIMITS} with
 * {@code ACCOUNT_RATE_LIMITS = False} as {@code enabled = false}.
 *
 * @param enabled false switches every limit off, whatever the rules say
 * @param rules per action; an action without rules is not limited
 * @param maxBackoff the longest a (login, IP) pair is held back after repeated breaches of a
 *     login-failure rule per key; each breach within a day doubles the rule's period up to this
 */
public record RateLimitSettings(boolean enabled, Map<RateLimitedAction, List<Rate>> rules, Duration maxBackoff) {

    public RateLimitSettings {
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("the longest backoff must be positive, got " + maxBackoff);
        }
        var copy = new EnumMap<RateLimitedAction, List<Rate>>(RateLimitedAction.class);
        rules.forEach((action, list) -> {
            if (!action.keyed() && list.stream().anyMatch(rate -> rate.per() == Rate.Per.KEY)) {
                throw new IllegalArgumentException(action.settingName() + " is limited per IP only; it has no key");
            }
            copy.put(action, List.copyOf(list));
        });
        rules = Map.copyOf(copy);
    }

    /** django-allauth's defaults where it has the action, and a generous per-IP limit on refreshes. */
    public static RateLimitSettings defaults() {
        var rules = new EnumMap<RateLimitedAction, List<Rate>>(RateLimitedAction.class);
        for (RateLimitedAction action : RateLimitedAction.values()) {
            rules.put(action, Rate.parseAll(defaultRules(action)));
        }
        return new RateLimitSettings(true, rules, defaultMaxBackoff());
    }

    /** No limit at all. */
    public static RateLimitSettings off() {
        return new RateLimitSettings(false, Map.of(), defaultMaxBackoff());
    }

    /** The built-in rules of an action, in the syntax {@link Rate#parseAll} reads. */
    public static String defaultRules(RateLimitedAction action) {
        return switch (action) {
            case LOGIN_FAILED -> "10/m/ip,5/5m/key";
            case SIGNUP -> "20/m/ip";
            case RESET_PASSWORD -> "20/m/ip,5/m/key";
            case CONFIRM_EMAIL -> "10/m/ip,1/3m/key";
            case TOKEN_REFRESH -> "300/m/ip";
        };
    }

    public static Duration defaultMaxBackoff() {
        return Duration.ofHours(1);
    }

    /** The rules that apply to {@code action}: none when limits are off. */
    public List<Rate> rulesOf(RateLimitedAction action) {
        return enabled ? rules.getOrDefault(action, List.of()) : List.of();
    }

    /** These settings with other rules for one action. */
    public RateLimitSettings with(RateLimitedAction action, String rulesText) {
        var changed = new EnumMap<RateLimitedAction, List<Rate>>(RateLimitedAction.class);
        changed.putAll(rules);
        changed.put(action, Rate.parseAll(rulesText));
        return new RateLimitSettings(enabled, changed, maxBackoff);
    }
}
