package io.portcullis.adapters.persistence;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code rate_limit_counters}; the SQL is in {@code RateLimitCounterMapper.xml}. */
interface RateLimitCounterMapper {

    /** Adds a hit to an existing counter, or starts its window over; 0 when the counter does not exist. */
    int increment(@Param("bucket") String bucket, @Param("key") String key, @Param("now") Instant now,
            @Param("endsAt") Instant endsAt);

    /** Creates the counter with one hit; 0 (PostgreSQL) or a duplicate key (H2, Oracle) when it exists. */
    int insertFirst(@Param("bucket") String bucket, @Param("key") String key, @Param("endsAt") Instant endsAt);

    RateLimitCounterRow select(@Param("bucket") String bucket, @Param("key") String key);

    int delete(@Param("bucket") String bucket, @Param("key") String key);
}
