package io.portcullis.bootstrap.config;

import io.portcullis.application.ratelimit.RateLimitSettings;
import io.portcullis.application.ratelimit.RateLimitedAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting Portcullis knows, with its built-in default, and the rules that name settings in
 * the environment ({@code PORTCULLIS_JWT_SECRET}) and in system properties
 * ({@code portcullis.jwt.secret}). Profile fields add keys of their own:
 * {@code account.profile.<name>.<attribute>} for every name listed in {@code account.profile.fields};
 * so do social providers: {@code social.provider.<id>.<attribute>} for every id listed in
 * {@code social.providers}.
 */
public final class ConfigKeys {

    public static final String ENVIRONMENT_PREFIX = "PORTCULLIS_";
    public static final String SYSTEM_PROPERTY_PREFIX = "portcullis.";
    /** Names the config file; not a setting itself. */
    public static final String CONFIG_ENVIRONMENT_VARIABLE = "PORTCULLIS_CONFIG";
    public static final String CONFIG_SYSTEM_PROPERTY = "portcullis.config";
    public static final String CONFIG_OPTION = "--config";

    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_BASE_PATH = "http.base-path";
    public static final String HTTP_MAX_REQUEST_BYTES = "http.max-request-bytes";
    public static final String HTTP_WORKER_THREADS = "http.worker-threads";
    public static final String HTTP_CONTAINER = "http.container";
    public static final String HTTP_TRUSTED_PROXIES = "http.trusted-proxies";
    public static final String HTTP_CLIENT_IP_HEADER = "http.client-ip-header";

    public static final String DATABASE_URL = "database.url";
    public static final String DATABASE_USER = "database.user";
    public static final String DATABASE_PASSWORD = "database.password";
    public static final String DATABASE_POOL_SIZE = "database.pool-size";
    public static final String DATABASE_CONNECTION_TIMEOUT = "database.connection-timeout";

    public static final String TOKENS_MODE = "tokens.mode";

    public static final String JWT_ALGORITHM = "jwt.algorithm";
    public static final String JWT_SECRET = "jwt.secret";
    public static final String JWT_ALLOW_GENERATED_SECRET = "jwt.allow-generated-secret";
    public static final String JWT_ACCESS_LIFETIME = "jwt.access-lifetime";
    public static final String JWT_REFRESH_LIFETIME = "jwt.refresh-lifetime";
    public static final String JWT_ROTATE_REFRESH_TOKENS = "jwt.rotate-refresh-tokens";
    public static final String JWT_BLACKLIST_AFTER_ROTATION = "jwt.blacklist-after-rotation";
    public static final String JWT_RETURN_EXPIRATION = "jwt.return-expiration";
    public static final String JWT_ISSUER = "jwt.issuer";
    public static final String JWT_AUDIENCE = "jwt.audience";
    public static final String JWT_LEEWAY = "jwt.leeway";
    public static final String JWT_KEYS_DIR = "jwt.keys-dir";
    public static final String JWT_GENERATE_KEYS = "jwt.generate-keys";
    public static final String JWT_KEY_ROTATION_INTERVAL = "jwt.key-rotation-interval";

    public static final String COOKIES_ACCESS_NAME = "cookies.access-name";
    public static final String COOKIES_REFRESH_NAME = "cookies.refresh-name";
    public static final String COOKIES_HTTP_ONLY = "cookies.http-only";
    public static final String COOKIES_SECURE = "cookies.secure";
    public static final String COOKIES_SAME_SITE = "cookies.same-site";
    public static final String COOKIES_PATH = "cookies.path";
    public static final String COOKIES_DOMAIN = "cookies.domain";
    public static final String COOKIES_CSRF = "cookies.csrf";
    public static final String COOKIES_CSRF_COOKIE_NAME = "cookies.csrf-cookie-name";
    public static final String COOKIES_CSRF_HEADER_NAME = "cookies.csrf-header-name";
    public static final String COOKIES_TOKENS_IN_BODY = "cookies.tokens-in-body";

