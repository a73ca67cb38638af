package io.portcullis.application.fakes;

import io.portcullis.application.contract.SocialAccountStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SocialAccountStore;

class InMemorySocialAccountStoreTest extends SocialAccountStoreContract {

    private final InMemorySocialAccountStore store = new InMemorySocialAccountStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();

    @Override
    protected SocialAccountStore socialAccounts() {
        return store;
    }

    @Override
    protected AccountStore accounts() {
        return accounts;
    }
}
