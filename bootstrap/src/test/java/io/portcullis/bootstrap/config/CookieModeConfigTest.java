package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cookies.csrf, its cookie and header names, and cookies.tokens-in-body. */
class CookieModeConfigTest {

    @Test
    void csrfIsCheckedByDoubleSubmitUnlessTurnedOff() {
        assertThat(Loading.withSecret().load().cookies().csrf()).isEqualTo(PortcullisConfig.Csrf.DOUBLE_SUBMIT);
        assertThat(Loading.withSecret().env("PORTCULLIS_COOKIES_CSRF", "header")
                .env("PORTCULLIS_COOKIES_CSRF_HEADER_NAME", "X-Requested-With").load().cookies())
                .satisfies(c -> {
                    assertThat(c.csrf()).isEqualTo(PortcullisConfig.Csrf.HEADER);
                    assertThat(c.csrfHeaderName()).isEqualTo("X-Requested-With");
                });
        assertThat(Loading.withSecret().env("PORTCULLIS_COOKIES_CSRF", "off").load().cookies().csrf())
                .isEqualTo(PortcullisConfig.Csrf.OFF);
    }

    @Test
    void anUnknownModeNamesTheChoices() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_COOKIES_CSRF", "token").onlyProblem();
        assertThat(problem.keys()).containsExactly("cookies.csrf");
        assertThat(problem.message()).contains("off").contains("double-submit").contains("header");
    }

    @Test
    void theCsrfCookieNeedsANameOfItsOwn() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_COOKIES_ACCESS_NAME", "csrftoken").onlyProblem();
        assertThat(problem.keys()).contains("cookies.csrf-cookie-name", "cookies.access-name");
    }

    @Test
    void tokensStayOutOfBodiesOnlyWithBothCookies() {
        ConfigProblem problem = Loading.withSecret().env("PORTCULLIS_COOKIES_TOKENS_IN_BODY", "false")
                .env("PORTCULLIS_COOKIES_ACCESS_NAME", "access").onlyProblem();
        assertThat(problem.keys()).containsExactly("cookies.tokens-in-body", "cookies.access-name",
                "cookies.refresh-name");
        assertThat(Loading.withSecret().env("PORTCULLIS_COOKIES_TOKENS_IN_BODY", "false")
                .env("PORTCULLIS_COOKIES_ACCESS_NAME", "access").env("PORTCULLIS_COOKIES_REFRESH_NAME", "refresh")
                .load().cookies().tokensInBody()).isFalse();
    }

    @Test
    void badNamesAreRefused() {
        assertThat(Loading.withSecret().env("PORTCULLIS_COOKIES_CSRF_HEADER_NAME", "X CSRF").onlyProblem().keys())
                .containsExactly("cookies.csrf-header-name");
        assertThat(Loading.withSecret().env("PORTCULLIS_COOKIES_CSRF_COOKIE_NAME", "csrf;token").onlyProblem().keys())
                .containsExactly("cookies.csrf-cookie-name");
    }
}
