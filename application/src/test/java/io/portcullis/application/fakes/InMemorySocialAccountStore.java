package io.portcullis.application.fakes;

import io.portcullis.application.port.DuplicateSocialAccountException;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.social.SocialAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link SocialAccountStore} in memory, behaving as the database adapter does (see
 * {@code SocialAccountStoreContract}): {@code (provider, uid)} unique, ids from 1 upward.
 */
public class InMemorySocialAccountStore implements SocialAccountStore {

    private final Map<Long, SocialAccount> links = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized SocialAccount link(AccountId account, String provider, String uid, Map<String, String> details,
            Instant now) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(now, "now");
        if (find(provider, uid).isPresent()) {
            throw new DuplicateSocialAccountException(provider);
        }
        var linked = new SocialAccount(++lastId, account, provider, uid, details, now, now);
        links.put(linked.id(), linked);
        return linked;
    }

    @Override
    public synchronized Optional<SocialAccount> find(String provider, String uid) {
        return links.values().stream()
                .filter(link -> link.provider().equals(provider) && link.uid().equals(uid))
                .findFirst();
    }

    @Override
    public synchronized Optional<SocialAccount> findById(long id) {
        return Optional.ofNullable(links.get(id));
    }

    @Override
    public synchronized List<SocialAccount> listByAccount(AccountId account) {
        return links.values().stream().filter(link -> link.account().equals(account)).toList();
    }

    @Override
    public synchronized void recordLogin(long id, Map<String, String> details, Instant at) {
        links.computeIfPresent(id, (key, link) -> new SocialAccount(link.id(), link.account(), link.provider(),
                link.uid(), details, link.dateJoined(), at));
    }

    @Override
    public synchronized boolean unlink(long id, AccountId owner) {
        SocialAccount link = links.get(id);
        if (link == null || !link.account().equals(owner)) {
            return false;
        }
        links.remove(id);
        return true;
    }
}
