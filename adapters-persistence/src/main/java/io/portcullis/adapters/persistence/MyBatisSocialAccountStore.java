package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.application.port.DuplicateSocialAccountException;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.social.SocialAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Linked provider identities in {@code social_accounts}. {@code (provider, subject)} is a unique
 * index: linking an identity twice, even from two requests at once, fails with
 * {@link DuplicateSocialAccountException}. The details are a JSON object of strings. Instants are
 * stored to the microsecond.
 */
public final class MyBatisSocialAccountStore implements SocialAccountStore {

    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {};

    private final SocialAccountMapper mapper;
    private final ObjectMapper json = new ObjectMapper();

    public MyBatisSocialAccountStore(Database database) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(SocialAccountMapper.class);
    }

    @Override
    public SocialAccount link(AccountId account, String provider, String uid, Map<String, String> details, Instant now) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(now, "now");
        var write = new SocialAccountWrite(account.value(), provider, uid, writeDetails(details), now);
        try {
            mapper.insert(write);
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                throw new DuplicateSocialAccountException(provider);
            }
            throw SqlFailures.translate("linking a social account", e);
        }
        if (write.id == null) {
            throw new PersistenceFailureException("linking a social account", "the database returned no id", null,
                    false, null);
        }
        return new SocialAccount(write.id, account, provider, uid, details, now, now);
    }

    @Override
    public Optional<SocialAccount> find(String provider, String uid) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uid, "uid");
        return guard("finding a social account",
                () -> Optional.ofNullable(mapper.selectByIdentity(provider, uid)).map(this::toSocialAccount));
    }

    @Override
    public Optional<SocialAccount> findById(long id) {
        return guard("finding a social account by id",
                () -> Optional.ofNullable(mapper.selectById(id)).map(this::toSocialAccount));
    }

    @Override
    public List<SocialAccount> listByAccount(AccountId account) {
        Objects.requireNonNull(account, "account");
        return guard("listing the social accounts of an account",
                () -> mapper.selectByAccount(account.value()).stream().map(this::toSocialAccount).toList());
    }

    @Override
    public void recordLogin(long id, Map<String, String> details, Instant at) {
        Objects.requireNonNull(at, "at");
        String text = writeDetails(details);
        guard("recording a social login", () -> mapper.recordLogin(id, text, at));
    }

    @Override
    public boolean unlink(long id, AccountId owner) {
        Objects.requireNonNull(owner, "owner");
        return guard("unlinking a social account", () -> mapper.delete(id, owner.value()) == 1);
    }

    private SocialAccount toSocialAccount(SocialAccountRow row) {
        return new SocialAccount(row.id(), new AccountId(row.accountId()), row.provider(), row.subject(),
                readDetails(row.extraData()), row.dateJoined(), row.lastLogin());
    }

    private String writeDetails(Map<String, String> details) {
        try {
            return json.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("social account details cannot be written as JSON");
        }
    }

    private Map<String, String> readDetails(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored social account details are not a JSON object of strings");
        }
    }
}