    public static final String CORS_ALLOWED_ORIGINS = "cors.allowed-origins";
    public static final String CORS_ALLOWED_METHODS = "cors.allowed-methods";
    public static final String CORS_ALLOWED_HEADERS = "cors.allowed-headers";
    public static final String CORS_EXPOSED_HEADERS = "cors.exposed-headers";
    public static final String CORS_ALLOW_CREDENTIALS = "cors.allow-credentials";
    public static final String CORS_MAX_AGE = "cors.max-age";

    public static final String PASSWORD_HASHER = "password.hasher";
    public static final String PASSWORD_ARGON2_MEMORY_KIB = "password.argon2.memory-kib";
    public static final String PASSWORD_ARGON2_ITERATIONS = "password.argon2.iterations";
    public static final String PASSWORD_ARGON2_PARALLELISM = "password.argon2.parallelism";
    public static final String PASSWORD_PBKDF2_ITERATIONS = "password.pbkdf2.iterations";
    public static final String PASSWORD_HASHING_THREADS = "password.hashing-threads";
    public static final String PASSWORD_HASHING_QUEUE = "password.hashing-queue";
    public static final String PASSWORD_MIN_LENGTH = "password.min-length";
    public static final String PASSWORD_MAX_LENGTH = "password.max-length";
    public static final String PASSWORD_VALIDATORS = "password.validators";
    public static final String PASSWORD_MAX_SIMILARITY = "password.max-similarity";
    public static final String PASSWORD_OLD_PASSWORD_REQUIRED = "password.old-password-required";
    public static final String PASSWORD_LOGOUT_ON_CHANGE = "password.logout-on-change";

    public static final String ACCOUNT_LOGIN_METHOD = "account.login-method";
    public static final String ACCOUNT_EMAIL_REQUIRED = "account.email-required";
    public static final String ACCOUNT_USERNAME_ENABLED = "account.username-enabled";
    public static final String ACCOUNT_USERNAME_REQUIRED = "account.username-required";
    public static final String ACCOUNT_USERNAME_EDITABLE = "account.username-editable";
    public static final String ACCOUNT_USERNAME_MIN_LENGTH = "account.username-min-length";
    public static final String ACCOUNT_EMAIL_VERIFICATION = "account.email-verification";
    public static final String ACCOUNT_PROFILE_FIELDS = "account.profile.fields";
    public static final String ACCOUNT_PREVENT_ENUMERATION = "account.prevent-enumeration";
    public static final String ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = "account.email-unknown-accounts";

    public static final String USER_FIELDS = "user.fields";

    public static final String SITE_NAME = "site.name";
    public static final String SITE_DOMAIN = "site.domain";
    public static final String SITE_URL = "site.url";

    public static final String CONFIRMATION_EXPIRY = "account.email-confirmation.expiry";
    public static final String CONFIRMATION_ON_GET = "account.email-confirmation.on-get";
    public static final String CONFIRMATION_LINK = "account.email-confirmation.link";
    public static final String CONFIRMATION_RESEND_REVOKES = "account.email-confirmation.resend-revokes-earlier";
    public static final String CONFIRMATION_REDIRECT_URL = "account.email-confirmation.redirect-url";
    public static final String ACCOUNT_LOGIN_URL = "account.login-url";

    public static final String RESET_LINK = "password.reset.link";
    public static final String RESET_EXPIRY = "password.reset.expiry";
    public static final String RESET_LOGOUT = "password.reset.logout";
    public static final String PASSWORD_CHANGED_NOTICE = "password.changed-notice";

    public static final String MAIL_BACKEND = "mail.backend";
    public static final String MAIL_FROM = "mail.from";
    public static final String MAIL_SUBJECT_PREFIX = "mail.subject-prefix";
    public static final String MAIL_TEMPLATES_DIR = "mail.templates-dir";
    public static final String MAIL_LANGUAGES = "mail.languages";
    public static final String MAIL_VARIABLES = "mail.variables";
    public static final String MAIL_FILE_DIR = "mail.file-dir";
    public static final String MAIL_SMTP_HOST = "mail.smtp.host";
    public static final String MAIL_SMTP_PORT = "mail.smtp.port";
    public static final String MAIL_SMTP_SECURITY = "mail.smtp.security";
    public static final String MAIL_SMTP_USERNAME = "mail.smtp.username";
    public static final String MAIL_SMTP_PASSWORD = "mail.smtp.password";
    public static final String MAIL_SMTP_TIMEOUT = "mail.smtp.timeout";
    public static final String MAIL_DELIVERY_INTERVAL = "mail.delivery.interval";
    public static final String MAIL_DELIVERY_FIRST_RETRY = "mail.delivery.first-retry";
    public static final String MAIL_DELIVERY_MAX_RETRY = "mail.delivery.max-retry";
    public static final String MAIL_DELIVERY_MAX_ATTEMPTS = "mail.delivery.max-attempts";

