package io.portcullis.application.password;

import io.portcullis.domain.account.AccountId;
import java.util.Optional;

/** The {@code uid} of a reset link: the account id in base 36, as allauth writes it. */
final class ResetUid {

    private ResetUid() {}

    static String of(AccountId id) {
        return Long.toString(id.value(), 36);
    }

    static Optional<AccountId> parse(String uid) {
        if (uid.isEmpty() || uid.length() > 13 || !uid.chars().allMatch(c -> Character.digit(c, 36) >= 0)) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(uid, 36);
            return value > 0 ? Optional.of(new AccountId(value)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
