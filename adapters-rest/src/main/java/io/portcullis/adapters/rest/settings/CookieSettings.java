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
 * @param csrf how unsafe requests authenticated by a token cookie are checked
 * @param tokensInBody answers carry the tokens in their bodies as well as in the cookies; with
 *     {@code false} they carry {@code ""} instead, so that no script on the page ever holds a token,
 *     and registration sets the cookies too (it would hand out no token otherwise)
 */
public record CookieSettings(
        Optional<String> accessName,
        Optional<String> refreshName,
        boolean httpOnly,
        boolean secure,
        Optional<SameSite> sameSite,
        String path,
        Optional<String> domain,
        CsrfSettings csrf,
        boolean tokensInBody) {

    // RFC 6265 token characters: what a cookie name may contain without quoting.
    private static final Pattern NAME = Pattern.compile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("^[\\x21-\\x3a\\x3c-\\x7e]+$");

    public CookieSettings {
        Objects.requireNonNull(accessName, "accessName");
        Objects.requireNonNull(refreshName, "refreshName");
        Objects.requireNonNull(sameSite, "sameSite");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(csrf, "csrf");
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
        if (!tokensInBody && (accessName.isEmpty() || refreshName.isEmpty())) {
            throw new IllegalArgumentException("tokens can stay out of the bodies only when both cookies are named");
        }
        if (csrf.usesCookie() && (accessName.equals(Optional.of(csrf.cookieName()))
                || refreshName.equals(Optional.of(csrf.cookieName())))) {
            throw new IllegalArgumentException("the CSRF cookie needs a name of its own");
        }
    }

    /** The settings before CSRF and the body option existed: dj-rest-auth's (no CSRF check, tokens in bodies). */
    public CookieSettings(Optional<String> accessName, Optional<String> refreshName, boolean httpOnly, boolean secure,
            Optional<SameSite> sameSite, String path, Optional<String> domain) {
        this(accessName, refreshName, httpOnly, secure, sameSite, path, domain, CsrfSettings.off(), true);
    }

    /** No cookies at all: tokens travel in bodies and the Authorization header only. */
    public static CookieSettings none() {
        return new CookieSettings(Optional.empty(), Optional.empty(), true, false, Optional.of(SameSite.LAX), "/",
                Optional.empty());
    }

    /** dj-rest-auth's defaults (HttpOnly, not Secure, SameSite=Lax, path /, no CSRF check) with the given names. */
    public static CookieSettings named(String accessName, String refreshName) {
        return new CookieSettings(Optional.of(accessName), Optional.of(refreshName), true, false,
                Optional.of(SameSite.LAX), "/", Optional.empty());
    }

    public CookieSettings withHttpOnly(boolean value) {
        return new CookieSettings(accessName, refreshName, value, secure, sameSite, path, domain, csrf, tokensInBody);
    }

    public CookieSettings withSecure(boolean value) {
        return new CookieSettings(accessName, refreshName, httpOnly, value, sameSite, path, domain, csrf, tokensInBody);
    }

    public CookieSettings withCsrf(CsrfSettings value) {
        return new CookieSettings(accessName, refreshName, httpOnly, secure, sameSite, path, domain, value, tokensInBody);
    }

    public CookieSettings withTokensInBody(boolean value) {
        return new CookieSettings(accessName, refreshName, httpOnly, secure, sameSite, path, domain, csrf, value);
    }

    /** Whether any token cookie is set and read at all. */
    public boolean enabled() {
        return accessName.isPresent() || refreshName.isPresent();
    }

    private static void checkName(String which, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + which + " cookie name '" + name + "' is not a valid cookie name");
        }
    }
}