    public static final String RATE_LIMITS_ENABLED = "rate-limits.enabled";
    public static final String RATE_LIMITS_STORE = "rate-limits.store";
    public static final String RATE_LIMITS_MAX_BACKOFF = "rate-limits.max-backoff";
    /** {@code rate-limits.<action>}: the rules of one action, such as {@code rate-limits.login-failed}. */
    public static final String RATE_LIMITS_PREFIX = "rate-limits.";

    public static final String SOCIAL_PROVIDERS = "social.providers";
    public static final String SOCIAL_AUTO_SIGNUP = "social.auto-signup";
    public static final String SOCIAL_AUTO_CONNECT = "social.auto-connect";

    public static final String RETENTION_TOKENS = "housekeeping.token-retention";
    public static final String RETENTION_SENT_MAIL = "housekeeping.sent-mail-retention";

    public static final String AUDIT_SINKS = "audit.sinks";
    public static final String AUDIT_RETENTION = "audit.retention";

    /** The attributes every declared profile field has: {@code account.profile.<name>.<attribute>}. */
    public static final String PROFILE_TYPE = "type";
    public static final String PROFILE_LABEL = "label";
    public static final String PROFILE_CHOICES = "choices";
    public static final String PROFILE_MAX_LENGTH = "max-length";
    public static final String PROFILE_PATTERN = "pattern";
    public static final String PROFILE_REQUIRED = "required";
    public static final String PROFILE_EDITABLE = "editable";
    public static final List<String> PROFILE_ATTRIBUTES = List.of(
            PROFILE_TYPE, PROFILE_LABEL, PROFILE_CHOICES, PROFILE_MAX_LENGTH, PROFILE_PATTERN, PROFILE_REQUIRED,
            PROFILE_EDITABLE);

    static final String PROFILE_PREFIX = "account.profile.";

    /** The attributes every listed social provider has: {@code social.provider.<id>.<attribute>}. */
    public static final String PROVIDER_PROTOCOL = "protocol";
    public static final String PROVIDER_ISSUER = "issuer";
    public static final String PROVIDER_CLIENT_ID = "client-id";
    public static final String PROVIDER_CLIENT_SECRET = "client-secret";
    public static final String PROVIDER_SCOPES = "scopes";
    public static final String PROVIDER_TIMEOUT = "timeout";
    public static final String PROVIDER_API_URL = "api-url";
    public static final String PROVIDER_TENANT = "tenant";
    public static final List<String> PROVIDER_ATTRIBUTES = List.of(PROVIDER_PROTOCOL, PROVIDER_ISSUER,
            PROVIDER_CLIENT_ID, PROVIDER_CLIENT_SECRET, PROVIDER_SCOPES, PROVIDER_TIMEOUT, PROVIDER_API_URL,
            PROVIDER_TENANT);

    static final String PROVIDER_PREFIX = "social.provider.";

    /** Keys whose values never appear in a message: secrets, and the database URL, which may hold one. */
    private static final Set<String> HIDDEN = Set.of(JWT_SECRET, DATABASE_PASSWORD, DATABASE_URL, MAIL_SMTP_PASSWORD);

    private static final Map<String, Optional<String>> DEFAULTS = defaults();

    private ConfigKeys() {}

