package io.portcullis.adapters.rest.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.SameSite;
import io.portcullis.application.token.TokenPair;
import jakarta.ws.rs.core.Cookie;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCookiesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T03:32:27.434930Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TokenPair PAIR = new TokenPair("A.B.C", "D.E.F", NOW.plusSeconds(300), NOW.plusSeconds(86400));

    @Test
    void writesAttributesInDjangosOrder() {
        var settings = new CookieSettings(Optional.of("__Secure-a"), Optional.of("r"), true, true,
                Optional.of(SameSite.NONE), "/api", Optional.of("example.com"));

        assertThat(new TokenCookies(settings, CLOCK).issued(PAIR)).containsExactly(
                "__Secure-a=A.B.C; Domain=example.com; expires=Sun, 29 Nov 2026 03:37:27 GMT; HttpOnly; Max-Age=300; "
                        + "Path=/api; SameSite=None; Secure",
                "r=D.E.F; Domain=example.com; expires=Mon, 30 Nov 2026 03:32:27 GMT; HttpOnly; Max-Age=86400; "
                        + "Path=/api; SameSite=None; Secure");
        assertThat(new TokenCookies(settings, CLOCK).deleted()).containsExactly(
                "__Secure-a=\"\"; Domain=example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/api; "
                        + "SameSite=None; Secure",
                "r=\"\"; Domain=example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/api; "
                        + "SameSite=None; Secure");
    }

    @Test
    void roundsTheLifetimeUpAndWritesTwoDigitDays() {
        Clock later = Clock.fixed(NOW.plusMillis(1500), ZoneOffset.UTC);
        var pair = new TokenPair("a", "r", Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        var settings = new CookieSettings(Optional.of("a"), Optional.empty(), false, false, Optional.empty(), "/",
                Optional.empty());

        assertThat(new TokenCookies(settings, later).issued(pair))
                .containsExactly("a=a; expires=Tue, 01 Dec 2026 00:00:00 GMT; Max-Age=160052; Path=/");
    }

    @Test
    void setsAndReadsNothingWithoutNames() {
        var cookies = new TokenCookies(CookieSettings.none(), CLOCK);

        assertThat(cookies.issued(PAIR)).isEmpty();
        assertThat(cookies.deleted()).isEmpty();
        assertThat(cookies.refreshToken(Map.of("r", new Cookie.Builder("r").value("x").build()))).isEmpty();
        assertThat(cookies.hidesRefreshFromBody()).isFalse();
    }

    @Test
    void readsTheRefreshCookieUnlessEmpty() {
        var cookies = new TokenCookies(CookieSettings.named("a", "r"), CLOCK);

        assertThat(cookies.refreshToken(Map.of("r", new Cookie.Builder("r").value("tok").build()))).contains("tok");
        assertThat(cookies.refreshToken(Map.of("r", new Cookie.Builder("r").value("").build()))).isEmpty();
        assertThat(cookies.hidesRefreshFromBody()).isTrue();
    }
}
