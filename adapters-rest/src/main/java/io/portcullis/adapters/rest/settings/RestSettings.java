package io.portcullis.adapters.rest.settings;

import io.portcullis.application.settings.AccountSettings;
import java.util.Objects;
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
 */
public record RestSettings(
        String basePath, long maxRequestBytes, CookieSettings cookies, boolean returnExpiration, AccountSettings account) {

    public static final String DEFAULT_BASE_PATH = "/auth";
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    private static final Pattern SEGMENTS = Pattern.compile("^(/[A-Za-z0-9._~!$&'()*+,;=:@-]+)*$");

    public RestSettings {
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(account, "account");
        basePath = normalise(basePath);
        if (maxRequestBytes <= 0 || maxRequestBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxRequestBytes must be between 1 and 2^31 - 9, got " + maxRequestBytes);
        }
    }

    /** The defaults: {@code /auth}, 1 MiB bodies, no cookies, no expiration times in login answers. */
    public static RestSettings defaults(AccountSettings account) {
        return new RestSettings(DEFAULT_BASE_PATH, DEFAULT_MAX_REQUEST_BYTES, CookieSettings.none(), false, account);
    }

    public RestSettings withBasePath(String path) {
        return new RestSettings(path, maxRequestBytes, cookies, returnExpiration, account);
    }

    public RestSettings withMaxRequestBytes(long bytes) {
        return new RestSettings(basePath, bytes, cookies, returnExpiration, account);
    }

    public RestSettings withCookies(CookieSettings value) {
        return new RestSettings(basePath, maxRequestBytes, value, returnExpiration, account);
    }

    public RestSettings withReturnExpiration(boolean value) {
        return new RestSettings(basePath, maxRequestBytes, cookies, value, account);
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
}
