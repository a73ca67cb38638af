package io.portcullis.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.PasswordHash;
import io.portcullis.domain.account.Profile;
import io.portcullis.domain.account.Username;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The one mapping between account rows and the domain's accounts; the profile is JSON text. */
final class AccountRows {

    private static final TypeReference<LinkedHashMap<String, String>> PROFILE = new TypeReference<>() {};

    private final ObjectMapper json = new ObjectMapper();

    Account toAccount(AccountRow row) {
        return new Account(
                new AccountId(row.id()),
                Optional.ofNullable(row.username()).map(Username::new),
                Optional.ofNullable(row.email()).map(EmailAddress::new),
                row.emailVerified(),
                row.active(),
                new PasswordHash(row.passwordHash()),
                new Profile(readProfile(row.profile())),
                row.createdAt(),
                Optional.ofNullable(row.lastLoginAt()),
                row.passwordChangedAt(),
                row.version());
    }

    AccountWrite forInsert(NewAccount a) {
        Account initial = a.withId(new AccountId(1)); // the id is the database's; version 0, active
        return write(null, initial);
    }

    AccountWrite forUpdate(Account a) {
        return write(a.id().value(), a);
    }

    private AccountWrite write(Long id, Account a) {
        return new AccountWrite(id,
                a.username().map(Username::value).orElse(null),
                a.username().map(Username::canonical).orElse(null),
                a.email().map(EmailAddress::value).orElse(null),
                a.email().map(EmailAddress::canonical).orElse(null),
                a.emailVerified(),
                a.active(),
                a.passwordHash().encoded(),
                writeProfile(a.profile().values()),
                a.createdAt(),
                a.passwordChangedAt(),
                a.version());
    }

    private String writeProfile(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("profile cannot be written as JSON");
        }
    }

    private Map<String, String> readProfile(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, PROFILE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored profile is not a JSON object of strings");
        }
    }
}
