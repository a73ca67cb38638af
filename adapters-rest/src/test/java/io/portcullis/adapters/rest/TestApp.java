package io.portcullis.adapters.rest;

import io.portcullis.application.fakes.DirectTransactionRunner;
import io.portcullis.application.fakes.FakeTokenCodec;
import io.portcullis.application.confirmation.ConfirmEmail;
import io.portcullis.application.confirmation.EmailConfirmations;
import io.portcullis.application.confirmation.ResendConfirmation;
import io.portcullis.application.fakes.InMemoryAccountStore;
import io.portcullis.application.fakes.InMemoryMailOutbox;
import io.portcullis.application.fakes.InMemoryOneTimeTokenStore;
import io.portcullis.application.fakes.InMemoryRateLimitCounters;
import io.portcullis.application.fakes.SequentialKeyGenerator;
import io.portcullis.application.fakes.InMemorySessionStore;
import io.portcullis.application.fakes.MutableClock;
import io.portcullis.application.fakes.RecordingAuditTrail;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.login.LogOut;
import io.portcullis.application.password.ChangePassword;
import io.portcullis.application.password.ConfirmPasswordReset;
import io.portcullis.application.password.RequestPasswordReset;
import io.portcullis.application.port.CapacityExceededException;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.application.ratelimit.RateLimitSettings;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.application.token.AuthenticateAccessToken;
import io.portcullis.application.token.AuthenticateKey;
import io.portcullis.application.token.KeyIssuer;
import io.portcullis.application.token.SessionOpener;
import io.portcullis.application.token.RefreshAccessToken;
import io.portcullis.application.token.TokenIssuer;
import io.portcullis.application.token.VerifyToken;
import io.portcullis.application.fakes.FakeIdentityProvider;
import io.portcullis.application.fakes.InMemorySocialAccountStore;
import io.portcullis.application.settings.SocialSettings;
import io.portcullis.application.social.ConnectSocialAccount;
import io.portcullis.application.social.DisconnectSocialAccount;
import io.portcullis.application.social.IdentityProviders;
import io.portcullis.application.social.ListSocialAccounts;
import io.portcullis.application.social.SocialLogIn;
import io.portcullis.application.session.ListSessions;
import io.portcullis.application.session.RevokeOtherSessions;
import io.portcullis.application.session.RevokeSession;
import io.portcullis.application.user.UpdateUser;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.PasswordHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.jersey.inject.hk2.AbstractBinder;

/**
 * The real use cases on in-memory fakes, plus two faults a test can trigger: an account store
 * that breaks on one address and a hasher whose pool is full for one password.
 */
public final class TestApp {

    public static final String BROKEN_EMAIL = "broken@example.com";
    public static final String BUSY_PASSWORD = "pool-is-full-now";
    public static final String OFFLINE_EMAIL = "offline@example.com";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T03:32:18Z"));
    public final FaultyAccountStore accounts = new FaultyAccountStore();
    public final FaultySessionStore sessions = new FaultySessionStore();
    public final FakeTokenCodec codec = new FakeTokenCodec();
    public final PasswordHasher hasher = new PlainHasher();
    public final DirectTransactionRunner transactions = new DirectTransactionRunner();
    public final InMemoryOneTimeTokenStore oneTimeTokens = new InMemoryOneTimeTokenStore();
    public final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    public final SequentialKeyGenerator keys = new SequentialKeyGenerator();
    public final InMemoryRateLimitCounters rateLimitCounters = new InMemoryRateLimitCounters();
    public final RecordingAuditTrail audit = new RecordingAuditTrail();
    public final AccountSettings settings;
    public final MailFlowSettings mail = ArticleSetup.mail();

    public final RegisterAccount register;
    public final LogIn logIn;
    public final LogOut logOut;
    public final UpdateUser updateUser;
    public final ChangePassword changePassword;
    public final RefreshAccessToken refresh;
    public final VerifyToken verify;
    public final AuthenticateAccessToken authenticate;
    public final ConfirmEmail confirmEmail;
    public final ResendConfirmation resendConfirmation;
    public final RequestPasswordReset requestReset;
    public final ConfirmPasswordReset confirmReset;
    public final ListSessions listSessions;
    public final RevokeSession revokeSession;
    public final RevokeOtherSessions revokeOtherSessions;
    public final AuthenticateKey authenticateKey;
    public final InMemorySocialAccountStore socialAccounts = new InMemorySocialAccountStore();
    /** The social providers the API knows, as {@code google/} and {@code github/}. */
    public final FakeIdentityProvider google = new FakeIdentityProvider("google");
    public final FakeIdentityProvider github = new FakeIdentityProvider("github");
    public final SocialLogIn socialLogIn;
    public final ConnectSocialAccount connectSocial;
    public final ListSocialAccounts listSocial;
    public final DisconnectSocialAccount disconnectSocial;

