package io.portcullis.adapters.persistence;

import java.time.Instant;

/** One row of {@code social_accounts} as read. */
record SocialAccountRow(
        long id,
        long accountId,
        String provider,
        String subject,
        String extraData,
        Instant dateJoined,
        Instant lastLogin) {}
