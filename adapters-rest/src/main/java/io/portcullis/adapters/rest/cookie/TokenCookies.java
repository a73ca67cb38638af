package io.portcullis.adapters.rest.cookie;

import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.SameSite;
import io.portcullis.application.token.TokenPair;
import jakarta.ws.rs.core.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Set-Cookie} values of the token cookies, written as raw strings in Django's format
 * (attributes sorted by name as Python's http.cookies writes them), so a client that parses
 * dj-rest-auth's headers reads ours alike.
 */
public final class TokenCookies {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

    private final CookieSettings settings;
    private final Clock clock;

    public TokenCookies(CookieSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The cookies of a login or a rotation: access first, then refresh, each when it has a name. */
    public List<String> issued(TokenPair tokens) {
        Instant now = clock.instant();
        var cookies = new ArrayList<String>(2);
        settings.accessName().ifPresent(name -> cookies.add(set(name, tokens.access(), tokens.accessExpiresAt(), now)));
        settings.refreshName().ifPresent(name -> cookies.add(set(name, tokens.refresh(), tokens.refreshExpiresAt(), now)));
        return cookies;
    }

    /**
     * The token cookies and, in double-submit mode, the CSRF cookie: a new random token at a login,
     * the one the client holds at a refresh (a new one if it holds none). It lives as long as the
     * refresh token, and scripts may read it, since they must repeat it in the CSRF header.
     */
    public List<String> issued(TokenPair tokens, Map<String, Cookie> request, boolean newCsrfToken) {
        var cookies = new ArrayList<>(issued(tokens));
        if (settings.csrf().usesCookie() && settings.enabled()) {
            String token = newCsrfToken ? CsrfGuard.newToken() : csrfToken(request).orElseGet(CsrfGuard::newToken);
            cookies.add(set(settings.csrf().cookieName(), token, tokens.refreshExpiresAt(), clock.instant(), false));
        }
        return cookies;
    }

    /** The CSRF token the client's cookie holds, if any. */
    public Optional<String> csrfToken(Map<String, Cookie> cookies) {
        return Optional.ofNullable(cookies.get(settings.csrf().cookieName())).map(Cookie::getValue)
                .filter(value -> !value.isEmpty());
    }

    /** The access cookie alone, for a refresh that did not rotate the refresh token. */
    public List<String> issuedAccess(String access, Instant expiresAt) {
        return settings.accessName().map(name -> List.of(set(name, access, expiresAt, clock.instant()))).orElse(List.of());
    }

    /** Deletions of both cookies (and of the CSRF cookie in double-submit mode), as logout sends them. */
    public List<String> deleted() {
        var cookies = new ArrayList<String>(3);
        settings.accessName().ifPresent(name -> cookies.add(delete(name)));
        settings.refreshName().ifPresent(name -> cookies.add(delete(name)));
        if (settings.csrf().usesCookie() && settings.enabled()) {
            cookies.add(delete(settings.csrf().cookieName()));
        }
        return cookies;
    }

    public Optional<String> refreshToken(Map<String, Cookie> cookies) {
        return settings.refreshName().map(cookies::get).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    /**
     * With HttpOnly cookies the login body shows an empty refresh token, as dj-rest-auth does, so
     * that script on the page never holds it. Only when the cookie carries it, though: without a
     * refresh cookie an empty body value would lose the token altogether.
     */
    public boolean hidesRefreshFromBody() {
        return settings.httpOnly() && settings.refreshName().isPresent();
    }

    private String set(String name, String value, Instant expiresAt, Instant now) {
        return set(name, value, expiresAt, now, settings.httpOnly());
    }

    private String set(String name, String value, Instant expiresAt, Instant now, boolean httpOnly) {
        // Rounded up, as Django's set_cookie rounds the lifetime it is given.
        long maxAge = Math.max(0, (Duration.between(now, expiresAt).toNanos() + 999_999_999L) / 1_000_000_000L);
        var cookie = new StringBuilder(name).append('=').append(value).append("; ");
        settings.domain().ifPresent(domain -> cookie.append("Domain=").append(domain).append("; "));
        cookie.append("expires=").append(HTTP_DATE.format(now.plusSeconds(maxAge))).append("; ");
        if (httpOnly) {
            cookie.append("HttpOnly; ");
        }
        cookie.append("Max-Age=").append(maxAge).append("; Path=").append(settings.path());
        return appendSameSiteAndSecure(cookie, settings.secure()).toString();
    }

    private String delete(String name) {
        var cookie = new StringBuilder(name).append("=\"\"; ");
        settings.domain().ifPresent(domain -> cookie.append("Domain=").append(domain).append("; "));
        cookie.append("expires=").append(EPOCH).append("; Max-Age=0; Path=").append(settings.path());
        // Django marks a deletion Secure for __Secure-/__Host- names and SameSite=None; so do we when
        // the cookies are Secure, since a browser may refuse to replace a Secure cookie otherwise.
        boolean secure = settings.secure() || name.startsWith("__Secure-") || name.startsWith("__Host-")
                || settings.sameSite().filter(s -> s == SameSite.NONE).isPresent();
        return appendSameSiteAndSecure(cookie, secure).toString();
    }

    private StringBuilder appendSameSiteAndSecure(StringBuilder cookie, boolean secure) {
        settings.sameSite().ifPresent(sameSite -> cookie.append("; SameSite=").append(sameSite.attribute()));
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie;
    }
}