    public TestApp(EmailVerification verification) {
        this(ArticleSetup.settings(verification, false), TokenSettings.simpleJwtDefaults());
    }

    public TestApp(AccountSettings settings, TokenSettings tokenSettings) {
        this(settings, tokenSettings, false);
    }

    /** With {@code opaqueKeys}, logins and registrations hand out session keys (token mode). */
    public TestApp(AccountSettings settings, TokenSettings tokenSettings, boolean opaqueKeys) {
        this(settings, tokenSettings, opaqueKeys, EnumerationProtection.OFF);
    }

    /** Enumeration protection is off unless asked for, so answers are the dj-rest-auth reference's. */
    public TestApp(AccountSettings settings, TokenSettings tokenSettings, boolean opaqueKeys,
            EnumerationProtection protection) {
        this(settings, tokenSettings, opaqueKeys, protection, RateLimitSettings.off());
    }

    /** With rate limits, counted in {@link #rateLimitCounters}. */
    public TestApp(AccountSettings settings, TokenSettings tokenSettings, boolean opaqueKeys,
            RateLimitSettings rateLimits) {
        this(settings, tokenSettings, opaqueKeys, EnumerationProtection.OFF, rateLimits);
    }

    /** With social sign-up and auto-connect as {@code social} says. */
    public TestApp(AccountSettings settings, TokenSettings tokenSettings, boolean opaqueKeys, SocialSettings social) {
        this(settings, tokenSettings, opaqueKeys, EnumerationProtection.OFF, RateLimitSettings.off(), social);
    }

    public TestApp(AccountSettings settings, TokenSettings tokenSettings, boolean opaqueKeys,
            EnumerationProtection protection, RateLimitSettings rateLimits) {
        this(settings, tokenSettings, opaqueKeys, protection, rateLimits, SocialSettings.defaults());
    }

    public TestApp(AccountSettings settings, TokenSettings tokenSettings, boolean opaqueKeys,
            EnumerationProtection protection, RateLimitSettings rateLimits, SocialSettings social) {
        this.settings = settings;
        var limits = new RateLimits(rateLimitCounters, rateLimits, clock, audit);
        var tokenIssuer = new TokenIssuer(codec, sessions, tokenSettings);
        SessionOpener issuer = opaqueKeys ? new KeyIssuer(new SecureRandomKeys(), sessions) : tokenIssuer;
        var confirmations = new EmailConfirmations(keys, oneTimeTokens, outbox, mail);
        register = new RegisterAccount(accounts, hasher, issuer, confirmations, outbox, settings, mail, protection,
                transactions, clock, limits, audit);
        logIn = new LogIn(accounts, hasher, issuer, settings, transactions, clock, limits, audit);
        logOut = new LogOut(codec, sessions, transactions, clock, audit);
        updateUser = new UpdateUser(accounts, settings, transactions);
        changePassword = new ChangePassword(accounts, sessions, oneTimeTokens, outbox, hasher, settings, mail,
                transactions, clock, audit);
        refresh = new RefreshAccessToken(codec, sessions, accounts, tokenIssuer, tokenSettings, transactions, clock,
                limits, audit);
        verify = new VerifyToken(codec, sessions, clock);
        authenticate = new AuthenticateAccessToken(codec, sessions, accounts, clock);
        confirmEmail = new ConfirmEmail(accounts, oneTimeTokens, transactions, clock, audit);
        resendConfirmation = new ResendConfirmation(accounts, confirmations, outbox, mail, protection, transactions,
                clock, limits);
        requestReset = new RequestPasswordReset(accounts, oneTimeTokens, keys, outbox, mail, protection,
                transactions, clock, limits);
        confirmReset = new ConfirmPasswordReset(accounts, sessions, oneTimeTokens, outbox, hasher, settings, mail,
                transactions, clock, audit);
        listSessions = new ListSessions(sessions, clock);
        revokeSession = new RevokeSession(sessions, transactions, clock, audit);
        revokeOtherSessions = new RevokeOtherSessions(sessions, transactions, clock, audit);
        authenticateKey = new AuthenticateKey(sessions, accounts, clock);
        var providers = new IdentityProviders(java.util.List.of(google, github));
        socialLogIn = new SocialLogIn(providers, accounts, socialAccounts, issuer, confirmations, keys, settings, social,
                mail, transactions, clock, limits, audit);
        connectSocial = new ConnectSocialAccount(providers, accounts, socialAccounts, issuer, transactions, clock, audit);
        listSocial = new ListSocialAccounts(socialAccounts);
        disconnectSocial = new DisconnectSocialAccount(accounts, socialAccounts, transactions, clock, audit);
    }

