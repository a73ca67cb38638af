package io.portcullis.adapters.persistence;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code accounts}; the SQL is in {@code AccountMapper.xml}. */
interface AccountMapper {

    int insert(AccountWrite account);

    AccountRow selectById(@Param("id") long id);

    AccountRow selectByEmailCanonical(@Param("canonical") String canonical);

    AccountRow selectByUsernameCanonical(@Param("canonical") String canonical);

    int countByEmailCanonical(@Param("canonical") String canonical);

    int countByUsernameCanonical(@Param("canonical") String canonical);

    /** Writes the content when the stored version is {@code expectedVersion}; returns the rows changed. */
    int update(@Param("a") AccountWrite account, @Param("expectedVersion") long expectedVersion);

    int updateLastLogin(@Param("id") long id, @Param("at") Instant at);
}
