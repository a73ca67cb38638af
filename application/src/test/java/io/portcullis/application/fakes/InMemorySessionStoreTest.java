package io.portcullis.application.fakes;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.contract.SessionStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.SessionId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest extends SessionStoreContract {

    private final InMemorySessionStore store = new InMemorySessionStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();

    @Override
    protected SessionStore sessions() {
        return store;
    }

    @Override
    protected AccountStore accounts() {
        return accounts;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }

    @Test
    void ids_can_come_from_a_supplied_generator_and_sessions_can_be_inspected() {
        var counter = new AtomicInteger();
        var predictable = new InMemorySessionStore(() -> "session-" + counter.incrementAndGet());
        AccountId account = new AccountId(3);

        SessionId first = predictable.open(account, NOW);
        predictable.revoke(first, NOW.plusSeconds(1));

        assertThat(first).isEqualTo(new SessionId("session-1"));
        assertThat(predictable.sessionsOf(account)).singleElement()
                .satisfies(s -> assertThat(s.revokedAt()).contains(NOW.plusSeconds(1)));
    }
}
