package io.portcullis.adapters.persistence;

import java.time.Instant;

/** A row of {@code rate_limit_counters}: the hits of the counter's window and its end. */
record RateLimitCounterRow(long hits, Instant endsAt) {}
