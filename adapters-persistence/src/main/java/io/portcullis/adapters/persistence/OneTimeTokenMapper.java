package io.portcullis.adapters.persistence;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code one_time_tokens}; the SQL is in {@code OneTimeTokenMapper.xml}. */
interface OneTimeTokenMapper {

    int insert(@Param("digest") String digest, @Param("purpose") String purpose, @Param("accountId") long accountId,
            @Param("email") String email, @Param("createdAt") Instant createdAt, @Param("expiresAt") Instant expiresAt,
            @Param("usedAt") Instant usedAt);

    OneTimeTokenRow select(@Param("digest") String digest, @Param("purpose") String purpose);

    /** Marks the token used if it is usable at {@code now}; 1 when this call did it. */
    int consume(@Param("digest") String digest, @Param("purpose") String purpose, @Param("now") Instant now);

    int revokeAll(@Param("accountId") long accountId, @Param("purpose") String purpose, @Param("now") Instant now);
}
