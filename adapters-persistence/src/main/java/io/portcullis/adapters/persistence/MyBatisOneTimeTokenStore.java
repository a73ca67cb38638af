package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One-time tokens in {@code one_time_tokens}, keyed by digest and purpose. {@link #consume} and
 * {@link #revokeAll} are single conditional {@code UPDATE}s ({@code used_at IS NULL AND
 * expires_at > now}), so of concurrent consumers the database lets exactly one succeed. Saving a
 * digest twice for one purpose fails with a {@link PersistenceFailureException} (SQLState 23505);
 * so does saving a token of an account that does not exist. Instants are stored to the microsecond.
 */
public final class MyBatisOneTimeTokenStore implements OneTimeTokenStore {

    private final OneTimeTokenMapper mapper;

    public MyBatisOneTimeTokenStore(Database database) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(OneTimeTokenMapper.class);
    }

    @Override
    public void save(OneTimeToken token) {
        Objects.requireNonNull(token, "token");
        guard("saving a one-time token", () -> mapper.insert(token.digest(), token.purpose().name(),
                token.account().value(), token.email().map(EmailAddress::value).orElse(null), token.createdAt(),
                token.expiresAt(), token.usedAt().orElse(null)));
    }

    @Override
    public Optional<OneTimeToken> find(String digest, OneTimeTokenPurpose purpose) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(purpose, "purpose");
        return guard("finding a one-time token",
                () -> Optional.ofNullable(mapper.select(digest, purpose.name())).map(MyBatisOneTimeTokenStore::toToken));
    }

    @Override
    public boolean consume(String digest, OneTimeTokenPurpose purpose, Instant now) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
        return guard("consuming a one-time token", () -> mapper.consume(digest, purpose.name(), now) == 1);
    }

    @Override
    public void revokeAll(AccountId account, OneTimeTokenPurpose purpose, Instant now) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
        guard("revoking the one-time tokens of an account", () -> mapper.revokeAll(account.value(), purpose.name(), now));
    }

    private static OneTimeToken toToken(OneTimeTokenRow row) {
        return new OneTimeToken(row.digest(), OneTimeTokenPurpose.valueOf(row.purpose()), new AccountId(row.accountId()),
                Optional.ofNullable(row.email()).map(EmailAddress::new), row.createdAt(), row.expiresAt(),
                Optional.ofNullable(row.usedAt()));
    }
}
