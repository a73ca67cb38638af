package io.portcullis.application.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit refused the request before any work was done; the client may try again after
 * {@link #retryAfter()}. The message names the action only, never the IP or the key.
 */
public final class RateLimitExceededException extends RuntimeException {

    private final RateLimitedAction action;
    private final Duration retryAfter;

    public RateLimitExceededException(RateLimitedAction action, Duration retryAfter) {
        super("rate limit of " + Objects.requireNonNull(action, "action").settingName() + " reached", null, false, false);
        this.action = action;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public RateLimitedAction action() {
        return action;
    }

    /** How long until the request would be allowed; positive. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: the {@code Retry-After} value. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
