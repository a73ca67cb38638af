package io.portcullis.domain.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid accounts for tests in any module (shared through the domain test-jar).
 *
 * <p>Every builder starts from a username and an address that no other builder in the JVM has
 * handed out, so tests can share one store without colliding. All instants are whole
 * milliseconds, which every store keeps exactly.
 *
 * <pre>{@code
 * NewAccount a = AccountFixtures.newAccount().email("Ann@Example.com").noUsername().build();
 * Account b = AccountFixtures.account().id(7).emailVerified(true).build();
 * }</pre>
 */
public final class AccountFixtures {

    /** A fixed instant that tests use as "now". */
    public static final Instant NOW = Instant.parse("2026-03-01T09:30:00.123Z");

    /** A syntactically plausible Argon2id hash: stores treat the hash as opaque text. */
    public static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0123456789abcdefghijklmnopqrstuvwxyzABCDE");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AccountFixtures() {}

    /** A name no other call in this JVM returned: {@code prefix} followed by a number. */
    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** A new account with a fresh username and address, unverified, empty profile, created at {@link #NOW}. */
    public static NewAccountBuilder newAccount() {
        return new NewAccountBuilder();
    }

    /** A stored account (id, version 0, active) with a fresh username and address. */
    public static AccountBuilder account() {
        return new AccountBuilder();
    }

    /** Builds {@link NewAccount} values; every setter returns the builder. */
    public static final class NewAccountBuilder {
        private Optional<Username> username;
        private Optional<EmailAddress> email;
        private boolean emailVerified;
        private PasswordHash passwordHash = HASH;
        private final Map<String, String> profile = new LinkedHashMap<>();
        private Instant createdAt = NOW;

        private NewAccountBuilder() {
            String name = unique("user_");
            username = Optional.of(new Username(name));
            email = Optional.of(new EmailAddress(name + "@example.com"));
        }

        public NewAccountBuilder username(String value) {
            username = Optional.of(new Username(value));
            return this;
        }

        public NewAccountBuilder noUsername() {
            username = Optional.empty();
            return this;
        }

        public NewAccountBuilder email(String value) {
            email = Optional.of(new EmailAddress(value));
            return this;
        }

        public NewAccountBuilder noEmail() {
            email = Optional.empty();
            return this;
        }

        public NewAccountBuilder emailVerified(boolean value) {
            emailVerified = value;
            return this;
        }

        public NewAccountBuilder passwordHash(String encoded) {
            passwordHash = new PasswordHash(encoded);
            return this;
        }

        public NewAccountBuilder profile(String field, String value) {
            profile.put(field, value);
            return this;
        }

        public NewAccountBuilder profile(Map<String, String> values) {
            profile.clear();
            profile.putAll(values);
            return this;
        }

        public NewAccountBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public NewAccount build() {
            return new NewAccount(username, email, emailVerified, passwordHash, new Profile(profile), createdAt);
        }
    }

    /** Builds {@link Account} values; every setter returns the builder. */
    public static final class AccountBuilder {
        private long id = SEQUENCE.incrementAndGet();
        private final NewAccountBuilder base = new NewAccountBuilder();
        private boolean active = true;
        private Optional<Instant> lastLoginAt = Optional.empty();
        private Instant passwordChangedAt;
        private long version;

        private AccountBuilder() {}

        public AccountBuilder id(long value) {
            id = value;
            return this;
        }

        public AccountBuilder username(String value) {
            base.username(value);
            return this;
        }

        public AccountBuilder noUsername() {
            base.noUsername();
            return this;
        }

        public AccountBuilder email(String value) {
            base.email(value);
            return this;
        }

        public AccountBuilder noEmail() {
            base.noEmail();
            return this;
        }

        public AccountBuilder emailVerified(boolean value) {
            base.emailVerified(value);
            return this;
        }

        public AccountBuilder active(boolean value) {
            active = value;
            return this;
        }

        public AccountBuilder passwordHash(String encoded) {
            base.passwordHash(encoded);
            return this;
        }

        public AccountBuilder profile(String field, String value) {
            base.profile(field, value);
            return this;
        }

        public AccountBuilder profile(Map<String, String> values) {
            base.profile(values);
            return this;
        }

        public AccountBuilder createdAt(Instant value) {
            base.createdAt(value);
            return this;
        }

        public AccountBuilder lastLoginAt(Instant value) {
            lastLoginAt = Optional.of(value);
            return this;
        }

        /** Defaults to the creation instant, as for a freshly registered account. */
        public AccountBuilder passwordChangedAt(Instant value) {
            passwordChangedAt = value;
            return this;
        }

        public AccountBuilder version(long value) {
            version = value;
            return this;
        }

        public Account build() {
            NewAccount n = base.build();
            return new Account(new AccountId(id), n.username(), n.email(), n.emailVerified(), active,
                    n.passwordHash(), n.profile(), n.createdAt(), lastLoginAt,
                    passwordChangedAt == null ? n.createdAt() : passwordChangedAt, version);
        }
    }
}
