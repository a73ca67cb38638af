package io.portcullis.domain.social;

import io.portcullis.domain.account.AccountId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An identity at a social provider linked to an account, as allauth's SocialAccount: known by
 * {@code (provider, uid)}, never by an e-mail address.
 *
 * @param id the link's own number, which the list shows and disconnect takes
 * @param uid the provider's subject for the person (OpenID Connect {@code sub}, GitHub's user id)
 * @param details what the provider said besides (name, login), for display; never tokens
 * @param dateJoined when the identity was linked
 * @param lastLogin when it last logged in (or was linked)
 */
public record SocialAccount(long id, AccountId account, String provider, String uid, Map<String, String> details,
        Instant dateJoined, Instant lastLogin) {

    public SocialAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(dateJoined, "dateJoined");
        Objects.requireNonNull(lastLogin, "lastLogin");
        details = Map.copyOf(details);
        if (provider.isBlank() || uid.isBlank()) {
            throw new IllegalArgumentException("a social account needs a provider and a uid");
        }
    }
}