    private static Map<String, Optional<String>> defaults() {
        var d = new LinkedHashMap<String, Optional<String>>();
        d.put(HTTP_HOST, Optional.of("0.0.0.0"));
        d.put(HTTP_PORT, Optional.of("8000"));
        d.put(HTTP_BASE_PATH, Optional.of("/auth"));
        d.put(HTTP_MAX_REQUEST_BYTES, Optional.of("1048576"));
        d.put(HTTP_WORKER_THREADS, Optional.empty()); // 2 x cores, at least 8
        d.put(HTTP_CONTAINER, Optional.of("jetty"));
        d.put(HTTP_TRUSTED_PROXIES, Optional.of(""));
        d.put(HTTP_CLIENT_IP_HEADER, Optional.of("X-Forwarded-For"));

        d.put(DATABASE_URL, Optional.of("jdbc:h2:file:./data/portcullis"));
        d.put(DATABASE_USER, Optional.of("sa"));
        d.put(DATABASE_PASSWORD, Optional.of(""));
        d.put(DATABASE_POOL_SIZE, Optional.of("10"));
        d.put(DATABASE_CONNECTION_TIMEOUT, Optional.of("PT5S"));

        d.put(TOKENS_MODE, Optional.of("jwt"));

        d.put(JWT_ALGORITHM, Optional.of("HS256"));
        d.put(JWT_SECRET, Optional.empty());
        d.put(JWT_ALLOW_GENERATED_SECRET, Optional.of("false"));
        d.put(JWT_ACCESS_LIFETIME, Optional.of("PT5M"));
        d.put(JWT_REFRESH_LIFETIME, Optional.of("P1D"));
        d.put(JWT_ROTATE_REFRESH_TOKENS, Optional.of("true"));
        d.put(JWT_BLACKLIST_AFTER_ROTATION, Optional.of("true"));
        d.put(JWT_RETURN_EXPIRATION, Optional.of("false"));
        d.put(JWT_ISSUER, Optional.empty());
        d.put(JWT_AUDIENCE, Optional.empty());
        d.put(JWT_LEEWAY, Optional.of("PT0S"));
        d.put(JWT_KEYS_DIR, Optional.of("./data/keys"));
        d.put(JWT_GENERATE_KEYS, Optional.of("true"));
        d.put(JWT_KEY_ROTATION_INTERVAL, Optional.empty());

        d.put(COOKIES_ACCESS_NAME, Optional.empty());
        d.put(COOKIES_REFRESH_NAME, Optional.empty());
        d.put(COOKIES_HTTP_ONLY, Optional.of("true"));
        d.put(COOKIES_SECURE, Optional.of("true"));
        d.put(COOKIES_SAME_SITE, Optional.of("Lax"));
        d.put(COOKIES_PATH, Optional.of("/"));
        d.put(COOKIES_DOMAIN, Optional.empty());
        d.put(COOKIES_CSRF, Optional.of("double-submit"));
        d.put(COOKIES_CSRF_COOKIE_NAME, Optional.of("csrftoken"));
        d.put(COOKIES_CSRF_HEADER_NAME, Optional.of("X-CSRFToken"));
        d.put(COOKIES_TOKENS_IN_BODY, Optional.of("true"));

        d.put(CORS_ALLOWED_ORIGINS, Optional.of(""));
        d.put(CORS_ALLOWED_METHODS, Optional.of("DELETE,GET,OPTIONS,PATCH,POST,PUT"));
        d.put(CORS_ALLOWED_HEADERS, Optional.of("accept,authorization,content-type,user-agent,x-csrftoken,x-requested-with"));
        d.put(CORS_EXPOSED_HEADERS, Optional.of(""));
        d.put(CORS_ALLOW_CREDENTIALS, Optional.of("false"));
        d.put(CORS_MAX_AGE, Optional.of("P1D"));

        d.put(PASSWORD_HASHER, Optional.of("argon2id"));
        d.put(PASSWORD_ARGON2_MEMORY_KIB, Optional.of("19456"));
        d.put(PASSWORD_ARGON2_ITERATIONS, Optional.of("2"));
        d.put(PASSWORD_ARGON2_PARALLELISM, Optional.of("1"));
        d.put(PASSWORD_PBKDF2_ITERATIONS, Optional.of("260000"));
        d.put(PASSWORD_HASHING_THREADS, Optional.empty()); // number of cores
        d.put(PASSWORD_HASHING_QUEUE, Optional.of("32"));
        d.put(PASSWORD_MIN_LENGTH, Optional.of("8"));
        d.put(PASSWORD_MAX_LENGTH, Optional.of("4096"));
        d.put(PASSWORD_VALIDATORS, Optional.of("similarity,minimum_length,common,numeric"));
        d.put(PASSWORD_MAX_SIMILARITY, Optional.of("0.7"));
        d.put(PASSWORD_OLD_PASSWORD_REQUIRED, Optional.of("true"));
        d.put(PASSWORD_LOGOUT_ON_CHANGE, Optional.of("false"));

        d.put(ACCOUNT_LOGIN_METHOD, Optional.of("email"));
        d.put(ACCOUNT_EMAIL_REQUIRED, Optional.of("true"));
        d.put(ACCOUNT_USERNAME_ENABLED, Optional.of("false"));
        d.put(ACCOUNT_USERNAME_REQUIRED, Optional.of("false"));
        d.put(ACCOUNT_USERNAME_EDITABLE, Optional.of("true"));
        d.put(ACCOUNT_USERNAME_MIN_LENGTH, Optional.of("1"));
        d.put(ACCOUNT_EMAIL_VERIFICATION, Optional.of("none"));
        d.put(ACCOUNT_PROFILE_FIELDS, Optional.of(""));
        d.put(ACCOUNT_PREVENT_ENUMERATION, Optional.of("true"));
        d.put(ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS, Optional.of("true"));

        d.put(USER_FIELDS, Optional.empty()); // pk, username when enabled, email, then the profile fields

        d.put(SITE_NAME, Optional.of("example.com"));
        d.put(SITE_DOMAIN, Optional.of("example.com"));
        d.put(SITE_URL, Optional.empty()); // http://localhost:<http.port>

        d.put(CONFIRMATION_EXPIRY, Optional.of("P3D"));
        d.put(CONFIRMATION_ON_GET, Optional.of("true"));
        d.put(CONFIRMATION_LINK, Optional.empty()); // <site.url><base path>/registration/account-confirm-email/{key}/
        d.put(CONFIRMATION_RESEND_REVOKES, Optional.of("false"));
        d.put(CONFIRMATION_REDIRECT_URL, Optional.empty()); // the login URL
        d.put(ACCOUNT_LOGIN_URL, Optional.empty()); // <base path>/login/

        d.put(RESET_LINK, Optional.empty()); // <site.url><base path>/password/reset/confirm/{uid}/{token}/
        d.put(RESET_EXPIRY, Optional.of("P3D"));
        d.put(RESET_LOGOUT, Optional.of("false"));
        d.put(PASSWORD_CHANGED_NOTICE, Optional.of("true"));

        d.put(MAIL_BACKEND, Optional.of("console"));
        d.put(MAIL_FROM, Optional.of("webmaster@localhost"));
        d.put(MAIL_SUBJECT_PREFIX, Optional.empty()); // "[<site.name>] "
        d.put(MAIL_TEMPLATES_DIR, Optional.empty());
        d.put(MAIL_LANGUAGES, Optional.of("en,de"));
        d.put(MAIL_VARIABLES, Optional.of(""));
        d.put(MAIL_FILE_DIR, Optional.of("./data/mail"));
        d.put(MAIL_SMTP_HOST, Optional.of("localhost"));
        d.put(MAIL_SMTP_PORT, Optional.of("25"));
        d.put(MAIL_SMTP_SECURITY, Optional.of("none"));
        d.put(MAIL_SMTP_USERNAME, Optional.empty());
        d.put(MAIL_SMTP_PASSWORD, Optional.empty());
        d.put(MAIL_SMTP_TIMEOUT, Optional.of("PT10S"));
        d.put(MAIL_DELIVERY_INTERVAL, Optional.of("PT1S"));
        d.put(MAIL_DELIVERY_FIRST_RETRY, Optional.of("PT5S"));
        d.put(MAIL_DELIVERY_MAX_RETRY, Optional.of("PT30M"));
        d.put(MAIL_DELIVERY_MAX_ATTEMPTS, Optional.of("12"));

        d.put(RATE_LIMITS_ENABLED, Optional.of("true"));
        d.put(RATE_LIMITS_STORE, Optional.of("database"));
        for (RateLimitedAction action : RateLimitedAction.values()) {
            d.put(rateLimitKey(action), Optional.of(RateLimitSettings.defaultRules(action)));
        }
        d.put(RATE_LIMITS_MAX_BACKOFF, Optional.of("PT1H"));

        d.put(SOCIAL_PROVIDERS, Optional.of(""));
        d.put(SOCIAL_AUTO_SIGNUP, Optional.of("true"));
        d.put(SOCIAL_AUTO_CONNECT, Optional.of("false"));

        d.put(RETENTION_TOKENS, Optional.of("P7D"));
        d.put(RETENTION_SENT_MAIL, Optional.of("P7D"));

        d.put(AUDIT_SINKS, Optional.of("database,log"));
        d.put(AUDIT_RETENTION, Optional.of("P365D"));
        return Collections.unmodifiableMap(d);
    }

