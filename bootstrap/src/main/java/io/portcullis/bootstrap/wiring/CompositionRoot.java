package io.portcullis.bootstrap.wiring;

import io.portcullis.adapters.persistence.MyBatisSocialAccountStore;
import io.portcullis.adapters.social.ProviderProtocol;
import io.portcullis.adapters.social.ProviderSettings;
import io.portcullis.adapters.social.SocialIdentityProviders;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.application.social.ConnectSocialAccount;
import io.portcullis.application.social.DisconnectSocialAccount;
import io.portcullis.application.social.IdentityProviders;
import io.portcullis.application.social.ListSocialAccounts;
import io.portcullis.application.social.SocialLogIn;
import io.portcullis.bootstrap.config.PortcullisConfig.SocialProvider;
import io.portcullis.adapters.mail.MailSettings;
import io.portcullis.adapters.mail.MailTransports;
import io.portcullis.adapters.mail.sender.SmtpSettings;
import io.portcullis.adapters.persistence.Database;
import io.portcullis.adapters.persistence.DatabaseSettings;
import io.portcullis.adapters.persistence.Housekeeping;
import io.portcullis.adapters.persistence.InMemoryRateLimitCounters;
import io.portcullis.adapters.persistence.MyBatisAuditTrail;
import io.portcullis.adapters.persistence.MyBatisAccountStore;
import io.portcullis.adapters.persistence.MyBatisMailOutbox;
import io.portcullis.adapters.persistence.MyBatisOneTimeTokenStore;
import io.portcullis.adapters.persistence.MyBatisRateLimitCounters;
import io.portcullis.adapters.persistence.MyBatisSessionStore;
import io.portcullis.adapters.persistence.MyBatisTransactionRunner;
import io.portcullis.adapters.rest.RestApi;
import io.portcullis.adapters.rest.client.ForwardedClientFilter;
import io.portcullis.adapters.rest.client.TrustedProxies;
import io.portcullis.adapters.rest.health.HealthEndpoints;
import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.CorsSettings;
import io.portcullis.adapters.rest.settings.CsrfSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.adapters.rest.settings.SameSite;
import io.portcullis.adapters.rest.settings.TokenMode;
import io.portcullis.adapters.security.jwt.JwsAlgorithm;
import io.portcullis.adapters.security.jwt.JwtSettings;
import io.portcullis.adapters.security.jwt.KeyDirectory;
import io.portcullis.adapters.security.jwt.KeyDirectorySettings;
import io.portcullis.adapters.security.jwt.JwtTokenCodec;
import io.portcullis.adapters.security.password.Argon2Settings;
import io.portcullis.adapters.security.password.Argon2idPasswordHasher;
import io.portcullis.adapters.security.password.BoundedPasswordHasher;
import io.portcullis.adapters.security.password.DelegatingPasswordHasher;
import io.portcullis.adapters.security.random.SecureRandomKeyGenerator;
import io.portcullis.application.confirmation.ConfirmEmail;
import io.portcullis.application.confirmation.EmailConfirmations;
import io.portcullis.application.confirmation.ResendConfirmation;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.mail.DeliverQueuedMail;
import io.portcullis.application.login.LogOut;
import io.portcullis.application.password.ChangePassword;
import io.portcullis.application.password.ConfirmPasswordReset;
import io.portcullis.application.password.RequestPasswordReset;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.KeyGenerator;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.MailTransport;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.application.port.PublishedKeys;
import io.portcullis.application.port.RateLimitCounters;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.token.AuthenticateAccessToken;
import io.portcullis.application.token.RefreshAccessToken;
import io.portcullis.application.token.AuthenticateKey;
import io.portcullis.application.token.KeyIssuer;
import io.portcullis.application.token.SessionOpener;
import io.portcullis.application.token.TokenIssuer;
import io.portcullis.application.token.VerifyToken;
import io.portcullis.application.session.ListSessions;
import io.portcullis.application.session.RevokeOtherSessions;
import io.portcullis.application.session.RevokeSession;
import io.portcullis.application.user.DeactivateAccount;
import io.portcullis.application.user.UpdateUser;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.bootstrap.audit.FanOutAuditTrail;
import io.portcullis.bootstrap.audit.LogAuditTrail;
import io.portcullis.bootstrap.config.PortcullisConfig;
import java.time.Clock;
import java.util.Optional;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Builds every adapter from configuration, the use cases on top of them, and the Jersey
 * application that serves them. The only class that knows the concrete adapters.
 */
