package io.portcullis.adapters.persistence;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Purges of rows no one needs any more, at most {@code batch} rows a call; the SQL is in {@code HousekeepingMapper.xml}. */
interface HousekeepingMapper {

    int deleteOneTimeTokensEndedBefore(@Param("cutoff") Instant cutoff, @Param("batch") int batch);

    int deleteRefreshTokensExpiredBefore(@Param("cutoff") Instant cutoff, @Param("batch") int batch);

    int deleteMailSentBefore(@Param("cutoff") Instant cutoff, @Param("batch") int batch);

    /** Sessions (and, by the foreign key's cascade, their refresh tokens) ended before the cutoff. */
    int deleteSessionsEndedBefore(@Param("cutoff") Instant cutoff, @Param("batch") int batch);

    /** Rate-limit counters whose window ended at the cutoff or before. */
    int deleteRateLimitCountersEndedBy(@Param("cutoff") Instant cutoff, @Param("batch") int batch);

    int deleteAuditEventsBefore(@Param("cutoff") Instant cutoff, @Param("batch") int batch);
}
