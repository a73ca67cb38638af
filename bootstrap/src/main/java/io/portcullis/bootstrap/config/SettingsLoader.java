package io.portcullis.bootstrap.config;

import static io.portcullis.bootstrap.config.ConfigKeys.*;

import io.portcullis.adapters.rest.client.TrustedProxies;
import io.portcullis.application.ratelimit.Rate;
import io.portcullis.application.ratelimit.RateLimitSettings;
import io.portcullis.application.ratelimit.RateLimitedAction;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.LoginMethod;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.settings.SocialSettings;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.bootstrap.config.PortcullisConfig.Argon2;
import io.portcullis.bootstrap.config.PortcullisConfig.ClientAddresses;
import io.portcullis.bootstrap.config.PortcullisConfig.RateLimitStore;
import io.portcullis.bootstrap.config.PortcullisConfig.RateLimits;
import io.portcullis.bootstrap.config.PortcullisConfig.Audit;
import io.portcullis.bootstrap.config.PortcullisConfig.AuditSink;
import io.portcullis.bootstrap.config.PortcullisConfig.Container;
import io.portcullis.bootstrap.config.PortcullisConfig.Cookies;
import io.portcullis.bootstrap.config.PortcullisConfig.Cors;
import io.portcullis.bootstrap.config.PortcullisConfig.Csrf;
import io.portcullis.bootstrap.config.PortcullisConfig.Database;
import io.portcullis.bootstrap.config.PortcullisConfig.Hasher;
import io.portcullis.bootstrap.config.PortcullisConfig.Housekeeping;
import io.portcullis.bootstrap.config.PortcullisConfig.Links;
import io.portcullis.bootstrap.config.PortcullisConfig.Mail;
import io.portcullis.bootstrap.config.PortcullisConfig.MailBackend;
import io.portcullis.bootstrap.config.PortcullisConfig.SmtpSecurity;
import io.portcullis.bootstrap.config.PortcullisConfig.Social;
import io.portcullis.bootstrap.config.PortcullisConfig.SocialProtocol;
import io.portcullis.bootstrap.config.PortcullisConfig.SocialProvider;
import io.portcullis.bootstrap.config.PortcullisConfig.Http;
import io.portcullis.bootstrap.config.PortcullisConfig.Jwt;
import io.portcullis.bootstrap.config.PortcullisConfig.JwtAlgorithm;
import io.portcullis.bootstrap.config.PortcullisConfig.PasswordHashing;
import io.portcullis.bootstrap.config.PortcullisConfig.SameSite;
import io.portcullis.bootstrap.config.PortcullisConfig.TokenMode;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.password.AttributeSimilarity;
import io.portcullis.domain.password.CommonPasswords;
import io.portcullis.domain.password.EntirelyNumeric;
import io.portcullis.domain.password.MinimumLength;
import io.portcullis.domain.password.PasswordPolicy;
import io.portcullis.domain.password.PasswordRule;
import io.portcullis.domain.profile.Choice;
import io.portcullis.domain.profile.ProfileField;
import io.portcullis.domain.profile.ProfileFieldType;
import io.portcullis.domain.profile.ProfileSchema;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads the configuration from its four layers (built-in defaults, a config file, environment
 * variables, system properties; later wins) and turns it into a checked {@link PortcullisConfig}.
 * Every problem found stops the start with one {@link ConfigurationException} listing them all.
 *
 * <p>The environment, the system properties, the number of cores and the source of randomness are
 * passed in, so a test never depends on the machine it runs on.
 */
public final class SettingsLoader {

    /**
     * The e-mail verification modes that work in this version. The others are refused with a clear
     * message until their use cases exist; add them here then.
     */
    private static final Set<EmailVerification> AVAILABLE_EMAIL_VERIFICATION = EnumSet.allOf(EmailVerification.class);

