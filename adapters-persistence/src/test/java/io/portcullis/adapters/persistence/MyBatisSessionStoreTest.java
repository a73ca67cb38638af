package io.portcullis.adapters.persistence;

import io.portcullis.application.contract.SessionStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The session store contract on H2; one database for the class (the contract allows sharing). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyBatisSessionStoreTest extends SessionStoreContract {

    private final Database database = TestDatabases.open();
    private final MyBatisSessionStore sessions = new MyBatisSessionStore(database);
    private final MyBatisAccountStore accounts = new MyBatisAccountStore(database);
    private final MyBatisTransactionRunner transactions = new MyBatisTransactionRunner(database);

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

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
