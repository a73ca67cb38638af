package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** tokens.mode: JWTs by default, opaque keys without any JWT setting, and no token cookies with keys. */
class TokenModeConfigTest {

    @Test
    void jwtsByDefault() {
        assertThat(Loading.withSecret().load().tokenMode()).isEqualTo(PortcullisConfig.TokenMode.JWT);
    }

    @Test
    void opaqueKeysNeedNoJwtSecret() {
        PortcullisConfig config = Loading.bare().env("PORTCULLIS_TOKENS_MODE", "opaque").load();

        assertThat(config.tokenMode()).isEqualTo(PortcullisConfig.TokenMode.OPAQUE);
    }

    @Test
    void opaqueKeysTakeNoTokenCookies() {
        ConfigProblem problem = Loading.bare().env("PORTCULLIS_TOKENS_MODE", "opaque")
                .env("PORTCULLIS_COOKIES_ACCESS_NAME", "auth").onlyProblem();

        assertThat(problem.keys()).containsExactly("tokens.mode", "cookies.access-name", "cookies.refresh-name");
        assertThat(problem.message()).contains("Authorization header");
    }

    @Test
    void anUnknownModeNamesTheChoices() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_TOKENS_MODE", "session").onlyProblem();
        assertThat(problem.keys()).containsExactly("tokens.mode");
        assertThat(problem.message()).contains("jwt").contains("opaque");
    }
}
