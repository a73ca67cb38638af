package io.portcullis.adapters.rest.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.fixtures.ArticleSetup;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestSettingsTest {

    private static final RestSettings DEFAULTS = RestSettings.defaults(ArticleSetup.settings());

    @Test
    void hasDjRestAuthsDefaults() {
        assertThat(DEFAULTS.basePath()).isEqualTo("/auth");
        assertThat(DEFAULTS.maxRequestBytes()).isEqualTo(1024 * 1024);
        assertThat(DEFAULTS.cookies().accessName()).isEmpty();
        assertThat(DEFAULTS.returnExpiration()).isFalse();
        assertThat(DEFAULTS.confirmEmailOnGet()).isTrue();
        assertThat(DEFAULTS.loginUrl()).isEmpty();
        assertThat(DEFAULTS.emailConfirmedRedirectUrl()).isEmpty();
    }

    @Test
    void sendsConfirmedAddressesToTheLoginUrlUnlessToldOtherwise() {
        assertThat(DEFAULTS.loginLocation()).isEqualTo("/auth/login/");
        assertThat(DEFAULTS.emailConfirmedLocation()).isEqualTo("/auth/login/");
        assertThat(DEFAULTS.withBasePath("/").emailConfirmedLocation()).isEqualTo("/login/");

        RestSettings login = DEFAULTS.withLoginUrl("https://app.example.com/login");
        assertThat(login.emailConfirmedLocation()).isEqualTo("https://app.example.com/login");
        assertThat(login.withEmailConfirmedRedirectUrl("/welcome/").emailConfirmedLocation()).isEqualTo("/welcome/");
        assertThat(login.withEmailConfirmedRedirectUrl("/welcome/").loginLocation()).isEqualTo("https://app.example.com/login");
    }

    @Test
    void keepsTheNewSettingsThroughTheOtherWithers() {
        RestSettings custom = DEFAULTS.withLoginUrl("/in/").withEmailConfirmedRedirectUrl("/done/").withConfirmEmailOnGet(false);

        RestSettings changed = custom.withBasePath("/api").withMaxRequestBytes(10).withCookies(CookieSettings.none())
                .withReturnExpiration(true);

        assertThat(changed.loginUrl()).contains("/in/");
        assertThat(changed.emailConfirmedRedirectUrl()).contains("/done/");
        assertThat(changed.confirmEmailOnGet()).isFalse();
    }

    @Test
    void keepsTheFiveArgumentConstructor() {
        var settings = new RestSettings("/x", 10, CookieSettings.none(), false, ArticleSetup.settings());

        assertThat(settings.loginLocation()).isEqualTo("/x/login/");
        assertThat(settings.confirmEmailOnGet()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "login/", "//evil.example/", "javascript:alert(1)", "ftp://host/x", "https:///path",
        "/a b", "/a\r\nSet-Cookie: x=1", "/\\evil.example", "https://h\u00e9st/", "http://[bad/"})
    void refusesARedirectThatIsNoUrlOrPathOfThisHost(String url) {
        assertThatThrownBy(() -> DEFAULTS.withLoginUrl(url)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withEmailConfirmedRedirectUrl(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"auth,/auth", "/auth/,/auth", "' /dj-rest-auth// ',/dj-rest-auth", "/,''", "'',''", "/api/v1,/api/v1"})
    void normalisesTheBasePath(String given, String expected) {
        assertThat(DEFAULTS.withBasePath(given).basePath()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/{x}", "/a//b", "/a?b"})
    void refusesABasePathThatIsNotPlain(String path) {
        assertThatThrownBy(() -> DEFAULTS.withBasePath(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANonPositiveBodyLimit() {
        assertThatThrownBy(() -> DEFAULTS.withMaxRequestBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBadCookieSettings() {
        assertThatThrownBy(() -> CookieSettings.named("my cookie", "r")).hasMessageContaining("not a valid cookie name");
        assertThatThrownBy(() -> CookieSettings.named("same", "same")).hasMessageContaining("different names");
        assertThatThrownBy(() -> new CookieSettings(Optional.empty(), Optional.empty(), true, false, Optional.empty(),
                "no-slash", Optional.empty())).hasMessageContaining("path");
    }
}
