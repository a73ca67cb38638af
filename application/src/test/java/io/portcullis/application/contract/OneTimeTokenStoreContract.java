package io.portcullis.application.contract;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static io.portcullis.domain.account.AccountFixtures.unique;
import static io.portcullis.domain.onetime.OneTimeTokenPurpose.EMAIL_CONFIRMATION;
import static io.portcullis.domain.onetime.OneTimeTokenPurpose.PASSWORD_RESET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OneTimeTokenStore} promises. Run it against an implementation by extending it.
 * The tests do not assume an empty store (every token has a digest of its own), so a subclass may
 * share one store between tests. All instants are whole milliseconds, which every store keeps.
 *
 * <p>Decided here, where the port leaves room:
 *
 * <ul>
 *   <li>A token is kept by digest <em>and</em> purpose: the same digest under the other purpose is
 *       another token (or none).
 *   <li>A token is usable strictly before its expiry: at {@code expiresAt} it is expired.
 *   <li>{@link OneTimeTokenStore#revokeAll} marks used, at {@code now}, only the tokens usable at
 *       {@code now}: a token used earlier keeps its instant, an expired one stays unused.
 *   <li>Saving a digest twice for one purpose fails with some runtime exception (which one is the
 *       implementation's) and leaves the first token as it was.
 * </ul>
 */
public abstract class OneTimeTokenStoreContract {

    private static final Duration LIFETIME = Duration.ofDays(3);
    private static final Instant EXPIRY = NOW.plus(LIFETIME);
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(5));

    /** The store under test. May return the same store on every call within one test. */
    protected abstract OneTimeTokenStore tokens();

    /** The accounts of the same database, so tokens can belong to real accounts. */
    protected abstract AccountStore accounts();

    /** Runs work in one transaction of the store's database. */
    protected abstract TransactionRunner transactions();

    private AccountId anAccount() {
        return accounts().add(newAccount().build()).id();
    }

    private static OneTimeToken token(AccountId account, OneTimeTokenPurpose purpose) {
        return OneTimeToken.issue(new OneTimeKey(unique("key-")), purpose, account,
                Optional.of(new EmailAddress(unique("someone") + "@example.com")), NOW, LIFETIME);
    }

    private static OneTimeToken withExpiry(OneTimeToken t, Instant expiresAt) {
        return new OneTimeToken(t.digest(), t.purpose(), t.account(), t.email(), t.createdAt(), expiresAt, t.usedAt());
    }

    // ---------------------------------------------------------------- save and find

    @Test
    void a_saved_token_is_found_by_digest_and_purpose_with_every_field() {
        AccountId account = anAccount();
        OneTimeKey key = new OneTimeKey(unique("a-key-from-the-mail-"));
        OneTimeToken saved = new OneTimeToken(key.digest(), PASSWORD_RESET, account,
                Optional.of(new EmailAddress(unique("Ann.Smith+tag") + "@Bücher.example.COM")),
                Instant.parse("2026-02-28T23:59:59.987Z"), Instant.parse("2026-03-03T00:00:00.001Z"), Optional.empty());

        tokens().save(saved);

        assertThat(tokens().find(key.digest(), PASSWORD_RESET)).contains(saved);
    }

    @Test
    void a_token_without_an_address_comes_back_without_one() {
        AccountId account = anAccount();
        OneTimeToken saved = OneTimeToken.issue(new OneTimeKey(unique("key-")), EMAIL_CONFIRMATION, account,
                Optional.empty(), NOW, LIFETIME);

        tokens().save(saved);

        assertThat(tokens().find(saved.digest(), EMAIL_CONFIRMATION)).contains(saved);
    }

    @Test
    void a_digest_saved_for_one_purpose_is_not_found_or_consumed_for_the_other() {
        OneTimeToken saved = token(anAccount(), EMAIL_CONFIRMATION);
        tokens().save(saved);

        assertThat(tokens().find(saved.digest(), PASSWORD_RESET)).isEmpty();
        assertThat(tokens().consume(saved.digest(), PASSWORD_RESET, LATER)).isFalse();
        assertThat(tokens().find(saved.digest(), EMAIL_CONFIRMATION)).contains(saved);
        assertThat(tokens().consume(saved.digest(), EMAIL_CONFIRMATION, LATER)).isTrue();
    }

    @Test
    void one_digest_under_both_purposes_is_two_tokens_that_stay_apart() {
        AccountId account = anAccount();
        OneTimeToken confirmation = token(account, EMAIL_CONFIRMATION);
        OneTimeToken reset = new OneTimeToken(confirmation.digest(), PASSWORD_RESET, account, Optional.empty(),
                NOW, NOW.plus(Duration.ofHours(1)), Optional.empty());
        tokens().save(confirmation);
        tokens().save(reset);

        assertThat(tokens().consume(confirmation.digest(), EMAIL_CONFIRMATION, LATER)).isTrue();

        assertThat(tokens().find(reset.digest(), PASSWORD_RESET)).contains(reset);
        assertThat(tokens().consume(reset.digest(), PASSWORD_RESET, LATER)).isTrue();
    }

    @Test
    void an_unknown_digest_is_not_found_and_not_consumed() {
        String digest = new OneTimeKey(unique("never-saved-")).digest();

        assertThat(tokens().find(digest, EMAIL_CONFIRMATION)).isEmpty();
        assertThat(tokens().consume(digest, EMAIL_CONFIRMATION, LATER)).isFalse();
        assertThat(tokens().find(digest, EMAIL_CONFIRMATION)).isEmpty();
    }

    @Test
    void saving_a_digest_twice_for_one_purpose_fails_and_keeps_the_first_token() {
        AccountId account = anAccount();
        OneTimeToken first = token(account, PASSWORD_RESET);
        tokens().save(first);
        OneTimeToken again = new OneTimeToken(first.digest(), PASSWORD_RESET, account, Optional.empty(),
                LATER, LATER.plus(LIFETIME), Optional.empty());

        assertThatThrownBy(() -> tokens().save(again)).isInstanceOf(RuntimeException.class);

        assertThat(tokens().find(first.digest(), PASSWORD_RESET)).contains(first);
    }

    // ---------------------------------------------------------------- consume

    @Test
    void consume_is_true_once_then_false_and_the_token_shows_when_it_was_used() {
        OneTimeToken saved = token(anAccount(), EMAIL_CONFIRMATION);
        tokens().save(saved);

        assertThat(tokens().consume(saved.digest(), EMAIL_CONFIRMATION, LATER)).isTrue();
        assertThat(tokens().consume(saved.digest(), EMAIL_CONFIRMATION, LATER)).isFalse();
        assertThat(tokens().consume(saved.digest(), EMAIL_CONFIRMATION, LATER.plusSeconds(1))).isFalse();

        OneTimeToken found = tokens().find(saved.digest(), EMAIL_CONFIRMATION).orElseThrow();
        assertThat(found.usedAt()).contains(LATER);
        assertThat(found.isUsableAt(LATER)).isFalse();
        assertThat(found.expiresAt()).isEqualTo(saved.expiresAt());
    }

    @Test
    void a_token_is_usable_until_just_before_its_expiry() {
        OneTimeToken saved = token(anAccount(), PASSWORD_RESET);
        tokens().save(saved);

        assertThat(tokens().consume(saved.digest(), PASSWORD_RESET, EXPIRY.minusMillis(1))).isTrue();
        assertThat(tokens().find(saved.digest(), PASSWORD_RESET).orElseThrow().usedAt())
                .contains(EXPIRY.minusMillis(1));
    }

    @Test
    void consume_at_or_after_the_expiry_is_false_and_leaves_the_token_unused() {
        OneTimeToken saved = token(anAccount(), PASSWORD_RESET);
        tokens().save(saved);

        assertThat(tokens().consume(saved.digest(), PASSWORD_RESET, EXPIRY)).isFalse();
        assertThat(tokens().consume(saved.digest(), PASSWORD_RESET, EXPIRY.plus(Duration.ofDays(1)))).isFalse();

        assertThat(tokens().find(saved.digest(), PASSWORD_RESET)).contains(saved);
    }

    @Test
    void of_twenty_concurrent_consumptions_of_one_token_exactly_one_succeeds() throws Exception {
        OneTimeToken saved = token(anAccount(), PASSWORD_RESET);
        tokens().save(saved);
        List<Callable<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> transactions().inTransaction(
                    () -> tokens().consume(saved.digest(), PASSWORD_RESET, LATER)));
        }

        List<Object> outcomes = Concurrently.run(attempts);

        assertThat(outcomes).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(outcomes).filteredOn(Boolean.FALSE::equals).hasSize(19);
        assertThat(tokens().find(saved.digest(), PASSWORD_RESET).orElseThrow().usedAt()).contains(LATER);
    }

    // ---------------------------------------------------------------- revokeAll

    @Test
    void revoke_all_uses_up_the_usable_tokens_of_that_account_and_purpose_only() {
        AccountId mine = anAccount();
        AccountId other = anAccount();
        OneTimeToken first = token(mine, EMAIL_CONFIRMATION);
        OneTimeToken second = token(mine, EMAIL_CONFIRMATION);
        OneTimeToken usedBefore = token(mine, EMAIL_CONFIRMATION);
        OneTimeToken expired = withExpiry(token(mine, EMAIL_CONFIRMATION), LATER);
        OneTimeToken reset = token(mine, PASSWORD_RESET);
        OneTimeToken othersConfirmation = token(other, EMAIL_CONFIRMATION);
        for (OneTimeToken t : List.of(first, second, usedBefore, expired, reset, othersConfirmation)) {
            tokens().save(t);
        }
        Instant earlier = LATER.minusSeconds(30);
        tokens().consume(usedBefore.digest(), EMAIL_CONFIRMATION, earlier);

        tokens().revokeAll(mine, EMAIL_CONFIRMATION, LATER);

        assertThat(tokens().find(first.digest(), EMAIL_CONFIRMATION).orElseThrow().usedAt()).contains(LATER);
        assertThat(tokens().find(second.digest(), EMAIL_CONFIRMATION).orElseThrow().usedAt()).contains(LATER);
        assertThat(tokens().consume(first.digest(), EMAIL_CONFIRMATION, LATER)).isFalse();
        assertThat(tokens().find(usedBefore.digest(), EMAIL_CONFIRMATION).orElseThrow().usedAt()).contains(earlier);
        assertThat(tokens().find(expired.digest(), EMAIL_CONFIRMATION)).contains(expired);
        assertThat(tokens().find(reset.digest(), PASSWORD_RESET)).contains(reset);
        assertThat(tokens().find(othersConfirmation.digest(), EMAIL_CONFIRMATION)).contains(othersConfirmation);
        assertThat(tokens().consume(othersConfirmation.digest(), EMAIL_CONFIRMATION, LATER)).isTrue();
        assertThat(tokens().consume(reset.digest(), PASSWORD_RESET, LATER)).isTrue();
    }

    @Test
    void revoke_all_of_an_account_without_tokens_does_nothing() {
        tokens().revokeAll(anAccount(), PASSWORD_RESET, LATER);
    }

    @Test
    void a_token_issued_after_revoke_all_is_usable() {
        AccountId account = anAccount();
        OneTimeToken old = token(account, EMAIL_CONFIRMATION);
        tokens().save(old);

        OneTimeToken fresh = transactions().inTransaction(() -> {
            tokens().revokeAll(account, EMAIL_CONFIRMATION, LATER);
            OneTimeToken issued = OneTimeToken.issue(new OneTimeKey(unique("key-")), EMAIL_CONFIRMATION, account,
                    Optional.empty(), LATER, LIFETIME);
            tokens().save(issued);
            return issued;
        });

        assertThat(tokens().consume(old.digest(), EMAIL_CONFIRMATION, LATER.plusSeconds(1))).isFalse();
        assertThat(tokens().consume(fresh.digest(), EMAIL_CONFIRMATION, LATER.plusSeconds(1))).isTrue();
    }
}
