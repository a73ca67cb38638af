package io.portcullis.adapters.persistence;

import io.portcullis.application.contract.AccountStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.TransactionRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The account store contract on H2; one database for the class (the contract allows sharing). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyBatisAccountStoreTest extends AccountStoreContract {

    private final Database database = TestDatabases.open();
    private final MyBatisAccountStore accounts = new MyBatisAccountStore(database);
    private final MyBatisTransactionRunner transactions = new MyBatisTransactionRunner(database);

    @Override
    protected AccountStore accounts() {
        return accounts;
    }

    @Override
    protected TransactionRunner transactions() {
        return transactions;
    }

    @AfterAll
    void close() {
        database.close();
    }
}
