package io.portcullis.bootstrap.wiring;

import io.portcullis.adapters.persistence.Database;
import io.portcullis.adapters.persistence.DatabaseSettings;
import io.portcullis.adapters.persistence.MyBatisAccountStore;
import io.portcullis.adapters.persistence.MyBatisSessionStore;
import io.portcullis.adapters.persistence.MyBatisTransactionRunner;
import io.portcullis.adapters.rest.RestApi;
import io.portcullis.adapters.rest.health.HealthEndpoints;
import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.adapters.rest.settings.SameSite;
import io.portcullis.adapters.security.jwt.JwtSettings;
import io.portcullis.adapters.security.jwt.JwtTokenCodec;
import io.portcullis.adapters.security.password.Argon2Settings;
import io.portcullis.adapters.security.password.Argon2idPasswordHasher;
import io.portcullis.adapters.security.password.BoundedPasswordHasher;
import io.portcullis.adapters.security.password.DelegatingPasswordHasher;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.login.LogOut;
import io.portcullis.application.password.ChangePassword;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.token.AuthenticateAccessToken;
import io.portcullis.application.token.RefreshAccessToken;
import io.portcullis.application.token.TokenIssuer;
import io.portcullis.application.token.VerifyToken;
import io.portcullis.application.user.UpdateUser;
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
    private final ResourceConfig resourceConfig;

    private CompositionRoot(Database database, BoundedPasswordHasher hashingPool, ResourceConfig resourceConfig) {
        this.database = database;
        this.hashingPool = hashingPool;
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
            TokenCodec codec = new JwtTokenCodec(jwtSettings(config.jwt()));
            var useCases = new UseCases(config, clock, accounts, sessions, transactions, hasher, codec);
            var resources = new ResourceConfig();
            RestApi.configure(resources, restSettings(config));
            resources.register(useCases.binder(clock));
            resources.register(new HealthEndpoints(() -> database.isHealthy(2)));
            return new CompositionRoot(database, hasher, resources);
        } catch (RuntimeException e) {
            if (hasher != null) {
                hasher.close();
            }
            database.close();
            throw e;
        }
    }

    public ResourceConfig resourceConfig() {
        return resourceConfig;
    }

    @Override
    public void close() {
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

    private static RestSettings restSettings(PortcullisConfig config) {
        PortcullisConfig.Cookies c = config.cookies();
        var cookies = new CookieSettings(c.accessName(), c.refreshName(), c.httpOnly(), c.secure(),
                Optional.of(SameSite.valueOf(c.sameSite().name())), c.path(), c.domain());
        return new RestSettings(config.http().basePath(), config.http().maxRequestBytes(), cookies,
                config.jwt().returnExpiration(), config.account());
    }

    /** The use cases, each built once, and the binder that hands them to the resources. */
    private record UseCases(
            RegisterAccount register,
            LogIn logIn,
            LogOut logOut,
            UpdateUser updateUser,
            ChangePassword changePassword,
            RefreshAccessToken refresh,
            VerifyToken verify,
            AuthenticateAccessToken authenticate) {

        UseCases(PortcullisConfig config, Clock clock, AccountStore accounts, SessionStore sessions,
                TransactionRunner transactions, PasswordHasher hasher, TokenCodec codec) {
            this(config, clock, accounts, sessions, transactions, hasher, codec,
                    new TokenIssuer(codec, sessions, config.jwt().tokens()));
        }

        UseCases(PortcullisConfig config, Clock clock, AccountStore accounts, SessionStore sessions,
                TransactionRunner transactions, PasswordHasher hasher, TokenCodec codec, TokenIssuer issuer) {
            this(new RegisterAccount(accounts, hasher, issuer, config.account(), transactions, clock),
                    new LogIn(accounts, hasher, issuer, config.account(), transactions, clock),
                    new LogOut(codec, sessions, transactions, clock),
                    new UpdateUser(accounts, config.account(), transactions),
                    new ChangePassword(accounts, sessions, hasher, config.account(), transactions, clock),
                    new RefreshAccessToken(codec, sessions, accounts, issuer, config.jwt().tokens(), transactions, clock),
                    new VerifyToken(codec, sessions, clock),
                    new AuthenticateAccessToken(codec, sessions, accounts, clock));
        }

        AbstractBinder binder(Clock clock) {
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
                    bind(clock).to(Clock.class);
                }
            };
        }
    }
}