    /** Random 256-bit keys, as the security adapter makes them. */
    private static final class SecureRandomKeys implements io.portcullis.application.port.KeyGenerator {
        private final java.security.SecureRandom random = new java.security.SecureRandom();

        @Override
        public io.portcullis.domain.onetime.OneTimeKey newKey() {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return new io.portcullis.domain.onetime.OneTimeKey(
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
    }

    /** What a composition root binds: every use case the API drives, and the clock. */
    public AbstractBinder binder() {
        return new AbstractBinder() {
            @Override
            protected void configure() {
                bind(register).to(RegisterAccount.class);
                bind(logIn).to(LogIn.class);
                bind(logOut).to(LogOut.class);
                bind(updateUser).to(UpdateUser.class);
                bind(changePassword).to(ChangePassword.class);
                bind(refresh).to(RefreshAccessToken.class);
                bind(verify).to(VerifyToken.class);
                bind(authenticate).to(AuthenticateAccessToken.class);
                bind(confirmEmail).to(ConfirmEmail.class);
                bind(resendConfirmation).to(ResendConfirmation.class);
                bind(requestReset).to(RequestPasswordReset.class);
                bind(confirmReset).to(ConfirmPasswordReset.class);
                bind(listSessions).to(ListSessions.class);
                bind(revokeSession).to(RevokeSession.class);
                bind(revokeOtherSessions).to(RevokeOtherSessions.class);
                bind(authenticateKey).to(AuthenticateKey.class);
                bind(socialLogIn).to(SocialLogIn.class);
                bind(connectSocial).to(ConnectSocialAccount.class);
                bind(listSocial).to(ListSocialAccounts.class);
                bind(disconnectSocial).to(DisconnectSocialAccount.class);
                bind(clock).to(Clock.class);
            }
        };
    }

    public Account account(String email) {
        return accounts.findByEmail(new EmailAddress(email)).orElseThrow();
    }

    public void markVerified(String email) {
        accounts.update(account(email).withEmailVerified());
    }

    public void deactivate(String email) {
        accounts.update(account(email).deactivated());
    }

    /** A store that fails like a broken database for one address, and loses the next race when asked to. */
    public static final class FaultyAccountStore extends InMemoryAccountStore {
        private final AtomicBoolean loseNextUpdate = new AtomicBoolean();

        public void loseNextUpdate() {
            loseNextUpdate.set(true);
        }

        @Override
        public synchronized void update(Account changed) {
            if (loseNextUpdate.getAndSet(false)) {
                throw new ConcurrentUpdateException("account " + changed.id());
            }
            super.update(changed);
        }

        @Override
        public synchronized Optional<Account> findByEmail(EmailAddress email) {
            if (email.canonical().equals(BROKEN_EMAIL)) {
                throw new IllegalStateException("database unreachable; secret=s3cr3t");
            }
            if (email.canonical().equals(OFFLINE_EMAIL)) {
                throw new io.portcullis.application.port.StoreUnavailableException("finding an account failed",
                        new java.sql.SQLTransientConnectionException("connection refused"));
            }
            return super.findByEmail(email);
        }
    }

    /** A session store whose next consumption of a refresh token fails, when asked to. */
    public static final class FaultySessionStore extends InMemorySessionStore {
        private final AtomicBoolean failNextConsume = new AtomicBoolean();

        public void failNextConsume() {
            failNextConsume.set(true);
        }

        @Override
        public synchronized Consumption consume(String jti, Instant now) {
            if (failNextConsume.getAndSet(false)) {
                throw new IllegalStateException("session store unreachable");
            }
            return super.consume(jti, now);
        }
    }

    /** {@code plain$<password>}: cheap, and full for {@link #BUSY_PASSWORD}. */
    private static final class PlainHasher implements PasswordHasher {
        @Override
        public PasswordHash hash(String password) {
            return new PasswordHash("plain$" + password);
        }

        @Override
        public boolean matches(String password, PasswordHash hash) {
            if (password.equals(BUSY_PASSWORD)) {
                throw new CapacityExceededException("the password hashing pool");
            }
            return hash.encoded().equals("plain$" + password);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return false;
        }

        @Override
        public PasswordHash decoy() {
            return new PasswordHash("plain$decoy that nobody types");
        }
    }
}
