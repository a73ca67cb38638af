package io.portcullis.adapters.persistence;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Purges of rows no one needs any more; the SQL is in {@code HousekeepingMapper.xml}. */
interface HousekeepingMapper {

    int deleteOneTimeTokensEndedBefore(@Param("cutoff") Instant cutoff);

    int deleteRefreshTokensExpiredBefore(@Param("cutoff") Instant cutoff);

    int deleteMailSentBefore(@Param("cutoff") Instant cutoff);
}