    /** Names a profile field may not take: they are already used by the bodies it would appear in. */
    static final Set<String> RESERVED_FIELD_NAMES = Set.of(
            "pk", "id", "username", "email", "password", "password1", "password2", "old_password",
            "new_password1", "new_password2", "non_field_errors", "detail", "fields");

    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*/*");
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern COOKIE_PATH = Pattern.compile("/[\\x21-\\x7e&&[^;,]]*");
    private static final Pattern COOKIE_DOMAIN = Pattern.compile("\\.?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final int GENERATED_SECRET_BYTES = 64;
    private static final int PROFILE_MAX_LENGTH_LIMIT = 4000;

    private static final Map<String, String> VALIDATOR_NAMES = orderedMap(
            "similarity", "minimum_length", "common", "numeric");

    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final int availableProcessors;
    private final RandomGenerator random;

    /**
     * @param environment the process environment; only {@code PORTCULLIS_*} names are read
     * @param systemProperties the system properties; only {@code portcullis.*} names are read
     * @param availableProcessors the cores the defaults of thread counts are computed from
     * @param random where a development-only JWT key comes from
     */
    public SettingsLoader(
            Map<String, String> environment,
            Map<String, String> systemProperties,
            int availableProcessors,
            RandomGenerator random) {
        this.environment = Map.copyOf(environment);
        this.systemProperties = Map.copyOf(systemProperties);
        if (availableProcessors < 1) {
            throw new IllegalArgumentException("availableProcessors must be at least 1");
        }
        this.availableProcessors = availableProcessors;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A loader reading the real environment and system properties of this process. */
    public static SettingsLoader fromSystem() {
        Properties properties = System.getProperties();
        var systemProperties = new LinkedHashMap<String, String>();
        for (String name : properties.stringPropertyNames()) {
            systemProperties.put(name, properties.getProperty(name));
        }
        return new SettingsLoader(System.getenv(), systemProperties, Runtime.getRuntime().availableProcessors(),
                new SecureRandom());
    }

    /** Loads without a command-line config file (one may still be named by property or environment). */
    public PortcullisConfig load() {
        return load(Optional.empty());
    }

    /**
     * Loads the configuration.
     *
     * @param commandLineConfigFile the path given by {@code --config}; it wins over
     *     {@code portcullis.config} and {@code PORTCULLIS_CONFIG}. A named file that does not exist
     *     is an error.
     * @throws ConfigurationException listing every problem found
     */
    public PortcullisConfig load(Optional<Path> commandLineConfigFile) {
        var problems = new ArrayList<ConfigProblem>();
        Optional<ConfigSources> sources =
                ConfigSources.read(commandLineConfigFile, environment, systemProperties, problems);
        if (sources.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        var reader = new SettingReader(sources.get(), problems);
        Http http = http(reader);
        Database database = database(reader);
        var modes = new LinkedHashMap<String, TokenMode>();
        for (TokenMode mode : TokenMode.values()) {
            modes.put(mode.settingName(), mode);
        }
        TokenMode tokenMode = reader.oneOf(TOKENS_MODE, modes, TokenMode.JWT);
        Jwt jwt = jwt(reader, tokenMode);
        Cookies cookies = cookies(reader);
        if (tokenMode == TokenMode.OPAQUE && cookies.enabled()) {
            reader.problem("opaque keys travel in the Authorization header only; the token cookies carry JWTs: remove "
                    + COOKIES_ACCESS_NAME + " and " + COOKIES_REFRESH_NAME + ", or set " + TOKENS_MODE + "=jwt",
                    TOKENS_MODE, COOKIES_ACCESS_NAME, COOKIES_REFRESH_NAME);
        }
        PasswordHashing hashing = passwordHashing(reader);
        Optional<AccountSettings> account = account(reader, sources.get().profileFieldNames());
        var enumeration = new EnumerationProtection(
                reader.bool(ACCOUNT_PREVENT_ENUMERATION), reader.bool(ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS));
        Optional<MailFlowSettings> mailFlow = mailFlow(reader, http);
        Links links = links(reader);
        Mail mail = mail(reader);
        Housekeeping housekeeping = new Housekeeping(
                reader.duration(RETENTION_TOKENS, Duration.ZERO), reader.duration(RETENTION_SENT_MAIL, Duration.ZERO));
        Cors cors = cors(reader);
        RateLimits rateLimits = rateLimits(reader);
        ClientAddresses clientAddresses = clientAddresses(reader);
        Audit audit = audit(reader);
        Social social = social(reader, sources.get().providerIds());
        if (!problems.isEmpty() || account.isEmpty() || mailFlow.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new PortcullisConfig(http, database, jwt, cookies, hashing, account.get(), enumeration,
                mailFlow.get(), links, mail,
                housekeeping, cors, sources.get().file(), tokenMode, rateLimits, clientAddresses,
                audit, social);
    }

    // ---------------------------------------------------------------- social login

    /** What a provider id names: the first path segment of its endpoints, which another endpoint may not have. */
    private static final Pattern PROVIDER_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    static final Set<String> RESERVED_PROVIDER_IDS = Set.of("login", "logout", "user", "password", "token",
            "registration", "account-confirm-email", "sessions", "socialaccounts", "static", "health", "metrics");

    private Social social(SettingReader r, List<String> ids) {
        var providers = new ArrayList<SocialProvider>();
        var seen = new HashSet<String>();
        for (String id : ids) {
            if (!PROVIDER_ID.matcher(id).matches()) {
                r.problem("social provider id \"" + id + "\" must be lower-case letters, digits, - and _, starting"
                        + " with a letter or digit, at most 64 characters", SOCIAL_PROVIDERS);
            } else if (RESERVED_PROVIDER_IDS.contains(id)) {
                r.problem("\"" + id + "\" cannot name a social provider: its endpoints would shadow the " + id
                        + "/ endpoints", SOCIAL_PROVIDERS);
            } else if (!seen.add(id)) {
                r.problem("lists the social provider \"" + id + "\" twice", SOCIAL_PROVIDERS);
            } else {
                socialProvider(r, id).ifPresent(providers::add);
            }
        }
        var settings = new SocialSettings(r.bool(SOCIAL_AUTO_SIGNUP), r.bool(SOCIAL_AUTO_CONNECT));
        return new Social(providers, settings);
    }

    private Optional<SocialProvider> socialProvider(SettingReader r, String id) {
        int before = r.problemCount();
        var protocols = new LinkedHashMap<String, SocialProtocol>();
        for (SocialProtocol protocol : SocialProtocol.values()) {
            protocols.put(protocol.settingName(), protocol);
        }
        String protocolKey = providerKey(id, PROVIDER_PROTOCOL);
        SocialProtocol protocol = r.oneOf(protocolKey, protocols, SocialProtocol.OPENID_CONNECT);
        String issuerKey = providerKey(id, PROVIDER_ISSUER);
        String apiKey = providerKey(id, PROVIDER_API_URL);
        String tenantKey = providerKey(id, PROVIDER_TENANT);
        Optional<String> tenant = r.optionalText(tenantKey);
        if (tenant.isPresent() && !id.equals("microsoft")) {
            r.problem("only the provider microsoft has a tenant; give the issuer URL of the tenant instead",
                    tenantKey, issuerKey);
        } else if (tenant.isPresent() && !tenant.get().matches("[A-Za-z0-9.-]+")) {
            r.problem("must be a tenant id, a domain, common, organizations or consumers", tenantKey);
        }
        Optional<String> issuerText = r.optionalText(issuerKey).or(() -> switch (protocol) {
            case GITHUB -> Optional.of("https://github.com");
            case OPENID_CONNECT -> switch (id) {
                case "google" -> Optional.of("https://accounts.google.com");
                case "microsoft" -> tenant.map(t -> "https://login.microsoftonline.com/" + t + "/v2.0");
                default -> Optional.empty();
            };
        });
        if (issuerText.isEmpty()) {
            r.problem("needs the provider's issuer URL, such as https://login.example.com/realms/staff (only google"
                    + " and microsoft have one built in)", issuerKey);
        }
        Optional<java.net.URI> issuer = issuerText.flatMap(text -> providerUrl(r, issuerKey, text));
        Optional<java.net.URI> api = Optional.empty();
        if (protocol == SocialProtocol.GITHUB) {
            api = providerUrl(r, apiKey, r.optionalText(apiKey).orElse("https://api.github.com"));
        } else if (r.optionalText(apiKey).isPresent()) {
            r.problem("only a github provider has an API URL; an OpenID Connect provider needs its issuer alone",
                    apiKey, protocolKey);
        }
        String clientId = r.requiredText(providerKey(id, PROVIDER_CLIENT_ID));
        Secret clientSecret = Secret.of(r.raw(providerKey(id, PROVIDER_CLIENT_SECRET)).orElse(""));
        List<String> scopes = r.optionalText(providerKey(id, PROVIDER_SCOPES)).isPresent()
                ? r.list(providerKey(id, PROVIDER_SCOPES))
                : protocol == SocialProtocol.GITHUB ? List.of("read:user", "user:email") : List.of("openid", "email", "profile");
        Duration timeout = r.duration(providerKey(id, PROVIDER_TIMEOUT), Duration.ofMillis(1));
        if (r.problemCount() > before || issuer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SocialProvider(id, protocol, issuer.get(), api, clientId, clientSecret, scopes, timeout));
    }

    /** Tokens and the client secret travel there: https, or http to this machine only. */
    private static Optional<java.net.URI> providerUrl(SettingReader r, String key, String text) {
        try {
            java.net.URI uri = new java.net.URI(text.replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost();
            boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
            if (uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (scheme.equals("https") || scheme.equals("http") && local) && !host.isEmpty()) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        r.problem("must be an https URL without query or fragment (http only to localhost), not \"" + text + "\"",
                key);
        return Optional.empty();
    }

    /** The sinks listed, each once; an unknown name is a problem that names the setting. */
    private static Audit audit(SettingReader r) {
        var sinks = new ArrayList<AuditSink>();
        for (String name : r.list(AUDIT_SINKS)) {
            Optional<AuditSink> sink = java.util.Arrays.stream(AuditSink.values())
                    .filter(candidate -> candidate.settingName().equals(name.toLowerCase(Locale.ROOT))).findFirst();
            if (sink.isEmpty()) {
                r.problem("\"" + name + "\" is not an audit sink: list database, log, or both (empty for none)",
                        AUDIT_SINKS);
            } else if (!sinks.contains(sink.get())) {
                sinks.add(sink.get());
            }
        }
        // The database first whatever the order listed: a line is logged only for an event the table took.
        sinks.sort(java.util.Comparator.naturalOrder());
        return new Audit(sinks, r.duration(AUDIT_RETENTION, Duration.ZERO));
    }

    // ---------------------------------------------------------------- site, links and mail

    private Optional<MailFlowSettings> mailFlow(SettingReader r, Http http) {
        int before = r.problemCount();
        String siteName = r.requiredText(SITE_NAME);
        String siteDomain = r.requiredText(SITE_DOMAIN);
        String siteUrl = r.optionalText(SITE_URL).orElse("http://localhost:" + http.port()).replaceAll("/+$", "");
        if (!siteUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            r.problem("must be the public http(s) address of this service, such as https://auth.example.com",
                    SITE_URL);
        }
        String api = siteUrl + (http.basePath().equals("/") ? "" : http.basePath());
        String confirmationLink = r.optionalText(CONFIRMATION_LINK)
                .orElse(api + "/registration/account-confirm-email/{key}/");
        if (!confirmationLink.contains("{key}")) {
            r.problem("needs a {key} placeholder where the confirmation key goes", CONFIRMATION_LINK);
        }
        String resetLink = r.optionalText(RESET_LINK).orElse(api + "/password/reset/confirm/{uid}/{token}/");
        if (!resetLink.contains("{uid}") || !resetLink.contains("{token}")) {
            r.problem("needs the placeholders {uid} and {token}, such as https://app.example.com/reset?uid={uid}&token={token}",
                    RESET_LINK);
        }
        Duration confirmationExpiry = r.duration(CONFIRMATION_EXPIRY, Duration.ofMinutes(1));
        Duration resetExpiry = r.duration(RESET_EXPIRY, Duration.ofMinutes(1));
        boolean resendRevokes = r.bool(CONFIRMATION_RESEND_REVOKES);
        boolean resetLogout = r.bool(RESET_LOGOUT);
        boolean notice = r.bool(PASSWORD_CHANGED_NOTICE);
        List<String> languages = r.list(MAIL_LANGUAGES);
        for (String language : languages) {
            if (!language.matches("[a-z]{2,3}(_[A-Z]{2})?")) {
                r.problem("\"" + language + "\" is not a language code such as en, de or pt_BR", MAIL_LANGUAGES);
            }
        }
        if (languages.isEmpty()) {
            r.problem("lists no language; mails need at least one (the first is the default)", MAIL_LANGUAGES);
        }
        var variables = new LinkedHashMap<String, String>();
        for (String pair : r.list(MAIL_VARIABLES)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            if (equals < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                r.problem("takes name=value pairs separated by commas, such as"
                        + " CUSTOM_PASSWORD_RESET_CONFIRM=https://app.example.com/reset", MAIL_VARIABLES);
            } else {
                variables.put(name, pair.substring(equals + 1).strip());
            }
        }
        if (r.problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new MailFlowSettings(siteName, siteDomain, confirmationLink, resetLink, confirmationExpiry,
                resetExpiry, resendRevokes, resetLogout, notice, languages, variables));
    }

    // ---------------------------------------------------------------- cross-origin requests

    private static Cors cors(SettingReader r) {
        List<String> origins = r.list(CORS_ALLOWED_ORIGINS);
        boolean credentials = r.bool(CORS_ALLOW_CREDENTIALS);
        for (String origin : origins) {
            if (!origin.equals("*") && !origin.matches("[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\\s]+")) {
                r.problem("\"" + origin + "\" is not an origin: write scheme://host[:port], such as"
                        + " https://app.example.com, with no path and no trailing slash", CORS_ALLOWED_ORIGINS);
            }
        }
        if (origins.contains("*") && origins.size() > 1) {
            r.problem("is either * alone (any origin) or a list of origins", CORS_ALLOWED_ORIGINS);
        }
        if (origins.contains("*") && credentials) {
            r.problem("cannot allow credentials for every origin (*): list the origins that may send them",
                    CORS_ALLOW_CREDENTIALS, CORS_ALLOWED_ORIGINS);
        }
        List<String> methods = tokens(r, CORS_ALLOWED_METHODS);
        List<String> headers = tokens(r, CORS_ALLOWED_HEADERS);
        List<String> exposed = tokens(r, CORS_EXPOSED_HEADERS);
        return new Cors(origins, methods, headers, exposed, credentials, r.duration(CORS_MAX_AGE, Duration.ZERO));
    }

    private static List<String> tokens(SettingReader r, String key) {
        List<String> values = r.list(key);
        for (String value : values) {
            if (!value.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
                r.problem("\"" + value + "\" is not a method or header name", key);
            }
        }
        return values;
    }

    private Links links(SettingReader r) {
        Optional<String> loginUrl = redirectTarget(r, ACCOUNT_LOGIN_URL);
        Optional<String> confirmedUrl = redirectTarget(r, CONFIRMATION_REDIRECT_URL);
        return new Links(loginUrl, confirmedUrl, r.bool(CONFIRMATION_ON_GET));
    }

    private static Optional<String> redirectTarget(SettingReader r, String key) {
        Optional<String> url = r.optionalText(key);
        if (url.isPresent() && !url.get().matches("(https?://[\\x21-\\x7e]+|/(?!/)[\\x21-\\x7e]*)")) {
            r.problem("must be an absolute http(s) URL or a path starting with /, not "
                    + SettingReader.shown(key, url.get()), key);
            return Optional.empty();
        }
        return url;
    }

    private Mail mail(SettingReader r) {
        var backends = new LinkedHashMap<String, MailBackend>();
        for (MailBackend backend : MailBackend.values()) {
            backends.put(backend.settingName(), backend);
        }
        MailBackend backend = r.oneOf(MAIL_BACKEND, backends, MailBackend.CONSOLE);
        String from = r.requiredText(MAIL_FROM);
        Optional<String> prefix = r.raw(MAIL_SUBJECT_PREFIX);
        Optional<Path> templates = r.optionalText(MAIL_TEMPLATES_DIR).map(Path::of);
        templates.filter(dir -> !java.nio.file.Files.isDirectory(dir)).ifPresent(dir ->
                r.problem("names no directory: " + dir.toAbsolutePath(), MAIL_TEMPLATES_DIR));
        Path fileDir = Path.of(r.requiredText(MAIL_FILE_DIR));
        String host = r.requiredText(MAIL_SMTP_HOST);
        int port = r.integer(MAIL_SMTP_PORT, 1, 65535);
        var securities = new LinkedHashMap<String, SmtpSecurity>();
        for (SmtpSecurity security : SmtpSecurity.values()) {
            securities.put(security.settingName(), security);
        }
        SmtpSecurity security = r.oneOf(MAIL_SMTP_SECURITY, securities, SmtpSecurity.NONE);
        Optional<String> username = r.optionalText(MAIL_SMTP_USERNAME);
        Secret password = Secret.of(r.raw(MAIL_SMTP_PASSWORD).orElse(""));
        Duration timeout = r.duration(MAIL_SMTP_TIMEOUT, Duration.ofMillis(100));
        Duration interval = r.duration(MAIL_DELIVERY_INTERVAL, Duration.ofMillis(50));
        Duration firstRetry = r.duration(MAIL_DELIVERY_FIRST_RETRY, Duration.ofMillis(100));
        Duration maxRetry = r.duration(MAIL_DELIVERY_MAX_RETRY, Duration.ofMillis(100));
        if (maxRetry.compareTo(firstRetry) < 0) {
            r.problem("the longest pause between attempts cannot be shorter than the first one",
                    MAIL_DELIVERY_MAX_RETRY, MAIL_DELIVERY_FIRST_RETRY);
        }
        int maxAttempts = r.integer(MAIL_DELIVERY_MAX_ATTEMPTS, 1, 1000);
        return new Mail(backend, from, prefix, templates, fileDir, host, port, security, username, password, timeout,
                interval, firstRetry, maxRetry, maxAttempts);
    }

    // ---------------------------------------------------------------- http

    private Http http(SettingReader r) {
        String host = r.requiredText(HTTP_HOST);
        if (host.chars().anyMatch(Character::isWhitespace)) {
            r.problem("must be a host name or address, not " + SettingReader.shown(HTTP_HOST, host), HTTP_HOST);
        }
        int port = r.integer(HTTP_PORT, 0, 65535);
        String basePath = r.requiredText(HTTP_BASE_PATH);
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || !BASE_PATH.matcher(basePath).matches())) {
            r.problem("must be a URL path such as /auth or /, not " + SettingReader.shown(HTTP_BASE_PATH, basePath),
                    HTTP_BASE_PATH);
        }
        String normalised = basePath.replaceAll("/+$", "");
        if (normalised.isEmpty()) {
            normalised = "/";
        }
        int maxRequestBytes = r.integer(HTTP_MAX_REQUEST_BYTES, 1024, Integer.MAX_VALUE);
        int workers = r.optionalInteger(HTTP_WORKER_THREADS, 1, 1024).orElse(Math.max(8, 2 * availableProcessors));
        var containers = new LinkedHashMap<String, Container>();
        for (Container container : Container.values()) {
            containers.put(container.settingName(), container);
        }
        Container container = r.oneOf(HTTP_CONTAINER, containers, Container.JETTY);
        return new Http(host, port, normalised, maxRequestBytes, workers, container);
    }

    // ---------------------------------------------------------------- rate limits and client addresses

    private RateLimits rateLimits(SettingReader r) {
        boolean enabled = r.bool(RATE_LIMITS_ENABLED);
        var stores = new LinkedHashMap<String, RateLimitStore>();
        for (RateLimitStore store : RateLimitStore.values()) {
            stores.put(store.settingName(), store);
        }
        RateLimitStore store = r.oneOf(RATE_LIMITS_STORE, stores, RateLimitStore.DATABASE);
        Duration maxBackoff = r.duration(RATE_LIMITS_MAX_BACKOFF, Duration.ofSeconds(1));
        var rules = new EnumMap<RateLimitedAction, List<Rate>>(RateLimitedAction.class);
        for (RateLimitedAction action : RateLimitedAction.values()) {
            String key = ConfigKeys.rateLimitKey(action);
            String text = r.raw(key).orElse("");
            try {
                List<Rate> parsed = Rate.parseAll(text);
                if (!action.keyed() && parsed.stream().anyMatch(rate -> rate.per() == Rate.Per.KEY)) {
                    r.problem("counts per IP only (it has no key): write rules such as 20/m/ip, not "
                            + SettingReader.shown(key, text), key);
                } else {
                    rules.put(action, parsed);
                }
            } catch (IllegalArgumentException e) {
                r.problem(e.getMessage() + "; off switches the limit off", key);
            }
        }
        return new RateLimits(store, new RateLimitSettings(enabled, rules, maxBackoff));
    }

    private ClientAddresses clientAddresses(SettingReader r) {
        List<String> proxies = r.list(HTTP_TRUSTED_PROXIES);
        String header = r.requiredText(HTTP_CLIENT_IP_HEADER);
        try {
            TrustedProxies.of("", header);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage(), HTTP_CLIENT_IP_HEADER);
        }
        try {
            TrustedProxies.of(String.join(",", proxies), TrustedProxies.DEFAULT_HEADER);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage(), HTTP_TRUSTED_PROXIES);
        }
        return new ClientAddresses(proxies, header);
    }

    // ---------------------------------------------------------------- database

    private Database database(SettingReader r) {
        String url = r.requiredText(DATABASE_URL);
        if (!url.isEmpty() && !url.startsWith("jdbc:")) {
            r.problem("must be a JDBC URL starting with jdbc: (such as jdbc:postgresql://host/db)", DATABASE_URL);
        }
        String user = r.raw(DATABASE_USER).orElse("");
        Secret password = Secret.of(r.raw(DATABASE_PASSWORD).orElse(""));
        int poolSize = r.integer(DATABASE_POOL_SIZE, 1, 1000);
        Duration timeout = r.duration(DATABASE_CONNECTION_TIMEOUT, Duration.ofMillis(250));
        return new Database(url, user, password, poolSize, timeout);
    }

    // ---------------------------------------------------------------- jwt

    private Jwt jwt(SettingReader r, TokenMode mode) {
        int before = r.problemCount();
        JwtAlgorithm algorithm = algorithm(r);
        boolean allowGenerated = r.bool(JWT_ALLOW_GENERATED_SECRET);
        Duration access = r.duration(JWT_ACCESS_LIFETIME, Duration.ofSeconds(1));
        Duration refresh = r.duration(JWT_REFRESH_LIFETIME, Duration.ofSeconds(1));
        boolean rotate = r.bool(JWT_ROTATE_REFRESH_TOKENS);
        boolean blacklist = r.bool(JWT_BLACKLIST_AFTER_ROTATION);
        boolean returnExpiration = r.bool(JWT_RETURN_EXPIRATION);
        Optional<String> issuer = r.optionalText(JWT_ISSUER);
        Optional<String> audience = r.optionalText(JWT_AUDIENCE);
        Duration leeway = r.duration(JWT_LEEWAY, Duration.ZERO);
        Path keysDir = Path.of(r.requiredText(JWT_KEYS_DIR));
        boolean generateKeys = r.bool(JWT_GENERATE_KEYS);
        Optional<Duration> rotation = r.raw(JWT_KEY_ROTATION_INTERVAL).filter(v -> !v.isBlank())
                .map(v -> r.duration(JWT_KEY_ROTATION_INTERVAL, Duration.ofMinutes(1)));
        if (rotation.isPresent() && !generateKeys) {
            r.problem("rotating keys means generating new ones: set " + JWT_GENERATE_KEYS + "=true or remove "
                    + JWT_KEY_ROTATION_INTERVAL, JWT_KEY_ROTATION_INTERVAL, JWT_GENERATE_KEYS);
        }
        if (rotation.isPresent() && !algorithm.asymmetric()) {
            r.problem("only key pairs rotate (RS256, ES256...); " + algorithm + " signs with " + JWT_SECRET,
                    JWT_KEY_ROTATION_INTERVAL, JWT_ALGORITHM);
        }

        Secret secret = Secret.empty();
        boolean generated = false;
        Optional<String> configured = r.optionalText(JWT_SECRET);
        int minimum = algorithm.minimumSecretBytes();
        if (mode == TokenMode.OPAQUE) {
            // No JWT is signed: the secret is neither needed nor checked.
            TokenSettings tokens = tokenSettings(r, before, access, refresh, rotate, blacklist);
            return new Jwt(algorithm, configured.map(Secret::of).orElse(Secret.empty()), false, tokens,
                    returnExpiration, issuer, audience, leeway, keysDir, generateKeys, rotation);
        }
        if (algorithm.asymmetric()) {
            if (configured.isPresent()) {
                r.problem("is not used by " + algorithm + ", which signs with the key pairs in " + JWT_KEYS_DIR
                        + "; remove it, or choose HS256, HS384 or HS512", JWT_SECRET, JWT_ALGORITHM);
            }
            TokenSettings tokens = tokenSettings(r, before, access, refresh, rotate, blacklist);
            return new Jwt(algorithm, secret, false, tokens, returnExpiration, issuer, audience, leeway, keysDir,
                    generateKeys, rotation);
        }
        String howToSet = "set " + JWT_SECRET + " (environment variable " + ConfigKeys.environmentName(JWT_SECRET)
                + ") to a random value of at least " + minimum + " bytes, for instance the output of"
                + " `openssl rand -base64 64`";
        if (configured.isPresent()) {
            secret = Secret.of(configured.get());
            if (secret.bytes().length < minimum) {
                r.problem("is too short for " + algorithm + ", which needs a key of at least " + minimum + " bytes ("
                        + minimum * 8 + " bits); " + howToSet, JWT_SECRET);
            }
        } else if (allowGenerated) {
            byte[] key = new byte[GENERATED_SECRET_BYTES];
            random.nextBytes(key);
            secret = Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
            generated = true;
        } else {
            r.problem("is not set: tokens cannot be signed. " + capitalise(howToSet) + "; or, for development only, set "
                    + JWT_ALLOW_GENERATED_SECRET + "=true to sign with a random key that changes at every start",
                    JWT_SECRET);
        }

        TokenSettings tokens = tokenSettings(r, before, access, refresh, rotate, blacklist);
        return new Jwt(algorithm, secret, generated, tokens, returnExpiration, issuer, audience, leeway, keysDir,
                generateKeys, rotation);
    }

    private static TokenSettings tokenSettings(SettingReader r, int before, Duration access, Duration refresh,
            boolean rotate, boolean blacklist) {
        TokenSettings tokens = TokenSettings.simpleJwtDefaults();
        if (r.problemCount() == before) {
            if (refresh.compareTo(access) < 0) {
                r.problem("the refresh token lifetime (" + Durations.format(refresh)
                        + ") must not be shorter than the access token lifetime (" + Durations.format(access) + ")",
                        JWT_REFRESH_LIFETIME, JWT_ACCESS_LIFETIME);
            } else {
                try {
                    tokens = new TokenSettings(access, refresh, rotate, blacklist);
                } catch (IllegalArgumentException e) {
                    r.problem(e.getMessage(), JWT_ACCESS_LIFETIME, JWT_REFRESH_LIFETIME, JWT_ROTATE_REFRESH_TOKENS,
                            JWT_BLACKLIST_AFTER_ROTATION);
                }
            }
        }
        return tokens;
    }

    private JwtAlgorithm algorithm(SettingReader r) {
        Optional<String> text = r.optionalText(JWT_ALGORITHM);
        if (text.isPresent() && text.get().toUpperCase(Locale.ROOT).matches("PS(256|384|512)|EDDSA")) {
            r.problem("\"" + text.get() + "\" is not available: this version signs tokens with HS256, HS384, HS512,"
                    + " RS256, RS384, RS512, ES256, ES384 or ES512", JWT_ALGORITHM);
            return JwtAlgorithm.HS256;
        }
        var allowed = new LinkedHashMap<String, JwtAlgorithm>();
        for (JwtAlgorithm algorithm : JwtAlgorithm.values()) {
            allowed.put(algorithm.name(), algorithm);
        }
        return r.oneOf(JWT_ALGORITHM, allowed, JwtAlgorithm.HS256);
    }

    // ---------------------------------------------------------------- cookies

    private Cookies cookies(SettingReader r) {
        Optional<String> accessName = cookieName(r, COOKIES_ACCESS_NAME);
        Optional<String> refreshName = cookieName(r, COOKIES_REFRESH_NAME);
        if (accessName.isPresent() && accessName.equals(refreshName)) {
            r.problem("the access and refresh cookies need different names", COOKIES_ACCESS_NAME, COOKIES_REFRESH_NAME);
        }
        boolean httpOnly = r.bool(COOKIES_HTTP_ONLY);
        int before = r.problemCount();
        boolean secure = r.bool(COOKIES_SECURE);
        SameSite sameSite = r.oneOf(COOKIES_SAME_SITE,
                orderedMap(Map.entry("Lax", SameSite.LAX), Map.entry("Strict", SameSite.STRICT),
                        Map.entry("None", SameSite.NONE)),
                SameSite.LAX);
        if (r.problemCount() == before && sameSite == SameSite.NONE && !secure) {
            r.problem("browsers refuse SameSite=None cookies that are not Secure: set " + COOKIES_SECURE
                    + "=true or choose Lax or Strict", COOKIES_SAME_SITE, COOKIES_SECURE);
        }
        String path = r.requiredText(COOKIES_PATH);
        if (!path.isEmpty() && !COOKIE_PATH.matcher(path).matches()) {
            r.problem("must be a path starting with /, without spaces, semicolons or commas, not "
                    + SettingReader.shown(COOKIES_PATH, path), COOKIES_PATH);
        }
        Optional<String> domain = r.optionalText(COOKIES_DOMAIN);
        if (domain.isPresent() && !COOKIE_DOMAIN.matcher(domain.get()).matches()) {
            r.problem("must be a domain name such as example.com, not " + SettingReader.shown(COOKIES_DOMAIN, domain.get()),
                    COOKIES_DOMAIN);
        }
        var modes = new LinkedHashMap<String, Csrf>();
        for (Csrf mode : Csrf.values()) {
            modes.put(mode.settingName(), mode);
        }
        Csrf csrf = r.oneOf(COOKIES_CSRF, modes, Csrf.DOUBLE_SUBMIT);
        String csrfCookie = r.requiredText(COOKIES_CSRF_COOKIE_NAME);
        if (!csrfCookie.isEmpty() && !COOKIE_NAME.matcher(csrfCookie).matches()) {
            r.problem("is not a valid cookie name (letters, digits and !#$%&'*+-.^_`|~ only): "
                    + SettingReader.shown(COOKIES_CSRF_COOKIE_NAME, csrfCookie), COOKIES_CSRF_COOKIE_NAME);
        }
        if (csrf == Csrf.DOUBLE_SUBMIT && (accessName.equals(Optional.of(csrfCookie))
                || refreshName.equals(Optional.of(csrfCookie)))) {
            r.problem("the CSRF cookie needs a name of its own", COOKIES_CSRF_COOKIE_NAME, COOKIES_ACCESS_NAME,
                    COOKIES_REFRESH_NAME);
        }
        String csrfHeader = r.requiredText(COOKIES_CSRF_HEADER_NAME);
        if (!csrfHeader.isEmpty() && !COOKIE_NAME.matcher(csrfHeader).matches()) {
            r.problem("is not a valid header name: " + SettingReader.shown(COOKIES_CSRF_HEADER_NAME, csrfHeader),
                    COOKIES_CSRF_HEADER_NAME);
        }
        boolean tokensInBody = r.bool(COOKIES_TOKENS_IN_BODY);
        if (!tokensInBody && (accessName.isEmpty() || refreshName.isEmpty())) {
            r.problem("keeping the tokens out of the bodies needs both token cookies: set " + COOKIES_ACCESS_NAME
                    + " and " + COOKIES_REFRESH_NAME, COOKIES_TOKENS_IN_BODY, COOKIES_ACCESS_NAME, COOKIES_REFRESH_NAME);
        }
        return new Cookies(accessName, refreshName, httpOnly, secure, sameSite, path, domain, csrf, csrfCookie,
                csrfHeader, tokensInBody);
    }

    private static Optional<String> cookieName(SettingReader r, String key) {
        Optional<String> name = r.optionalText(key);
        if (name.isPresent() && !COOKIE_NAME.matcher(name.get()).matches()) {
            r.problem("is not a valid cookie name (letters, digits and !#$%&'*+-.^_`|~ only): "
                    + SettingReader.shown(key, name.get()), key);
        }
        return name;
    }

    // ---------------------------------------------------------------- password hashing

    private PasswordHashing passwordHashing(SettingReader r) {
        var hashers = new LinkedHashMap<String, Hasher>();
        for (Hasher hasher : Hasher.values()) {
            hashers.put(hasher.settingName(), hasher);
        }
        Hasher hasher = r.oneOf(PASSWORD_HASHER, hashers, Hasher.ARGON2ID);
        int memory = r.integer(PASSWORD_ARGON2_MEMORY_KIB, 7168, 4 * 1024 * 1024);
        int iterations = r.integer(PASSWORD_ARGON2_ITERATIONS, 1, 100);
        int parallelism = r.integer(PASSWORD_ARGON2_PARALLELISM, 1, 64);
        int pbkdf2 = r.integer(PASSWORD_PBKDF2_ITERATIONS, 100_000, 100_000_000);
        int threads = r.optionalInteger(PASSWORD_HASHING_THREADS, 1, 256).orElse(availableProcessors);
        int queue = r.integer(PASSWORD_HASHING_QUEUE, 0, 100_000);
        return new PasswordHashing(hasher, new Argon2(memory, iterations, parallelism), pbkdf2, threads, queue);
    }

    // ---------------------------------------------------------------- account, profile, password policy

    private Optional<AccountSettings> account(SettingReader r, List<String> profileFieldNames) {
        int before = r.problemCount();
        LoginMethod loginMethod = r.oneOf(ACCOUNT_LOGIN_METHOD,
                orderedMap(Map.entry("email", LoginMethod.EMAIL), Map.entry("username", LoginMethod.USERNAME),
                        Map.entry("username_email", LoginMethod.USERNAME_EMAIL)),
                LoginMethod.EMAIL);
        boolean emailRequired = r.bool(ACCOUNT_EMAIL_REQUIRED);
        boolean usernameEnabled = r.bool(ACCOUNT_USERNAME_ENABLED);
        boolean usernameRequired = r.bool(ACCOUNT_USERNAME_REQUIRED);
        boolean usernameEditable = r.bool(ACCOUNT_USERNAME_EDITABLE);
        int usernameMinLength = r.integer(ACCOUNT_USERNAME_MIN_LENGTH, 1, Username.MAX_LENGTH);
        EmailVerification verification = r.oneOf(ACCOUNT_EMAIL_VERIFICATION,
                orderedMap(Map.entry("none", EmailVerification.NONE), Map.entry("optional", EmailVerification.OPTIONAL),
                        Map.entry("mandatory", EmailVerification.MANDATORY)),
                EmailVerification.NONE);
        if (!AVAILABLE_EMAIL_VERIFICATION.contains(verification)) {
            r.problem("\"" + verification.name().toLowerCase(Locale.ROOT) + "\" is not available yet: this version"
                    + " supports only \"none\"", ACCOUNT_EMAIL_VERIFICATION);
        }
        boolean oldPasswordRequired = r.bool(PASSWORD_OLD_PASSWORD_REQUIRED);
        boolean logoutOnChange = r.bool(PASSWORD_LOGOUT_ON_CHANGE);
        int passwordMaxLength = r.integer(PASSWORD_MAX_LENGTH, 128, 1024 * 1024);
        Optional<PasswordPolicy> policy = passwordPolicy(r, passwordMaxLength);
        Optional<ProfileSchema> profile = profile(r, profileFieldNames);
        Optional<List<String>> userFields = profile.flatMap(schema -> userFields(r, usernameEnabled, schema));
        if (r.problemCount() > before || policy.isEmpty() || profile.isEmpty() || userFields.isEmpty()) {
            return Optional.empty();
        }

        // The rules of AccountSettings, checked first to name the settings involved.
        if (loginMethod != LoginMethod.EMAIL && !usernameEnabled) {
            r.problem("logging in by username needs usernames: set " + ACCOUNT_USERNAME_ENABLED + "=true",
                    ACCOUNT_LOGIN_METHOD, ACCOUNT_USERNAME_ENABLED);
        }
        if (loginMethod == LoginMethod.EMAIL && !emailRequired) {
            r.problem("logging in by e-mail needs the e-mail address to be required: set " + ACCOUNT_EMAIL_REQUIRED
                    + "=true", ACCOUNT_LOGIN_METHOD, ACCOUNT_EMAIL_REQUIRED);
        }
        if (usernameRequired && !usernameEnabled) {
            r.problem("a username cannot be required while usernames are disabled",
                    ACCOUNT_USERNAME_REQUIRED, ACCOUNT_USERNAME_ENABLED);
        }
        if (!emailRequired && !usernameRequired) {
            r.problem("accounts need a required e-mail address or a required username",
                    ACCOUNT_EMAIL_REQUIRED, ACCOUNT_USERNAME_REQUIRED);
        }
        if (verification == EmailVerification.MANDATORY && !emailRequired) {
            r.problem("mandatory e-mail verification needs the e-mail address to be required",
                    ACCOUNT_EMAIL_VERIFICATION, ACCOUNT_EMAIL_REQUIRED);
        }
        if (r.problemCount() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AccountSettings(loginMethod, emailRequired, usernameEnabled, usernameRequired,
                    usernameEditable, usernameMinLength, verification, profile.get(), userFields.get(), policy.get(),
                    passwordMaxLength, oldPasswordRequired, logoutOnChange));
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage(), ACCOUNT_LOGIN_METHOD, ACCOUNT_EMAIL_REQUIRED, ACCOUNT_USERNAME_ENABLED,
                    ACCOUNT_USERNAME_REQUIRED, ACCOUNT_EMAIL_VERIFICATION, USER_FIELDS, PASSWORD_MAX_LENGTH);
            return Optional.empty();
        }
    }

    private Optional<PasswordPolicy> passwordPolicy(SettingReader r, int maxLength) {
        int before = r.problemCount();
        int minLength = r.integer(PASSWORD_MIN_LENGTH, 1, 4096);
        double maxSimilarity = r.decimal(PASSWORD_MAX_SIMILARITY, 0.1, 1.0);
        List<String> names = r.list(PASSWORD_VALIDATORS);
        var chosen = new LinkedHashSet<String>();
        for (String name : names) {
            String validator = VALIDATOR_NAMES.get(name.toLowerCase(Locale.ROOT));
            if (validator == null) {
                r.problem("\"" + name + "\" is not a password validator; choose any of "
                        + SettingReader.words(VALIDATOR_NAMES.keySet()) + ", in the order they should run",
                        PASSWORD_VALIDATORS);
            } else if (!chosen.add(validator)) {
                r.problem("lists \"" + validator + "\" twice", PASSWORD_VALIDATORS);
            }
        }
        if (r.problemCount() == before && minLength > maxLength) {
            r.problem("the minimum password length (" + minLength + ") is above the maximum (" + maxLength + ")",
                    PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH);
        }
        if (r.problemCount() > before) {
            return Optional.empty();
        }
        var rules = new ArrayList<PasswordRule>();
        try {
            for (String validator : chosen) {
                rules.add(switch (validator) {
                    case "similarity" -> new AttributeSimilarity(maxSimilarity);
                    case "minimum_length" -> new MinimumLength(minLength);
                    case "common" -> CommonPasswords.builtIn();
                    case "numeric" -> new EntirelyNumeric();
                    default -> throw new IllegalStateException(validator);
                });
            }
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage(), PASSWORD_VALIDATORS, PASSWORD_MIN_LENGTH, PASSWORD_MAX_SIMILARITY);
            return Optional.empty();
        }
        return Optional.of(new PasswordPolicy(rules));
    }

    private Optional<ProfileSchema> profile(SettingReader r, List<String> names) {
        int before = r.problemCount();
        var seen = new HashSet<String>();
        var fields = new ArrayList<ProfileField>();
        for (String name : names) {
            if (!FIELD_NAME.matcher(name).matches()) {
                r.problem("profile field name \"" + name + "\" must be lower-case letters, digits and _, starting"
                        + " with a letter, at most 63 characters", ACCOUNT_PROFILE_FIELDS);
            } else if (RESERVED_FIELD_NAMES.contains(name)) {
                r.problem("\"" + name + "\" cannot name a profile field: the request and response bodies already use"
                        + " it", ACCOUNT_PROFILE_FIELDS);
            } else if (!seen.add(name)) {
                r.problem("lists the profile field \"" + name + "\" twice", ACCOUNT_PROFILE_FIELDS);
            } else {
                profileField(r, name).ifPresent(fields::add);
            }
        }
        if (r.problemCount() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProfileSchema(fields));
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage(), ACCOUNT_PROFILE_FIELDS);
            return Optional.empty();
        }
    }

    private Optional<ProfileField> profileField(SettingReader r, String name) {
        int before = r.problemCount();
        String typeKey = profileKey(name, PROFILE_TYPE);
        String choicesKey = profileKey(name, PROFILE_CHOICES);
        String patternKey = profileKey(name, PROFILE_PATTERN);
        String maxLengthKey = profileKey(name, PROFILE_MAX_LENGTH);
        ProfileFieldType type = r.oneOf(typeKey,
                orderedMap(Map.entry("text", ProfileFieldType.TEXT), Map.entry("choice", ProfileFieldType.CHOICE)),
                ProfileFieldType.TEXT);
        String label = r.requiredText(profileKey(name, PROFILE_LABEL));
        int maxLength = r.integer(maxLengthKey, 1, PROFILE_MAX_LENGTH_LIMIT);
        boolean required = r.bool(profileKey(name, PROFILE_REQUIRED));
        boolean editable = r.bool(profileKey(name, PROFILE_EDITABLE));
        Optional<String> choicesText = r.optionalText(choicesKey);
        Optional<String> patternText = r.optionalText(patternKey);
        if (r.problemCount() > before) {
            return Optional.empty();
        }

        List<Choice> choices = choicesText.map(text -> choices(r, choicesKey, text, maxLength)).orElse(List.of());
        if (type == ProfileFieldType.CHOICE && choicesText.isEmpty()) {
            r.problem("choice field \"" + name + "\" needs its allowed values, for instance " + choicesKey
                    + "=M:Male,F:Female", choicesKey, typeKey);
        }
        if (type == ProfileFieldType.TEXT && choicesText.isPresent()) {
            r.problem("only choice fields take choices: set " + typeKey + "=choice or remove the choices",
                    choicesKey, typeKey);
        }
        Optional<Pattern> pattern = Optional.empty();
        if (patternText.isPresent()) {
            if (type == ProfileFieldType.CHOICE) {
                r.problem("only text fields take a pattern", patternKey, typeKey);
            } else {
                try {
                    pattern = Optional.of(Pattern.compile(patternText.get()));
                } catch (PatternSyntaxException e) {
                    r.problem("is not a valid Java regular expression: " + e.getDescription() + " at index "
                            + e.getIndex() + " of " + SettingReader.shown(patternKey, patternText.get()), patternKey);
                }
            }
        }
        if (r.problemCount() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProfileField(name, label, type, choices, maxLength, pattern, required, editable));
        } catch (IllegalArgumentException e) {
            var keys = ConfigKeys.PROFILE_ATTRIBUTES.stream().map(a -> profileKey(name, a)).toArray(String[]::new);
            r.problem(e.getMessage(), keys);
            return Optional.empty();
        }
    }

    /** {@code M:Male,F:Female,NS}: a value, optionally a colon and the name forms show for it. */
    private static List<Choice> choices(SettingReader r, String key, String text, int maxLength) {
        var choices = new ArrayList<Choice>();
        var values = new HashSet<String>();
        for (String item : text.split(",", -1)) {
            String entry = item.strip();
            int colon = entry.indexOf(':');
            String value = (colon < 0 ? entry : entry.substring(0, colon)).strip();
            String display = (colon < 0 ? entry : entry.substring(colon + 1)).strip();
            if (value.isEmpty()) {
                r.problem("has an empty choice; write value:Display name pairs separated by commas, such as"
                        + " M:Male,F:Female", key);
            } else if (!values.add(value)) {
                r.problem("lists the choice \"" + value + "\" twice", key);
            } else if (value.length() > maxLength) {
                r.problem("the choice \"" + value + "\" is longer than the field's maximum length (" + maxLength + ")",
                        key, key.substring(0, key.lastIndexOf('.') + 1) + PROFILE_MAX_LENGTH);
            } else {
                choices.add(new Choice(value, display.isEmpty() ? value : display));
            }
        }
        return List.copyOf(choices);
    }

    private Optional<List<String>> userFields(SettingReader r, boolean usernameEnabled, ProfileSchema profile) {
        Optional<String> text = r.raw(USER_FIELDS);
        if (text.isEmpty()) {
            return Optional.of(AccountSettings.defaultUserFields(usernameEnabled, profile));
        }
        List<String> names = ConfigSources.splitList(text.get());
        var allowed = new ArrayList<String>(List.of("pk"));
        if (usernameEnabled) {
            allowed.add("username");
        }
        allowed.add("email");
        profile.fields().forEach(f -> allowed.add(f.name()));
        int before = r.problemCount();
        if (names.isEmpty()) {
            r.problem("lists no field; the user endpoint needs at least one (the default is "
                    + String.join(",", AccountSettings.defaultUserFields(usernameEnabled, profile)) + ")", USER_FIELDS);
        }
        var seen = new HashSet<String>();
        for (String name : names) {
            if (name.equals("username") && !usernameEnabled) {
                r.problem("lists username, but usernames are disabled (" + ACCOUNT_USERNAME_ENABLED + "=false)",
                        USER_FIELDS, ACCOUNT_USERNAME_ENABLED);
            } else if (!allowed.contains(name)) {
                r.problem("\"" + name + "\" is neither a built-in field nor a profile field; choose from "
                        + String.join(", ", allowed), USER_FIELDS);
            } else if (!seen.add(name)) {
                r.problem("lists \"" + name + "\" twice", USER_FIELDS);
            }
        }
        return r.problemCount() > before ? Optional.empty() : Optional.of(names);
    }

    // ---------------------------------------------------------------- helpers

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<String, String> orderedMap(String... words) {
        var map = new LinkedHashMap<String, String>();
        for (String word : words) {
            map.put(word, word);
        }
        return map;
    }

    @SafeVarargs
    private static <T> Map<String, T> orderedMap(Map.Entry<String, T>... entries) {
        var map = new LinkedHashMap<String, T>();
        for (var entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return map;
    }
}
