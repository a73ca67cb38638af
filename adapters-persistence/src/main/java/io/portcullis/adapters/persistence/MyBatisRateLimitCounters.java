package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import io.portcullis.application.port.RateLimitCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Rate-limit counters in {@code rate_limit_counters}, shared by every node on the database. An
 * increment runs in one transaction: a conditional {@code UPDATE} (the row lock orders concurrent
 * hits), or for a counter's first hit an {@code INSERT}, whose loser in a race updates instead;
 * then it reads the row it holds locked. Instants are stored to the microsecond. Ended windows
 * stay until {@link Housekeeping} purges them.
 */
public final class MyBatisRateLimitCounters implements RateLimitCounters {

    /** The longest bucket name the table holds. */
    static final int MAX_BUCKET_LENGTH = 64;

    private final RateLimitCounterMapper mapper;
    private final MyBatisTransactionRunner transactions;

    public MyBatisRateLimitCounters(Database database) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(RateLimitCounterMapper.class);
        this.transactions = new MyBatisTransactionRunner(database);
    }

    @Override
    public Window increment(String bucket, String key, Instant now, Duration length) {
        requireIds(bucket, key);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(length, "length");
        Instant endsAt = now.plus(length);
        return transactions.inTransaction(() -> {
            if (guard("counting a rate-limit hit", () -> mapper.increment(bucket, key, now, endsAt)) == 0
                    && !insertedFirst(bucket, key, endsAt)) {
                guard("counting a rate-limit hit", () -> mapper.increment(bucket, key, now, endsAt));
            }
            RateLimitCounterRow row = guard("reading a rate-limit counter", () -> mapper.select(bucket, key));
            return new Window(row.hits(), row.endsAt());
        });
    }

    /** False when another transaction created the counter first. */
    private boolean insertedFirst(String bucket, String key, Instant endsAt) {
        try {
            return mapper.insertFirst(bucket, key, endsAt) == 1;
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                return false;
            }
            throw SqlFailures.translate("counting a rate-limit hit", e);
        }
    }

    @Override
    public Optional<Window> read(String bucket, String key, Instant now) {
        requireIds(bucket, key);
        Objects.requireNonNull(now, "now");
        return guard("reading a rate-limit counter", () -> Optional.ofNullable(mapper.select(bucket, key))
                .filter(row -> row.endsAt().isAfter(now))
                .map(row -> new Window(row.hits(), row.endsAt())));
    }

    @Override
    public void clear(String bucket, String key) {
        requireIds(bucket, key);
        guard("clearing a rate-limit counter", () -> mapper.delete(bucket, key));
    }

    private static void requireIds(String bucket, String key) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.length() > MAX_BUCKET_LENGTH || key.length() > MAX_BUCKET_LENGTH) {
            throw new IllegalArgumentException("bucket names and keys hold at most " + MAX_BUCKET_LENGTH
                    + " characters (a SHA-256 digest in hex)");
        }
    }
}
