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
