package io.portcullis.application.contract;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static io.portcullis.domain.account.AccountFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.SessionStore.Consumption;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.session.SessionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} promises. Run it against an implementation by extending it.
 * The tests do not assume an empty store, so a subclass may share one store between tests.
 *
 * <p>Decided here, where the port leaves room:
 *
 * <ul>
 *   <li>{@link SessionStore#consume} judges the token alone. A live token of a revoked session is
 *       {@code CONSUMED} (and blacklisted from then on); a second presentation is
 *       {@code ALREADY_USED}. Whether the session still counts is {@link SessionStore#isActive}'s
 *       question, which the use cases ask first. Expiry is the token codec's question: the stored
 *       expiry does not change the answer either.
 *   <li>Revoking is idempotent, and revoking an unknown session does nothing.
 *   <li>Recording a refresh token for a session that was never opened fails with some runtime
 *       exception (which one is the implementation's).
 *   <li>A session expires with the last refresh token recorded for it; one without any (an
 *       opaque-key login) does not expire. Listing leaves out revoked and expired sessions.
 *   <li>Instants keep at least microseconds; client details are stored as the domain cleaned them,
 *       up to their maximum lengths, in any script.
 * </ul>
 */
public abstract class SessionStoreContract {

    private static final Instant LATER = NOW.plus(Duration.ofMinutes(5));
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(1));

    /** The store under test. May return the same store on every call within one test. */
    protected abstract SessionStore sessions();

    /** The accounts of the same database, so sessions can belong to real accounts. */
    protected abstract AccountStore accounts();

    /** Runs work in one transaction of the store's database. */
    protected abstract TransactionRunner transactions();

    private AccountId anAccount() {
        return accounts().add(newAccount().build()).id();
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void open_returns_a_new_url_safe_id_each_time() {
        AccountId account = anAccount();
        Set<SessionId> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(sessions().open(account, NOW));
        }

        assertThat(ids).hasSize(50);
        assertThat(ids).allSatisfy(id -> assertThat(id.value()).matches("[A-Za-z0-9_-]{22,64}"));
    }

    @Test
    void an_open_session_is_active_and_an_unknown_one_is_not() {
        SessionId session = sessions().open(anAccount(), NOW);

        assertThat(sessions().isActive(session)).isTrue();
        assertThat(sessions().isActive(new SessionId(unique("no-such-session-")))).isFalse();
    }

    @Test
    void a_revoked_session_is_no_longer_active_and_its_siblings_are() {
        AccountId account = anAccount();
        SessionId revoked = sessions().open(account, NOW);
        SessionId sibling = sessions().open(account, NOW);

        sessions().revoke(revoked, LATER);

        assertThat(sessions().isActive(revoked)).isFalse();
        assertThat(sessions().isActive(sibling)).isTrue();
    }

    @Test
    void revoking_twice_or_revoking_an_unknown_session_is_harmless() {
        SessionId session = sessions().open(anAccount(), NOW);

        sessions().revoke(session, LATER);
        sessions().revoke(session, LATER.plusSeconds(1));
        sessions().revoke(new SessionId(unique("no-such-session-")), LATER);

        assertThat(sessions().isActive(session)).isFalse();
    }

    @Test
    void revoke_all_ends_every_session_of_that_account_and_no_other() {
        AccountId mine = anAccount();
        AccountId theirs = anAccount();
        SessionId first = sessions().open(mine, NOW);
        SessionId second = sessions().open(mine, NOW);
        SessionId other = sessions().open(theirs, NOW);

        sessions().revokeAll(mine, LATER);

        assertThat(sessions().isActive(first)).isFalse();
        assertThat(sessions().isActive(second)).isFalse();
        assertThat(sessions().isActive(other)).isTrue();
    }

    @Test
    void revoke_all_of_an_account_without_sessions_is_harmless() {
        sessions().revokeAll(anAccount(), LATER);
    }

    // ---------------------------------------------------------------- what the owner sees

    private static final ClientDetails FIREFOX = ClientDetails.of("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
            "203.0.113.7");
    private static final ClientDetails PHONE = ClientDetails.of("Portcullis-App/2.1 (iPhone)", "2001:db8::1");

    @Test
    void an_opened_session_is_listed_with_its_client_and_opening_time_as_last_use() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW, FIREFOX);

        assertThat(sessions().activeSessions(account, NOW))
                .containsExactly(new ActiveSession(session, account, NOW, NOW, FIREFOX));
    }

    @Test
    void a_session_opened_without_client_details_has_none() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW);

        assertThat(sessions().activeSessions(account, NOW)).singleElement()
                .satisfies(s -> assertThat(s.client()).isEqualTo(ClientDetails.unknown()))
                .satisfies(s -> assertThat(s.id()).isEqualTo(session));
    }

    @Test
    void touch_moves_the_last_use_and_replaces_what_is_known_of_the_client() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW, FIREFOX);

        sessions().touch(session, LATER, PHONE);
        assertThat(sessions().activeSessions(account, LATER))
                .containsExactly(new ActiveSession(session, account, NOW, LATER, PHONE));

        Instant evenLater = LATER.plusSeconds(60);
        sessions().touch(session, evenLater, new ClientDetails(Optional.empty(), Optional.of("198.51.100.4")));
        assertThat(sessions().activeSessions(account, evenLater)).singleElement().satisfies(s -> {
            assertThat(s.lastUsedAt()).isEqualTo(evenLater);
            assertThat(s.client()).isEqualTo(ClientDetails.of(PHONE.userAgent().get(), "198.51.100.4"));
        });
    }

    @Test
    void touching_a_revoked_or_unknown_session_changes_nothing() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW, FIREFOX);
        sessions().revoke(session, LATER);

        sessions().touch(session, LATER, PHONE);
        sessions().touch(new SessionId(unique("no-such-session-")), LATER, PHONE);

        assertThat(sessions().isActive(session)).isFalse();
        assertThat(sessions().activeSessions(account, LATER)).isEmpty();
    }

    @Test
    void the_list_holds_the_accounts_live_sessions_most_recently_used_first() {
        AccountId account = anAccount();
        AccountId other = anAccount();
        SessionId old = sessions().open(account, NOW, FIREFOX);
        SessionId recent = sessions().open(account, NOW.plusSeconds(10), PHONE);
        SessionId revoked = sessions().open(account, NOW.plusSeconds(20), PHONE);
        sessions().open(other, NOW.plusSeconds(30), PHONE);
        sessions().revoke(revoked, LATER);
        sessions().touch(old, LATER, FIREFOX);

        assertThat(sessions().activeSessions(account, LATER)).extracting(ActiveSession::id).containsExactly(old, recent);
    }

    @Test
    void a_session_expires_with_its_last_refresh_token() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW, FIREFOX);
        sessions().recordRefreshToken(unique("jti-"), session, account, NOW.plusSeconds(60));
        sessions().recordRefreshToken(unique("jti-"), session, account, NOW.plusSeconds(120));

        assertThat(sessions().activeSessions(account, NOW.plusSeconds(119))).hasSize(1);
        assertThat(sessions().activeSessions(account, NOW.plusSeconds(120))).isEmpty();
    }

    @Test
    void a_session_without_refresh_tokens_does_not_expire() {
        AccountId account = anAccount();
        sessions().open(account, NOW, FIREFOX);

        assertThat(sessions().activeSessions(account, NOW.plus(Duration.ofDays(3650)))).hasSize(1);
    }

    @Test
    void keeps_microseconds_and_long_client_details_in_any_script() {
        AccountId account = anAccount();
        Instant precise = Instant.parse("2026-11-29T03:32:18.123456Z");
        var client = ClientDetails.of("Ünïcødé-Agent ".repeat(60), "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255");
        sessions().open(account, precise, client);

        ActiveSession listed = sessions().activeSessions(account, precise).getFirst();

        assertThat(client.userAgent().get()).hasSize(ClientDetails.MAX_USER_AGENT_LENGTH);
        assertThat(listed.client()).isEqualTo(client);
        assertThat(listed.createdAt()).isEqualTo(precise);
        assertThat(listed.lastUsedAt()).isEqualTo(precise);
    }

    // ---------------------------------------------------------------- opaque keys

    @Test
    void a_session_opened_with_a_key_is_found_by_that_key_alone() {
        AccountId account = anAccount();
        var key = new SessionKey(unique("key-"));
        SessionId session = sessions().openWithKey(account, NOW, FIREFOX, key);

        assertThat(sessions().findByKey(key, LATER))
                .contains(new ActiveSession(session, account, NOW, NOW, FIREFOX));
        assertThat(sessions().findByKey(new SessionKey(key.value() + "x"), LATER)).isEmpty();
        assertThat(sessions().isActive(session)).isTrue();
        assertThat(sessions().activeSessions(account, NOW.plus(Duration.ofDays(3650)))).hasSize(1);
    }

    @Test
    void a_revoked_keys_session_is_no_longer_found() {
        AccountId account = anAccount();
        var key = new SessionKey(unique("key-"));
        SessionId session = sessions().openWithKey(account, NOW, FIREFOX, key);

        sessions().revoke(session, LATER);

        assertThat(sessions().findByKey(key, LATER)).isEmpty();
    }

    @Test
    void a_key_cannot_open_two_sessions() {
        AccountId account = anAccount();
        var key = new SessionKey(unique("key-"));
        sessions().openWithKey(account, NOW, FIREFOX, key);

        assertThatThrownBy(() -> sessions().openWithKey(account, NOW, PHONE, key)).isInstanceOf(RuntimeException.class);
    }

    // ---------------------------------------------------------------- refresh tokens

    @Test
    void a_recorded_token_is_consumed_once_and_then_already_used() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW);
        String jti = unique("jti-");
        sessions().recordRefreshToken(jti, session, account, EXPIRY);

        assertThat(sessions().isBlacklisted(jti)).isFalse();
        assertThat(sessions().consume(jti, LATER)).isEqualTo(Consumption.CONSUMED);
        assertThat(sessions().isBlacklisted(jti)).isTrue();
        assertThat(sessions().consume(jti, LATER.plusSeconds(1))).isEqualTo(Consumption.ALREADY_USED);
        assertThat(sessions().isBlacklisted(jti)).isTrue();
    }

    @Test
    void an_unknown_token_is_unknown_and_not_blacklisted() {
        String jti = unique("never-recorded-");

        assertThat(sessions().consume(jti, LATER)).isEqualTo(Consumption.UNKNOWN);
        assertThat(sessions().isBlacklisted(jti)).isFalse();
        assertThat(sessions().consume(jti, LATER)).isEqualTo(Consumption.UNKNOWN);
    }

    @Test
    void consuming_one_token_leaves_the_other_tokens_of_the_session_live() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW);
        String first = unique("jti-");
        String second = unique("jti-");
        sessions().recordRefreshToken(first, session, account, EXPIRY);
        sessions().recordRefreshToken(second, session, account, EXPIRY);

        sessions().consume(first, LATER);

        assertThat(sessions().isBlacklisted(second)).isFalse();
        assertThat(sessions().consume(second, LATER)).isEqualTo(Consumption.CONSUMED);
        assertThat(sessions().isActive(session)).isTrue();
    }

    @Test
    void a_live_token_of_a_revoked_session_is_consumed_once_and_the_session_stays_revoked() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW);
        String jti = unique("jti-");
        sessions().recordRefreshToken(jti, session, account, EXPIRY);
        sessions().revoke(session, LATER);

        assertThat(sessions().consume(jti, LATER)).isEqualTo(Consumption.CONSUMED);
        assertThat(sessions().consume(jti, LATER)).isEqualTo(Consumption.ALREADY_USED);
        assertThat(sessions().isBlacklisted(jti)).isTrue();
        assertThat(sessions().isActive(session)).isFalse();
    }

    @Test
    void revoking_a_session_does_not_by_itself_blacklist_its_tokens() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW);
        String jti = unique("jti-");
        sessions().recordRefreshToken(jti, session, account, EXPIRY);

        sessions().revokeAll(account, LATER);

        assertThat(sessions().isBlacklisted(jti)).isFalse();
        assertThat(sessions().isActive(session)).isFalse();
    }

    @Test
    void the_stored_expiry_does_not_change_what_consume_answers() {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW);
        String jti = unique("jti-");
        sessions().recordRefreshToken(jti, session, account, NOW.plusSeconds(1));

        assertThat(sessions().consume(jti, NOW.plus(Duration.ofDays(30)))).isEqualTo(Consumption.CONSUMED);
    }

    @Test
    void a_token_cannot_be_recorded_for_a_session_that_was_never_opened() {
        AccountId account = anAccount();
        SessionId ghost = new SessionId(unique("no-such-session-"));
        String jti = unique("jti-");

        assertThatThrownBy(() -> sessions().recordRefreshToken(jti, ghost, account, EXPIRY))
                .isInstanceOf(RuntimeException.class);
        assertThat(sessions().consume(jti, LATER)).isEqualTo(Consumption.UNKNOWN);
    }

    @Test
    void of_twenty_concurrent_consumptions_of_one_token_exactly_one_succeeds() throws Exception {
        AccountId account = anAccount();
        SessionId session = sessions().open(account, NOW);
        String jti = unique("jti-");
        sessions().recordRefreshToken(jti, session, account, EXPIRY);
        List<Callable<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> transactions().inTransaction(() -> sessions().consume(jti, LATER)));
        }

        List<Object> outcomes = Concurrently.run(attempts);

        assertThat(outcomes).filteredOn(Consumption.CONSUMED::equals).hasSize(1);
        assertThat(outcomes).filteredOn(Consumption.ALREADY_USED::equals).hasSize(19);
        assertThat(sessions().isBlacklisted(jti)).isTrue();
    }

    @Test
    void sessions_opened_and_tokens_recorded_in_one_transaction_are_there_after_it() {
        AccountId account = anAccount();
        String jti = unique("jti-");

        SessionId session = transactions().inTransaction(() -> {
            SessionId opened = sessions().open(account, NOW);
            sessions().recordRefreshToken(jti, opened, account, EXPIRY);
            return opened;
        });

        assertThat(sessions().isActive(session)).isTrue();
        assertThat(sessions().consume(jti, LATER)).isEqualTo(Consumption.CONSUMED);
    }
}
