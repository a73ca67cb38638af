package io.portcullis.application.fakes;

import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.contract.AccountStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.TransactionRunner;
import org.junit.jupiter.api.Test;

class InMemoryAccountStoreTest extends AccountStoreContract {

    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();

    @Override
    protected AccountStore accounts() {
        return store;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }

    @Test
    void ids_start_at_one() {
        assertThat(store.add(newAccount().build()).id().value()).isEqualTo(1);
        assertThat(store.add(newAccount().build()).id().value()).isEqualTo(2);
        assertThat(store.size()).isEqualTo(2);
    }
}