    /** The keys that exist in every deployment, in documentation order. */
    public static List<String> fixedKeys() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /**
     * The built-in default of a fixed key, as text; empty when the key is unset by default or its
     * default is computed (worker and hashing threads, user fields).
     */
    public static Optional<String> defaultValue(String key) {
        Optional<String> value = DEFAULTS.get(key);
        if (value == null) {
            throw new IllegalArgumentException("not a fixed key: " + key);
        }
        return value;
    }

    /** {@code rate-limits.login-failed} and the like: the rules of one action. */
    public static String rateLimitKey(RateLimitedAction action) {
        return RATE_LIMITS_PREFIX + action.settingName();
    }

    /** {@code account.profile.<field>.<attribute>}. */
    public static String profileKey(String field, String attribute) {
        return PROFILE_PREFIX + field + "." + attribute;
    }

    /** The built-in default of a profile attribute; empty for choices and pattern. */
    public static Optional<String> profileDefault(String field, String attribute) {
        return switch (attribute) {
            case PROFILE_TYPE -> Optional.of("text");
            case PROFILE_LABEL -> Optional.of(defaultLabel(field));
            case PROFILE_MAX_LENGTH -> Optional.of("255");
            case PROFILE_REQUIRED, PROFILE_EDITABLE -> Optional.of("true");
            case PROFILE_CHOICES, PROFILE_PATTERN -> Optional.empty();
            default -> throw new IllegalArgumentException("not a profile attribute: " + attribute);
        };
    }

