package io.portcullis.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code audit_events}; the SQL is in {@code AuditEventMapper.xml}. */
interface AuditEventMapper {

    int insert(@Param("occurredAt") Instant occurredAt, @Param("eventType") String eventType,
            @Param("outcome") String outcome, @Param("accountId") Long accountId, @Param("ipAddress") String ipAddress,
            @Param("userAgent") String userAgent, @Param("reason") String reason);

    /** The rows with an instant in {@code [from, to)}, in the order written. */
    List<AuditEventRow> selectBetween(@Param("from") Instant from, @Param("to") Instant to);

    /** An account's rows, the most recent first, at most {@code limit}. */
    List<AuditEventRow> selectOfAccount(@Param("accountId") long accountId, @Param("limit") int limit);
}
