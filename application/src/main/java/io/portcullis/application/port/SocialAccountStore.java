package io.portcullis.application.port;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.social.SocialAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The provider identities linked to accounts, as allauth's SocialAccount table keeps them. */
public interface SocialAccountStore {

    /**
     * Links an identity to an account; it joined and last logged in {@code now}.
     *
     * @throws DuplicateSocialAccountException when {@code (provider, uid)} is already linked, to
     *     this account or another
     */
    SocialAccount link(AccountId account, String provider, String uid, Map<String, String> details, Instant now);

    /** The link of an identity; the provider and uid are compared exactly. */
    Optional<SocialAccount> find(String provider, String uid);

    Optional<SocialAccount> findById(long id);

    /** The account's links, the oldest first (by id). */
    List<SocialAccount> listByAccount(AccountId account);

    /** Notes a login through the link and keeps what the provider now says of the person. */
    void recordLogin(long id, Map<String, String> details, Instant at);

    /** Removes the link if it belongs to {@code owner}; true when this call removed it. */
    boolean unlink(long id, AccountId owner);
}