    /** {@code social.provider.<id>.<attribute>}. */
    public static String providerKey(String id, String attribute) {
        return PROVIDER_PREFIX + id + "." + attribute;
    }

    /**
     * The built-in default of a provider attribute that does not depend on others: the protocol
     * (GitHub's for the id {@code github}, OpenID Connect otherwise), the timeout and Microsoft's
     * tenant. The issuer, scopes and API URL follow the protocol; see the loader.
     */
    public static Optional<String> providerDefault(String id, String attribute) {
        return switch (attribute) {
            case PROVIDER_PROTOCOL -> Optional.of(id.equals("github") ? "github" : "openid-connect");
            case PROVIDER_TIMEOUT -> Optional.of("PT10S");
            case PROVIDER_TENANT -> id.equals("microsoft") ? Optional.of("common") : Optional.empty();
            case PROVIDER_ISSUER, PROVIDER_CLIENT_ID, PROVIDER_CLIENT_SECRET, PROVIDER_SCOPES, PROVIDER_API_URL ->
                    Optional.empty();
            default -> throw new IllegalArgumentException("not a provider attribute: " + attribute);
        };
    }

    /** The label Django derives from a field name: {@code phone_number} becomes "Phone number". */
    public static String defaultLabel(String field) {
        String spaced = field.replace('_', ' ').strip();
        if (spaced.isEmpty()) {
            return field;
        }
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }

    /** {@code jwt.secret} becomes {@code PORTCULLIS_JWT_SECRET}: upper case, {@code .} and {@code -} as {@code _}. */
    public static String environmentName(String key) {
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** {@code jwt.secret} becomes {@code portcullis.jwt.secret}. */
    public static String systemPropertyName(String key) {
        return SYSTEM_PROPERTY_PREFIX + key;
    }

    /**
     * Whether messages must hide the key's value: the known secrets, the database URL, and any key
     * whose last part speaks of a secret, a password or a private key.
     */
    public static boolean isSecret(String key) {
        if (HIDDEN.contains(key)) {
            return true;
        }
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.contains("secret") || last.contains("password") || last.contains("private-key")
                || last.contains("credential");
    }
}
