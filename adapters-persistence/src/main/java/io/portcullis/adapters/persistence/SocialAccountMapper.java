package io.portcullis.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Statements on {@code social_accounts}; the SQL is in {@code SocialAccountMapper.xml}. */
interface SocialAccountMapper {

    int insert(SocialAccountWrite link);

    SocialAccountRow selectByIdentity(@Param("provider") String provider, @Param("subject") String subject);

    SocialAccountRow selectById(@Param("id") long id);

    List<SocialAccountRow> selectByAccount(@Param("accountId") long accountId);

    int recordLogin(@Param("id") long id, @Param("extraData") String extraData, @Param("at") Instant at);

    int delete(@Param("id") long id, @Param("accountId") long accountId);
}
