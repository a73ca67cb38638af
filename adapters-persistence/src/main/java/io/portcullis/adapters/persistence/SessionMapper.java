package io.portcullis.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code sessions} and {@code refresh_tokens}; the SQL is in {@code SessionMapper.xml}. */
interface SessionMapper {

    int insertSession(@Param("id") String id, @Param("accountId") long accountId, @Param("createdAt") Instant createdAt,
            @Param("userAgent") String userAgent, @Param("ipAddress") String ipAddress,
            @Param("keyDigest") String keyDigest);

    SessionRow selectLiveByKey(@Param("keyDigest") String keyDigest, @Param("now") Instant now);

    int touch(@Param("id") String id, @Param("at") Instant at, @Param("userAgent") String userAgent,
            @Param("ipAddress") String ipAddress);

    int extend(@Param("id") String id, @Param("expiresAt") Instant expiresAt);

    List<SessionRow> selectLive(@Param("accountId") long accountId, @Param("now") Instant now);

    int countActive(@Param("id") String id);

    int revoke(@Param("id") String id, @Param("at") Instant at);

    int revokeAll(@Param("accountId") long accountId, @Param("at") Instant at);

    int insertRefreshToken(@Param("jti") String jti, @Param("sessionId") String sessionId,
            @Param("accountId") long accountId, @Param("expiresAt") Instant expiresAt);

    /** Marks a live token used; 1 when this call consumed it, 0 when it was used or unknown. */
    int markUsed(@Param("jti") String jti, @Param("at") Instant at);

    int countTokens(@Param("jti") String jti);

    int countUsed(@Param("jti") String jti);
}