public final class CompositionRoot implements AutoCloseable {

    private final Database database;
    private final BoundedPasswordHasher hashingPool;
    private final BackgroundJobs backgroundJobs;
    private final ResourceConfig resourceConfig;

    private CompositionRoot(Database database, BoundedPasswordHasher hashingPool, BackgroundJobs backgroundJobs,
            ResourceConfig resourceConfig) {
        this.database = database;
        this.hashingPool = hashingPool;
        this.backgroundJobs = backgroundJobs;
        this.resourceConfig = resourceConfig;
    }

    public static CompositionRoot build(PortcullisConfig config, Clock clock) {
        Database database = Database.open(databaseSettings(config.database()));
        BoundedPasswordHasher hasher = null;
        try {
            hasher = passwordHasher(config.passwordHashing());
            var accounts = new MyBatisAccountStore(database);
            var sessions = new MyBatisSessionStore(database);
            var transactions = new MyBatisTransactionRunner(database);
            boolean opaque = config.tokenMode() == PortcullisConfig.TokenMode.OPAQUE;
            Optional<KeyDirectory> keys = opaque ? Optional.empty() : keyDirectory(config.jwt(), clock);
            // Token mode signs no JWT: no codec, and none of the use cases of JWTs.
            Optional<TokenCodec> codec = opaque ? Optional.empty() : Optional.of(keys
                    .map(directory -> new JwtTokenCodec(jwtSettings(config.jwt()), directory))
                    .orElseGet(() -> new JwtTokenCodec(jwtSettings(config.jwt()))));
            var outbox = new MyBatisMailOutbox(database);
            var stores = new Stores(accounts, sessions, new MyBatisOneTimeTokenStore(database), outbox, transactions,
                    new MyBatisSocialAccountStore(database));
            AuditTrail audit = auditTrail(config.audit(), database);
            var limits = new RateLimits(rateLimitCounters(config.rateLimits(), database),
                    config.rateLimits().settings(), clock, audit);
            var useCases = UseCases.build(config, config.mailFlow(), clock, stores, hasher, codec,
                    new SecureRandomKeyGenerator(), limits, audit, identityProviders(config.social(), clock));
            MailTransport transport = mailTransport(config);
            var resources = new ResourceConfig();
            RestApi.configure(resources, restSettings(config).withPublishedKeys(keys.isPresent())
                    .withTokenMode(opaque ? TokenMode.OPAQUE : TokenMode.JWT)
                    .withSocialProviders(config.social().providers().stream().map(SocialProvider::id).toList()));
            resources.register(useCases.binder(clock));
            resources.register(RemoteAddressFilters.forContainer(config.http().container()));
            resources.register(new ForwardedClientFilter(trustedProxies(config.clientAddresses())));
            keys.ifPresent(directory -> resources.register(new AbstractBinder() {
                @Override
                protected void configure() {
                    bind(directory).to(PublishedKeys.class);
                }
            }));
            resources.register(new HealthEndpoints(() -> database.isHealthy(2)));
            var jobs = new BackgroundJobs(new DeliverQueuedMail(outbox, transport, deliveryPolicy(config.mail()), clock),
                    config.mail().deliveryInterval(), new Housekeeping(database), retention(config), clock,
                    keys.<Runnable>map(directory -> directory::refresh));
            return new CompositionRoot(database, hasher, jobs, resources);
        } catch (RuntimeException e) {
            if (hasher != null) {
                hasher.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * Deactivates the account of an address and ends all its sessions, for the command line
     * ({@code java -jar portcullis.jar deactivate EMAIL}): on the configured database, migrated
     * first, without starting a server.
     */
    public static DeactivateAccount.Outcome deactivate(PortcullisConfig config, Clock clock, String email) {
        try (Database database = Database.open(databaseSettings(config.database()))) {
            var accounts = new MyBatisAccountStore(database);
            Optional<Account> account = EmailAddress.parse(email).flatMap(accounts::findByEmail);
            if (account.isEmpty()) {
                return new DeactivateAccount.Outcome.NotFound();
            }
            return new DeactivateAccount(accounts, new MyBatisSessionStore(database),
                    new MyBatisTransactionRunner(database), clock, auditTrail(config.audit(), database))
                    .deactivate(account.get().id());
        }
    }

    /** The configured transport, its templates checked now so a broken override stops the start. */
    private static MailTransport mailTransport(PortcullisConfig config) {
        PortcullisConfig.Mail mail = config.mail();
        var smtp = new SmtpSettings(mail.smtpHost(), mail.smtpPort(),
                SmtpSettings.Security.fromKey(mail.smtpSecurity().settingName()), mail.smtpUsername(),
                mail.smtpPassword().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(mail.smtpPassword().reveal()),
                mail.smtpTimeout(), mail.smtpTimeout(), mail.smtpTimeout());
        var settings = new MailSettings(MailSettings.Backend.fromKey(mail.backend().settingName()), smtp,
                java.util.Optional.of(mail.fileDir()), mail.from(), mail.subjectPrefix(), mail.templatesDir(),
                config.mailFlow().siteName());
        var transport = MailTransports.create(settings);
        transport.templates().validate(config.mailFlow().customVariables());
        return transport;
    }

    private static DeliverQueuedMail.Policy deliveryPolicy(PortcullisConfig.Mail mail) {
        return new DeliverQueuedMail.Policy(20, java.time.Duration.ofMinutes(2), mail.firstRetry(), mail.maxRetry(),
                mail.maxAttempts());
    }

    /** The database's counters are shared by every node on it; the memory's by this process alone. */
    private static RateLimitCounters rateLimitCounters(PortcullisConfig.RateLimits rateLimits, Database database) {
        return switch (rateLimits.store()) {
            case DATABASE -> new MyBatisRateLimitCounters(database);
            case MEMORY -> new InMemoryRateLimitCounters();
        };
    }

    private static TrustedProxies trustedProxies(PortcullisConfig.ClientAddresses addresses) {
        return TrustedProxies.of(String.join(",", addresses.trustedProxies()), addresses.header());
    }

    private static Housekeeping.Retention retention(PortcullisConfig config) {
        PortcullisConfig.Housekeeping housekeeping = config.housekeeping();
        return new Housekeeping.Retention(housekeeping.tokenRetention(), housekeeping.tokenRetention(),
                housekeeping.sentMailRetention(), config.audit().retention());
    }

    /**
     * The configured sinks of authentication events, the database first. A sink that fails fails
     * the request (fail closed): see {@link AuditTrail}.
     */
    static AuditTrail auditTrail(PortcullisConfig.Audit audit, Database database) {
        return new FanOutAuditTrail(audit.sinks().stream().map(sink -> switch (sink) {
            case DATABASE -> (AuditTrail) new MyBatisAuditTrail(database);
            case LOG -> new LogAuditTrail();
        }).toList());
    }

    public ResourceConfig resourceConfig() {
        return resourceConfig;
    }

    @Override
    public void close() {
        backgroundJobs.close();
        hashingPool.close();
        database.close();
    }

    private static DatabaseSettings databaseSettings(PortcullisConfig.Database db) {
        return new DatabaseSettings(db.url(), db.user(), db.password().reveal(), db.poolSize(), db.connectionTimeout());
    }

    private static BoundedPasswordHasher passwordHasher(PortcullisConfig.PasswordHashing hashing) {
        var argon2 = new Argon2Settings(hashing.argon2().memoryKib(), hashing.argon2().iterations(),
                hashing.argon2().parallelism(), Argon2Settings.DEFAULTS.saltLength(), Argon2Settings.DEFAULTS.hashLength());
        PasswordHasher delegating = DelegatingPasswordHasher.standard(
                hashing.hasher().settingName(), argon2, hashing.pbkdf2Iterations());
        return new BoundedPasswordHasher(delegating, hashing.threads(), hashing.queue());
    }

    private static JwtSettings jwtSettings(PortcullisConfig.Jwt jwt) {
        return new JwtSettings(jwt.algorithm().name(), jwt.secret().bytes(), jwt.issuer(), jwt.audience(), jwt.leeway());
    }

    /**
     * The key pairs of RS* and ES*, read (and on first start generated) now, so that an unusable
     * key file stops the start; empty for the HMAC algorithms. A key keeps verifying for the refresh
     * lifetime and the leeway after a newer one took over.
     */
    private static Optional<KeyDirectory> keyDirectory(PortcullisConfig.Jwt jwt, Clock clock) {
        if (!jwt.algorithm().asymmetric()) {
            return Optional.empty();
        }
        var settings = new KeyDirectorySettings(jwt.keysDir(), jwt.generateKeys(), jwt.keyRotationInterval(),
                jwt.tokens().refreshLifetime().plus(jwt.leeway()));
        return Optional.of(KeyDirectory.open(JwsAlgorithm.valueOf(jwt.algorithm().name()), settings, clock));
    }

    private static RestSettings restSettings(PortcullisConfig config) {
        PortcullisConfig.Cookies c = config.cookies();
        var cookies = new CookieSettings(c.accessName(), c.refreshName(), c.httpOnly(), c.secure(),
                Optional.of(SameSite.valueOf(c.sameSite().name())), c.path(), c.domain(),
                new CsrfSettings(CsrfSettings.Mode.valueOf(c.csrf().name()), c.csrfCookieName(), c.csrfHeaderName()),
                c.tokensInBody());
        PortcullisConfig.Links links = config.links();
        PortcullisConfig.Cors cors = config.cors();
        return new RestSettings(config.http().basePath(), config.http().maxRequestBytes(), cookies,
                config.jwt().returnExpiration(), config.account(), links.loginUrl(), links.confirmedRedirectUrl(),
                links.confirmOnGet(), new CorsSettings(cors.allowedOrigins(), cors.allowedMethods(),
                        cors.allowedHeaders(), cors.exposedHeaders(), cors.allowCredentials(), cors.maxAge()));
    }

    /**
     * The configured social providers. Nothing is fetched now: an OpenID Connect provider reads its
     * discovery document on first use, so a provider that is down does not stop the start.
     */
    private static IdentityProviders identityProviders(PortcullisConfig.Social social, Clock clock) {
        return new IdentityProviders(social.providers().stream()
                .map(provider -> SocialIdentityProviders.create(providerSettings(provider), clock))
                .toList());
    }

    private static ProviderSettings providerSettings(SocialProvider provider) {
        var protocol = switch (provider.protocol()) {
            case OPENID_CONNECT -> ProviderProtocol.OPENID_CONNECT;
            case GITHUB -> ProviderProtocol.GITHUB;
        };
        return new ProviderSettings(provider.id(), protocol, provider.issuer(), provider.apiUrl(), provider.clientId(),
                provider.clientSecret().reveal(), provider.scopes(), provider.timeout());
    }

    /** The driven ports on the database. */
    private record Stores(AccountStore accounts, SessionStore sessions, OneTimeTokenStore oneTimeTokens,
            MailOutbox outbox, TransactionRunner transactions, SocialAccountStore socialAccounts) {}

    /** The use cases, each built once, and the binder that hands them to the resources. */
    private record UseCases(
            RegisterAccount register,
            LogIn logIn,
            LogOut logOut,
            UpdateUser updateUser,
            ChangePassword changePassword,
            RefreshAccessToken refresh,
            VerifyToken verify,
            AuthenticateAccessToken authenticate,
            ConfirmEmail confirmEmail,
            ResendConfirmation resendConfirmation,
            RequestPasswordReset requestReset,
            ConfirmPasswordReset confirmReset,
            ListSessions listSessions,
            RevokeSession revokeSession,
            RevokeOtherSessions revokeOtherSessions,
            AuthenticateKey authenticateKey,
            SocialLogIn socialLogIn,
            ConnectSocialAccount connectSocial,
            ListSocialAccounts listSocial,
            DisconnectSocialAccount disconnectSocial) {

        /** Without a codec (token mode), the use cases of JWTs are null and left unbound. */
        static UseCases build(PortcullisConfig config, MailFlowSettings mail, Clock clock, Stores stores,
                PasswordHasher hasher, Optional<TokenCodec> tokenCodec, KeyGenerator keys, RateLimits limits,
                AuditTrail audit, IdentityProviders providers) {
            var account = config.account();
            var tx = stores.transactions();
            TokenCodec codec = tokenCodec.orElse(null);
            TokenIssuer tokenIssuer = tokenCodec
                    .map(c -> new TokenIssuer(c, stores.sessions(), config.jwt().tokens())).orElse(null);
            SessionOpener issuer = tokenIssuer != null ? tokenIssuer : new KeyIssuer(keys, stores.sessions());
            boolean jwt = tokenCodec.isPresent();
            var confirmations = new EmailConfirmations(keys, stores.oneTimeTokens(), stores.outbox(), mail);
            return new UseCases(
                    new RegisterAccount(stores.accounts(), hasher, issuer, confirmations, stores.outbox(), account,
                            mail, config.enumeration(), tx, clock, limits, audit),
                    new LogIn(stores.accounts(), hasher, issuer, account, tx, clock, limits, audit),
                    jwt ? new LogOut(codec, stores.sessions(), tx, clock, audit) : null,
                    new UpdateUser(stores.accounts(), account, tx),
                    new ChangePassword(stores.accounts(), stores.sessions(), stores.oneTimeTokens(), stores.outbox(),
                            hasher, account, mail, tx, clock, audit),
                    jwt ? new RefreshAccessToken(codec, stores.sessions(), stores.accounts(), tokenIssuer,
                            config.jwt().tokens(), tx, clock, limits, audit) : null,
                    jwt ? new VerifyToken(codec, stores.sessions(), clock) : null,
                    jwt ? new AuthenticateAccessToken(codec, stores.sessions(), stores.accounts(), clock) : null,
                    new ConfirmEmail(stores.accounts(), stores.oneTimeTokens(), tx, clock, audit),
                    new ResendConfirmation(stores.accounts(), confirmations, stores.outbox(), mail,
                            config.enumeration(), tx, clock, limits),
                    new RequestPasswordReset(stores.accounts(), stores.oneTimeTokens(), keys, stores.outbox(), mail,
                            config.enumeration(), tx, clock, limits),
                    new ConfirmPasswordReset(stores.accounts(), stores.sessions(), stores.oneTimeTokens(),
                            stores.outbox(), hasher, account, mail, tx, clock, audit),
                    new ListSessions(stores.sessions(), clock),
                    new RevokeSession(stores.sessions(), tx, clock, audit),
                    new RevokeOtherSessions(stores.sessions(), tx, clock, audit),
                    new AuthenticateKey(stores.sessions(), stores.accounts(), clock),
                    new SocialLogIn(providers, stores.accounts(), stores.socialAccounts(), issuer, confirmations, keys,
                            account, config.social().settings(), mail, tx, clock, limits, audit),
                    new ConnectSocialAccount(providers, stores.accounts(), stores.socialAccounts(), issuer, tx, clock,
                            audit),
                    new ListSocialAccounts(stores.socialAccounts()),
                    new DisconnectSocialAccount(stores.accounts(), stores.socialAccounts(), tx, clock, audit));
        }

        AbstractBinder binder(Clock clock) {
            return new AbstractBinder() {
                @Override
                protected void configure() {
                    bind(register).to(RegisterAccount.class);
                    bind(logIn).to(LogIn.class);
                    if (logOut != null) {
                        bind(logOut).to(LogOut.class);
                        bind(refresh).to(RefreshAccessToken.class);
                        bind(verify).to(VerifyToken.class);
                        bind(authenticate).to(AuthenticateAccessToken.class);
                    }
                    bind(authenticateKey).to(AuthenticateKey.class);
                    bind(updateUser).to(UpdateUser.class);
                    bind(changePassword).to(ChangePassword.class);
                    bind(confirmEmail).to(ConfirmEmail.class);
                    bind(resendConfirmation).to(ResendConfirmation.class);
                    bind(requestReset).to(RequestPasswordReset.class);
                    bind(confirmReset).to(ConfirmPasswordReset.class);
                    bind(listSessions).to(ListSessions.class);
                    bind(revokeSession).to(RevokeSession.class);
                    bind(revokeOtherSessions).to(RevokeOtherSessions.class);
                    bind(socialLogIn).to(SocialLogIn.class);
                    bind(connectSocial).to(ConnectSocialAccount.class);
                    bind(listSocial).to(ListSocialAccounts.class);
                    bind(disconnectSocial).to(DisconnectSocialAccount.class);
                    bind(clock).to(Clock.class);
                }
            };
        }
    }
}
