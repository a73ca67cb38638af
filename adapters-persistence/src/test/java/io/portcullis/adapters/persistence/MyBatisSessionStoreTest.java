package io.portcullis.adapters.persistence;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.contract.SessionStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TransactionRunner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The session store contract on H2, on H2 in Oracle mode and on PostgreSQL; one shared database
 * per backend (the contract allows sharing).
 */
class MyBatisSessionStoreTest {

    @Nested
    class OnH2 extends Suite {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    class OnH2InOracleMode extends Suite {
        OnH2InOracleMode() {
            super(Backend.H2_ORACLE_MODE);
        }
    }

    @Nested
    class OnPostgreSQL extends Suite {
        OnPostgreSQL() {
            super(Backend.POSTGRESQL);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite extends SessionStoreContract {

        private final MyBatisSessionStore sessions;
        private final MyBatisAccountStore accounts;
        private final MyBatisTransactionRunner transactions;

        Suite(Backend backend) {
            Database database = TestDatabases.shared(backend);
            sessions = new MyBatisSessionStore(database);
            accounts = new MyBatisAccountStore(database);
            transactions = new MyBatisTransactionRunner(database);
        }

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
    }
}
