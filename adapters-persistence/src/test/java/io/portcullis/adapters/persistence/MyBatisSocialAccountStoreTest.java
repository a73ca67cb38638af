package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.contract.SocialAccountStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.domain.account.AccountId;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The social account store contract on H2, on H2 in Oracle mode and on PostgreSQL; one shared
 * database per backend (the contract allows sharing).
 */
class MyBatisSocialAccountStoreTest {

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
    abstract static class Suite extends SocialAccountStoreContract {

        private final MyBatisSocialAccountStore links;
        private final MyBatisAccountStore accounts;

        Suite(Backend backend) {
            Database database = TestDatabases.shared(backend);
            links = new MyBatisSocialAccountStore(database);
            accounts = new MyBatisAccountStore(database);
        }

        @Override
        protected SocialAccountStore socialAccounts() {
            return links;
        }

        @Override
        protected AccountStore accounts() {
            return accounts;
        }

        @Test
        void a_provider_subject_of_255_characters_fits() {
            String subject = "s".repeat(240) + System.nanoTime() % 1_000_000_000_000_000L;
            String padded = (subject + "x".repeat(255)).substring(0, 255);
            AccountId owner = accounts.add(newAccount().build()).id();

            links.link(owner, "corp", padded, Map.of(), NOW);

            assertThat(links.find("corp", padded)).isPresent();
        }
    }
}
