package io.portcullis.adapters.rest.settings;

import io.portcullis.application.settings.AccountSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What shapes the HTTP edge.
 *
 * @param basePath where the endpoints live, {@code /auth} by default; {@code ""} mounts them at the root
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param returnExpiration dj-rest-auth's JWT_AUTH_RETURN_EXPIRATION: login answers also carry
 *     {@code access_expiration} and {@code refresh_expiration}
 * @param account the account settings the use cases run with: the user endpoint shows their
 *     {@code userFields}, and OPTIONS describes their fields and profile schema
 * @param loginUrl Django's LOGIN_URL: an absolute http(s) URL or a path; empty means
 *     {@code <basePath>/login/} (see {@link #loginLocation()})
 * @param emailConfirmedRedirectUrl allauth's ACCOUNT_EMAIL_CONFIRMATION_ANONYMOUS_REDIRECT_URL: where a
 *     followed confirmation link sends the browser; empty means the login URL (see
 *     {@link #emailConfirmedLocation()})
 * @param confirmEmailOnGet allauth's ACCOUNT_CONFIRM_EMAIL_ON_GET: following the link confirms at once;
 *     when off, the link shows a page whose button confirms
 * @param cors which other origins' browser scripts may call the API (django-cors-headers); none by default
 * @param publishesKeys tokens are signed with key pairs whose public keys {@code /.well-known/jwks.json}
 *     publishes, for other services to verify them
 * @param tokenMode JWTs (the default here) or opaque keys (dj-rest-auth's default)
 * @param socialProviders the ids of the social login providers, each the path segment of its
 *     endpoints ({@code google/}, {@code google/connect/}); none turns social login off
 */
public record RestSettings(
        String basePath,
        long maxRequestBytes,
        CookieSettings cookies,
        boolean returnExpiration,
        AccountSettings account,
        Optional<String> loginUrl,
        Optional<String> emailConfirmedRedirectUrl,
        boolean confirmEmailOnGet,
        CorsSettings cors,
        boolean publishesKeys,
        TokenMode tokenMode,
        List<String> socialProviders) {

    public static final String DEFAULT_BASE_PATH = "/auth";
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /** A provider id: one plain path segment, lower case, as allauth's provider ids are. */
    private static final Pattern PROVIDER_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final Pattern SEGMENTS = Pattern.compile("^(/[A-Za-z0-9._~!$&'()*+,;=:@-]+)*$");

    public RestSettings {
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(tokenMode, "tokenMode");
        if (tokenMode == TokenMode.OPAQUE && (cookies.enabled() || publishesKeys)) {
            throw new IllegalArgumentException("opaque keys travel in the Authorization header only: no token cookies,"
                    + " no published keys");
        }
        basePath = normalise(basePath);
        if (maxRequestBytes <= 0 || maxRequestBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxRequestBytes must be between 1 and 2^31 - 9, got " + maxRequestBytes);
        }
        loginUrl = checkRedirect("loginUrl", loginUrl);
        emailConfirmedRedirectUrl = checkRedirect("emailConfirmedRedirectUrl", emailConfirmedRedirectUrl);
        socialProviders = List.copyOf(socialProviders);
        for (String id : socialProviders) {
            if (!PROVIDER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("social provider id '" + id
                        + "' must be lower-case letters, digits, - and _, starting with a letter or digit");
            }
        }
        if (socialProviders.stream().distinct().count() != socialProviders.size()) {
            throw new IllegalArgumentException("a social provider is listed twice: " + socialProviders);
        }
    }

    /** The settings before the redirect targets existed: default login URL and redirect, confirmation on GET. */
    public RestSettings(String basePath, long maxRequestBytes, CookieSettings cookies, boolean returnExpiration,
            AccountSettings account) {
        this(basePath, maxRequestBytes, cookies, returnExpiration, account, Optional.empty(), Optional.empty(), true,
                CorsSettings.none(), false, TokenMode.JWT, List.of());
    }

    /** The settings before CORS existed: no other origin allowed. */
    public RestSettings(String basePath, long maxRequestBytes, CookieSettings cookies, boolean returnExpiration,
            AccountSettings account, Optional<String> loginUrl, Optional<String> emailConfirmedRedirectUrl,
            boolean confirmEmailOnGet) {
        this(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl, emailConfirmedRedirectUrl,
                confirmEmailOnGet, CorsSettings.none(), false, TokenMode.JWT, List.of());
    }

    /** The settings before published keys existed: tokens signed with a shared secret. */
    public RestSettings(String basePath, long maxRequestBytes, CookieSettings cookies, boolean returnExpiration,
            AccountSettings account, Optional<String> loginUrl, Optional<String> emailConfirmedRedirectUrl,
            boolean confirmEmailOnGet, CorsSettings cors) {
        this(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl, emailConfirmedRedirectUrl,
                confirmEmailOnGet, cors, false, TokenMode.JWT, List.of());
    }

    /**
     * The defaults: {@code /auth}, 1 MiB bodies, no cookies, no expiration times in login answers,
     * confirmation links that confirm on GET and then send the browser to {@code /auth/login/}.
     */
    public static RestSettings defaults(AccountSettings account) {
        return new RestSettings(DEFAULT_BASE_PATH, DEFAULT_MAX_REQUEST_BYTES, CookieSettings.none(), false, account);
    }

    public RestSettings withBasePath(String path) {
        return new RestSettings(path, maxRequestBytes, cookies, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withMaxRequestBytes(long bytes) {
        return new RestSettings(basePath, bytes, cookies, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withCookies(CookieSettings value) {
        return new RestSettings(basePath, maxRequestBytes, value, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withReturnExpiration(boolean value) {
        return new RestSettings(basePath, maxRequestBytes, cookies, value, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withLoginUrl(String url) {
        return new RestSettings(basePath, maxRequestBytes, cookies, returnExpiration, account, Optional.of(url),
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withEmailConfirmedRedirectUrl(String url) {
        return new RestSettings(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl,
                Optional.of(url), confirmEmailOnGet, cors, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withConfirmEmailOnGet(boolean value) {
        return new RestSettings(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, value, cors, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withCors(CorsSettings value) {
        return new RestSettings(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, value, publishesKeys, tokenMode, socialProviders);
    }

    public RestSettings withPublishedKeys(boolean value) {
        return new RestSettings(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, value, tokenMode, socialProviders);
    }

    public RestSettings withTokenMode(TokenMode value) {
        return new RestSettings(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, publishesKeys, value, socialProviders);
    }

    public RestSettings withSocialProviders(List<String> ids) {
        return new RestSettings(basePath, maxRequestBytes, cookies, returnExpiration, account, loginUrl,
                emailConfirmedRedirectUrl, confirmEmailOnGet, cors, publishesKeys, tokenMode, ids);
    }

    /** Whether logins hand out opaque keys rather than JWTs. */
    public boolean opaqueKeys() {
        return tokenMode == TokenMode.OPAQUE;
    }

    /** The login URL as configured, or the login endpoint of this API. */
    public String loginLocation() {
        return loginUrl.orElse(basePath + "/login/");
    }

    /** Where a confirmed address sends the browser: the configured URL, or the login URL. */
    public String emailConfirmedLocation() {
        return emailConfirmedRedirectUrl.orElseGet(this::loginLocation);
    }

    /** {@code auth}, {@code /auth/}, {@code /auth} all mean {@code /auth}; {@code /} and {@code ""} mean the root. */
    private static String normalise(String path) {
        Objects.requireNonNull(path, "basePath");
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.isEmpty() && !trimmed.startsWith("/")) {
            trimmed = "/" + trimmed;
        }
        if (!SEGMENTS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("basePath '" + path + "' is not a plain URL path");
        }
        return trimmed;
    }

    /**
     * A redirect target goes into a Location header as it is: it must be a well-formed absolute
     * http(s) URL or a path on this host, in ASCII. That rules out header injection and {@code javascript:}
     * links, and a {@code //host} path, which browsers would read as another host.
     */
    private static Optional<String> checkRedirect(String name, Optional<String> url) {
        Objects.requireNonNull(url, name);
        return url.map(String::strip).map(value -> {
            if (!isRedirectTarget(value)) {
                throw new IllegalArgumentException(name + " '" + value
                        + "' must be an absolute http(s) URL or a path starting with a single /");
            }
            return value;
        });
    }

    private static boolean isRedirectTarget(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '\\')) {
            return false;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                return value.startsWith("/") && !value.startsWith("//");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
