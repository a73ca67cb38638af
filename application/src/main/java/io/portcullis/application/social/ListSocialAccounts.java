package io.portcullis.application.social;

import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.social.SocialAccount;
import java.util.List;
import java.util.Objects;

/** The provider identities linked to the caller's account, the oldest first. */
public final class ListSocialAccounts {

    private final SocialAccountStore socialAccounts;

    public ListSocialAccounts(SocialAccountStore socialAccounts) {
        this.socialAccounts = socialAccounts;
    }

    public List<SocialAccount> list(AccountId account) {
        Objects.requireNonNull(account, "account");
        return socialAccounts.listByAccount(account);
    }
}
