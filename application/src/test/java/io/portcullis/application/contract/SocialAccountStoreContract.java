package io.portcullis.application.contract;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static io.portcullis.domain.account.AccountFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.DuplicateSocialAccountException;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.social.SocialAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SocialAccountStore} promises. The tests do not assume an empty store (every
 * identity has a uid of its own), so a subclass may share one store between tests. Instants are
 * whole milliseconds, which every store keeps.
 *
 * <p>Decided here, where the port leaves room: the uid is compared exactly (provider subjects are
 * case-sensitive), the same uid at two providers is two identities, and the details are kept as
 * given, Unicode included.
 */
public abstract class SocialAccountStoreContract {

    private static final Instant LATER = NOW.plus(Duration.ofHours(2));

    protected abstract SocialAccountStore socialAccounts();

    protected abstract AccountStore accounts();

    private AccountId anAccount() {
        return accounts().add(newAccount().build()).id();
    }

    @Test
    void a_link_is_found_by_provider_and_uid_and_by_id_with_every_field() {
        AccountId account = anAccount();
        String uid = unique("sub-");
        Map<String, String> details = Map.of("name", "Zoë Ångström", "login", "zoe");

        SocialAccount linked = socialAccounts().link(account, "google", uid, details, NOW);

        assertThat(linked.account()).isEqualTo(account);
        assertThat(linked.provider()).isEqualTo("google");
        assertThat(linked.uid()).isEqualTo(uid);
        assertThat(linked.details()).isEqualTo(details);
        assertThat(linked.dateJoined()).isEqualTo(NOW);
        assertThat(linked.lastLogin()).isEqualTo(NOW);
        assertThat(socialAccounts().find("google", uid)).contains(linked);
        assertThat(socialAccounts().findById(linked.id())).contains(linked);
    }

    @Test
    void an_identity_is_linked_once_whichever_account_asks() {
        String uid = unique("sub-");
        SocialAccount first = socialAccounts().link(anAccount(), "github", uid, Map.of(), NOW);

        assertThatThrownBy(() -> socialAccounts().link(anAccount(), "github", uid, Map.of(), LATER))
                .isInstanceOf(DuplicateSocialAccountException.class);
        assertThatThrownBy(() -> socialAccounts().link(first.account(), "github", uid, Map.of(), LATER))
                .isInstanceOf(DuplicateSocialAccountException.class);
        assertThat(socialAccounts().find("github", uid)).contains(first);
    }

    @Test
    void the_same_uid_at_two_providers_is_two_identities_and_uids_keep_their_case() {
        AccountId account = anAccount();
        String uid = unique("Sub-");
        SocialAccount google = socialAccounts().link(account, "google", uid, Map.of(), NOW);
        SocialAccount corp = socialAccounts().link(account, "corp", uid, Map.of(), NOW);

        assertThat(google.id()).isNotEqualTo(corp.id());
        assertThat(socialAccounts().find("google", uid.toLowerCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(socialAccounts().find("microsoft", uid)).isEmpty();
    }

    @Test
    void an_account_lists_its_own_links_oldest_first() {
        AccountId account = anAccount();
        AccountId other = anAccount();
        SocialAccount first = socialAccounts().link(account, "google", unique("a-"), Map.of(), NOW);
        socialAccounts().link(other, "google", unique("b-"), Map.of(), NOW);
        SocialAccount second = socialAccounts().link(account, "github", unique("c-"), Map.of(), LATER);

        assertThat(socialAccounts().listByAccount(account)).containsExactly(first, second);
        assertThat(socialAccounts().listByAccount(anAccount())).isEmpty();
    }

    @Test
    void a_login_moves_last_login_and_replaces_the_details() {
        SocialAccount linked = socialAccounts().link(anAccount(), "google", unique("sub-"), Map.of("name", "Old"), NOW);

        socialAccounts().recordLogin(linked.id(), Map.of("name", "New", "picture", "https://example.com/p.png"), LATER);

        SocialAccount after = socialAccounts().findById(linked.id()).orElseThrow();
        assertThat(after.lastLogin()).isEqualTo(LATER);
        assertThat(after.dateJoined()).isEqualTo(NOW);
        assertThat(after.details()).isEqualTo(Map.of("name", "New", "picture", "https://example.com/p.png"));
    }

    @Test
    void only_the_owner_unlinks_and_only_once() {
        AccountId owner = anAccount();
        SocialAccount linked = socialAccounts().link(owner, "google", unique("sub-"), Map.of(), NOW);

        assertThat(socialAccounts().unlink(linked.id(), anAccount())).isFalse();
        assertThat(socialAccounts().findById(linked.id())).isPresent();
        assertThat(socialAccounts().unlink(linked.id(), owner)).isTrue();
        assertThat(socialAccounts().unlink(linked.id(), owner)).isFalse();
        assertThat(socialAccounts().findById(linked.id())).isEmpty();
        assertThat(socialAccounts().find("google", linked.uid())).isEmpty();
    }

    @Test
    void an_unlinked_identity_can_be_linked_again_to_another_account() {
        AccountId owner = anAccount();
        String uid = unique("sub-");
        SocialAccount linked = socialAccounts().link(owner, "google", uid, Map.of(), NOW);
        socialAccounts().unlink(linked.id(), owner);

        AccountId next = anAccount();
        SocialAccount again = socialAccounts().link(next, "google", uid, Map.of(), LATER);

        assertThat(socialAccounts().find("google", uid)).contains(again);
    }

    @Test
    void of_concurrent_links_of_one_identity_exactly_one_wins() throws InterruptedException {
        String uid = unique("race-");
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Object>>();
        for (int i = 0; i < 12; i++) {
            AccountId owner = anAccount();
            tasks.add(() -> socialAccounts().link(owner, "google", uid, Map.of(), NOW));
        }

        var results = Concurrently.run(tasks);

        assertThat(results).filteredOn(SocialAccount.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(DuplicateSocialAccountException.class::isInstance).hasSize(11);
        assertThat(socialAccounts().find("google", uid)).contains((SocialAccount) results.stream()
                .filter(SocialAccount.class::isInstance).findFirst().orElseThrow());
    }

    @Test
    void unknown_ids_find_nothing() {
        assertThat(socialAccounts().findById(Long.MAX_VALUE - 3)).isEmpty();
        assertThat(socialAccounts().unlink(Long.MAX_VALUE - 3, anAccount())).isFalse();
    }
}
