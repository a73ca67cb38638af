package io.portcullis.adapters.rest.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JWT cookies (dj-rest-auth's JWT_AUTH_COOKIE, JWT_AUTH_REFRESH_COOKIE, JWT_AUTH_HTTPONLY,
 * JWT_AUTH_SECURE, JWT_AUTH_SAMESITE, JWT_AUTH_COOKIE_DOMAIN and the cookie path). A cookie whose
 * name is empty is neither set nor read.
 *
 * @param sameSite empty writes no SameSite attribute (dj-rest-auth's {@code False})
 */
public record CookieSettings(
        Optional<String> accessName,
        Optional<String> refreshName,
        boolean httpOnly,
        boolean secure,
        Optional<SameSite> sameSite,
        String path,
        Optional<String> domain) {

    // RFC 6265 token characters: what a cookie name may contain without quoting.
    private static final Pattern NAME = Pattern.compile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("^[\\x21-\\x3a\\x3c-\\x7e]+$");

    public CookieSettings {
        Objects.requireNonNull(accessName, "accessName");
        Objects.requireNonNull(refreshName, "refreshName");
        Objects.requireNonNull(sameSite, "sameSite");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(domain, "domain");
        accessName.ifPresent(name -> checkName("access", name));
        refreshName.ifPresent(name -> checkName("refresh", name));
        if (accessName.isPresent() && accessName.equals(refreshName)) {
            throw new IllegalArgumentException("the access and refresh cookies need different names");
        }
        if (!path.startsWith("/") || !ATTRIBUTE_VALUE.matcher(path).matches()) {
            throw new IllegalArgumentException("the cookie path must start with / and hold no space or ;: " + path);
        }
        domain.ifPresent(d -> {
            if (!ATTRIBUTE_VALUE.matcher(d).matches()) {
                throw new IllegalArgumentException("the cookie domain holds a space or ;: " + d);
            }
        });
    }

    /** No cookies at all: tokens travel in bodies and the Authorization header only. */
    public static CookieSettings none() {
        return new CookieSettings(Optional.empty(), Optional.empty(), true, false, Optional.of(SameSite.LAX), "/",
                Optional.empty());
    }

    /** dj-rest-auth's defaults (HttpOnly, not Secure, SameSite=Lax, path /) with the given names. */
    public static CookieSettings named(String accessName, String refreshName) {
        return new CookieSettings(Optional.of(accessName), Optional.of(refreshName), true, false,
                Optional.of(SameSite.LAX), "/", Optional.empty());
    }

    public CookieSettings withHttpOnly(boolean value) {
        return new CookieSettings(accessName, refreshName, value, secure, sameSite, path, domain);
    }

    public CookieSettings withSecure(boolean value) {
        return new CookieSettings(accessName, refreshName, httpOnly, value, sameSite, path, domain);
    }

    private static void checkName(String which, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + which + " cookie name '" + name + "' is not a valid cookie name");
        }
    }
}
