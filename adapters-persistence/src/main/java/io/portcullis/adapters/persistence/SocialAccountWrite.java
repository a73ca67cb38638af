package io.portcullis.adapters.persistence;

import java.time.Instant;

/** The parameters of an insert into {@code social_accounts}; MyBatis writes the generated {@link #id} back. */
final class SocialAccountWrite {
    Long id;
    final long accountId;
    final String provider;
    final String subject;
    final String extraData;
    final Instant at;

    SocialAccountWrite(long accountId, String provider, String subject, String extraData, Instant at) {
        this.accountId = accountId;
        this.provider = provider;
        this.subject = subject;
        this.extraData = extraData;
        this.at = at;
    }
}
