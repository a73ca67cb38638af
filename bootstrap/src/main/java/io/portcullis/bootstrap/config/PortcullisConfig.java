package io.portcullis.bootstrap.config;

import io.portcullis.application.ratelimit.RateLimitSettings;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.settings.SocialSettings;
import io.portcullis.application.settings.TokenSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one Portcullis process, checked and typed. Built by
 * {@link SettingsLoader}; the composition root hands each part to the adapter or use case it shapes.
 * {@code toString} is safe to log: secrets print as {@code Secret[hidden]}.
 *
 * @param account the settings the use cases take (login method, profile schema, password policy...)
 * @param mailFlow the site, the links in mails, key lifetimes and mail languages
 * @param links where the confirmation link sends a browser afterwards, and whether a GET confirms
 * @param cors which other origins' browser scripts may call the API
 * @param configFile the config file that was read, if any
 * @param tokenMode JWTs, or opaque session keys (dj-rest-auth's {@code USE_JWT = False})
 * @param rateLimits the rules of the rate limits and where their counters are kept
 * @param clientAddresses which proxies may name the client's address in a header
 * @param social the social login providers, and what social login may do on its own
 */
public record PortcullisConfig(
        Http http,
        Database database,
        Jwt jwt,
        Cookies cookies,
        PasswordHashing passwordHashing,
        AccountSettings account,
        EnumerationProtection enumeration,
        MailFlowSettings mailFlow,
        Links links,
        Mail mail,
        Housekeeping housekeeping,
        Cors cors,
        Optional<Path> configFile,
        TokenMode tokenMode,
        RateLimits rateLimits,
        ClientAddresses clientAddresses,
        Audit audit,
        Social social) {

    public PortcullisConfig {
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(clientAddresses, "clientAddresses");
        Objects.requireNonNull(mailFlow, "mailFlow");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(housekeeping, "housekeeping");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(enumeration, "enumeration");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(tokenMode, "tokenMode");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(social, "social");
    }

    /** What logins hand out. */
    public enum TokenMode {
        /** An access and a refresh JWT (REST_AUTH['USE_JWT'] = True). */
        JWT,
        /** An opaque key per session, Authorization: Token (REST_AUTH['USE_JWT'] = False). */
        OPAQUE;

        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The HTTP server.
     *
     * @param basePath where the endpoints are mounted: {@code /auth}, or {@code /} for the root;
     *     never ends with a slash except for the root
     * @param container the embedded HTTP server that runs the Jersey application
     */
    public record Http(
            String host, int port, String basePath, int maxRequestBytes, int workerThreads, Container container) {

        public Http {
            Objects.requireNonNull(container, "container");
        }
    }

    /** The embedded HTTP servers Portcullis can run on; both serve the same Jersey application. */
    public enum Container {
        GRIZZLY,
        JETTY;

        /** The name used in settings: {@code grizzly}, {@code jetty}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Cross-origin requests (django-cors-headers' CORS_* settings). No origin listed means none is
     * allowed; {@code *} alone allows any, without credentials.
     */
    public record Cors(
            java.util.List<String> allowedOrigins,
            java.util.List<String> allowedMethods,
            java.util.List<String> allowedHeaders,
            java.util.List<String> exposedHeaders,
            boolean allowCredentials,
            Duration maxAge) {}

    /** The database the persistence adapter connects to (a HikariCP pool). */
    public record Database(String url, String user, Secret password, int poolSize, Duration connectionTimeout) {}

    /**
     * JSON Web Tokens.
     *
     * @param secret the HMAC key, at least {@link JwtAlgorithm#minimumSecretBytes()} long
     * @param secretGenerated true when the key was made up at start-up (development only): tokens
     *     then die with the process and differ between instances; the caller should warn loudly
     * @param tokens lifetimes and rotation, as the token use cases take them
     * @param returnExpiration whether login and registration answers carry access_expiration and
     *     refresh_expiration (dj-rest-auth's JWT_AUTH_RETURN_EXPIRATION); refresh answers always do
     * @param leeway clock skew tolerated when checking exp and nbf
     * @param keysDir where the key pairs of RS* and ES* live, as PEM files named by key id
     * @param generateKeys whether a key pair is generated (and stored there) when none is there, and
     *     when a rotation is due
     * @param keyRotationInterval how long a generated key signs before a new one takes over; empty
     *     means no automatic rotation
     */
    public record Jwt(
            JwtAlgorithm algorithm,
            Secret secret,
            boolean secretGenerated,
            TokenSettings tokens,
            boolean returnExpiration,
            Optional<String> issuer,
            Optional<String> audience,
            Duration leeway,
            Path keysDir,
            boolean generateKeys,
            Optional<Duration> keyRotationInterval) {}

    /**
     * The signing algorithms, each HMAC one with the shortest secret it may use (RFC 7518 3.2); the
     * RSA and EC ones sign with key pairs instead of the secret.
     */
    public enum JwtAlgorithm {
        HS256(32),
        HS384(48),
        HS512(64),
        RS256(0),
        RS384(0),
        RS512(0),
        ES256(0),
        ES384(0),
        ES512(0);

        private final int minimumSecretBytes;

        JwtAlgorithm(int minimumSecretBytes) {
            this.minimumSecretBytes = minimumSecretBytes;
        }

        public int minimumSecretBytes() {
            return minimumSecretBytes;
        }

        /** Signs with a key pair and publishes its public key, rather than sharing a secret. */
        public boolean asymmetric() {
            return minimumSecretBytes == 0;
        }
    }

    /**
     * The JWT cookies (dj-rest-auth's JWT_AUTH_* settings). With no access-cookie name, tokens travel
     * in bodies and headers only.
     */
    public record Cookies(
            Optional<String> accessName,
            Optional<String> refreshName,
            boolean httpOnly,
            boolean secure,
            SameSite sameSite,
            String path,
            Optional<String> domain,
            Csrf csrf,
            String csrfCookieName,
            String csrfHeaderName,
            boolean tokensInBody) {

        /** Whether login sets cookies at all. */
        public boolean enabled() {
            return accessName.isPresent() || refreshName.isPresent();
        }
    }

    /** How cookie-authenticated unsafe requests are protected from cross-site request forgery. */
    public enum Csrf {
        OFF,
        DOUBLE_SUBMIT,
        HEADER;

        /** The word used in settings: {@code off}, {@code double-submit}, {@code header}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public enum SameSite {
        LAX("Lax"),
        STRICT("Strict"),
        NONE("None");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }

        /** The value of the cookie's SameSite attribute. */
        public String attribute() {
            return attribute;
        }
    }

    /**
     * How new password hashes are made, and the bounded pool that makes them. Hashes of the other
     * kind are still verified (and upgraded at the next login).
     *
     * @param threads the size of the hashing pool
     * @param queue how many hashing jobs may wait before new ones are refused
     */
    public record PasswordHashing(Hasher hasher, Argon2 argon2, int pbkdf2Iterations, int threads, int queue) {}

    public enum Hasher {
        ARGON2ID,
        PBKDF2_SHA256;

        /** The name used in settings: {@code argon2id}, {@code pbkdf2_sha256}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Argon2id cost parameters (RFC 9106): memory in KiB, passes, lanes. */
    public record Argon2(int memoryKib, int iterations, int parallelism) {}

    /**
     * Where browsers go around the confirmation link.
     *
     * @param loginUrl allauth's LOGIN_URL; empty means the API's own login endpoint
     * @param confirmedRedirectUrl where a followed confirmation link redirects; empty means the login URL
     * @param confirmOnGet whether following the link confirms at once (ACCOUNT_CONFIRM_EMAIL_ON_GET)
     */
    public record Links(Optional<String> loginUrl, Optional<String> confirmedRedirectUrl, boolean confirmOnGet) {}

    /** How mail leaves the service. */
    public enum MailBackend {
        CONSOLE, SMTP, FILE;

        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The SMTP connection security. */
    public enum SmtpSecurity {
        NONE, STARTTLS, SSL;

        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Mail transport and delivery.
     *
     * @param subjectPrefix empty means "[site name] "
     * @param templatesDir a directory whose files replace the built-in templates of the same name
     */
    public record Mail(
            MailBackend backend,
            String from,
            Optional<String> subjectPrefix,
            Optional<Path> templatesDir,
            Path fileDir,
            String smtpHost,
            int smtpPort,
            SmtpSecurity smtpSecurity,
            Optional<String> smtpUsername,
            Secret smtpPassword,
            Duration smtpTimeout,
            Duration deliveryInterval,
            Duration firstRetry,
            Duration maxRetry,
            int maxAttempts) {}

    /** How long spent tokens and delivered mail are kept before they are purged. */
    public record Housekeeping(Duration tokenRetention, Duration sentMailRetention) {}

    /**
     * Rate limits (allauth's {@code ACCOUNT_RATE_LIMITS}).
     *
     * @param store where the counters are: the database, shared by every node on it, or this
     *     process's memory
     */
    public record RateLimits(RateLimitStore store, RateLimitSettings settings) {

        public RateLimits {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** Where rate-limit counters are kept. */
    public enum RateLimitStore {
        DATABASE,
        MEMORY;

        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The audit trail of authentication events.
     *
     * @param sinks where each event goes, the database before the log; empty records nothing
     * @param retention how long the database keeps an event before housekeeping purges it
     */
    public record Audit(java.util.List<AuditSink> sinks, Duration retention) {

        public Audit {
            sinks = java.util.List.copyOf(sinks);
            Objects.requireNonNull(retention, "retention");
        }
    }

    /** A built-in audit sink. */
    public enum AuditSink {
        /** A row in {@code audit_events}, in the transaction of the change. */
        DATABASE,
        /** A line on the logger {@code portcullis.audit}. */
        LOG;

        public String settingName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Whose address a request speaks for (allauth's {@code ALLAUTH_TRUSTED_PROXY_COUNT} and
     * {@code ALLAUTH_TRUSTED_CLIENT_IP_HEADER}, by address rather than by count).
     *
     * @param trustedProxies addresses and networks (CIDR) of the proxies whose header is believed
     * @param header the header that names the client, such as {@code X-Forwarded-For}
     */
    public record ClientAddresses(java.util.List<String> trustedProxies, String header) {

        public ClientAddresses {
            trustedProxies = java.util.List.copyOf(trustedProxies);
            Objects.requireNonNull(header, "header");
        }
    }

    /**
     * Social login (allauth's SOCIALACCOUNT_* settings).
     *
     * @param providers in the order {@code social.providers} lists them; none turns social login off
     * @param settings sign-up and auto-connect, as the use cases take them
     */
    public record Social(java.util.List<SocialProvider> providers, SocialSettings settings) {

        public Social {
            providers = java.util.List.copyOf(providers);
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** How a social provider is spoken to. */
    public enum SocialProtocol {
        /** Any OpenID Connect issuer: discovery, JWKS, code exchange with PKCE, a checked ID token. */
        OPENID_CONNECT,
        /** GitHub's OAuth2 code exchange and its user and e-mail APIs. */
        GITHUB;

        /** The name used in settings: {@code openid-connect}, {@code github}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One social provider (an entry of allauth's SOCIALACCOUNT_PROVIDERS).
     *
     * @param issuer the OpenID Connect issuer, or GitHub's web address
     * @param apiUrl GitHub's REST API; empty for OpenID Connect
     * @param clientSecret empty for a public client that relies on PKCE alone
     */
    public record SocialProvider(String id, SocialProtocol protocol, java.net.URI issuer,
            Optional<java.net.URI> apiUrl, String clientId, Secret clientSecret, java.util.List<String> scopes,
            Duration timeout) {

        public SocialProvider {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(apiUrl, "apiUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            scopes = java.util.List.copyOf(scopes);
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
