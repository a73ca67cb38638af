package io.portcullis.application.fakes;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.contract.OneTimeTokenStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryOneTimeTokenStoreTest extends OneTimeTokenStoreContract {

    private final InMemoryOneTimeTokenStore store = new InMemoryOneTimeTokenStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final DirectTransactionRunner transactions = new DirectTransactionRunner();

    @Override
    protected OneTimeTokenStore tokens() {
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
    void tokens_can_be_inspected_by_account_and_purpose() {
        AccountId account = new AccountId(7);
        OneTimeToken used = OneTimeToken.issue(new OneTimeKey("first"), OneTimeTokenPurpose.PASSWORD_RESET, account,
                Optional.empty(), NOW, Duration.ofHours(1));
        OneTimeToken live = OneTimeToken.issue(new OneTimeKey("second"), OneTimeTokenPurpose.PASSWORD_RESET, account,
                Optional.empty(), NOW, Duration.ofHours(1));
        store.save(used);
        store.save(live);
        store.consume(used.digest(), OneTimeTokenPurpose.PASSWORD_RESET, NOW);

        assertThat(store.tokensOf(account, OneTimeTokenPurpose.PASSWORD_RESET)).extracting(OneTimeToken::digest)
                .containsExactly(used.digest(), live.digest());
        assertThat(store.usableOf(account, OneTimeTokenPurpose.PASSWORD_RESET, NOW)).containsExactly(live);
        assertThat(store.tokensOf(account, OneTimeTokenPurpose.EMAIL_CONFIRMATION)).isEmpty();
        assertThat(store.all()).hasSize(2);
    }
}
