package io.portcullis.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/auth/login/", "/a%20b", "/%C3%A9t%c3%a9", "/~user/a-b_c.d", "/a;b=c,d:e@f!$&'()*+",
        "/caf\u00e9", "*"})
    void acceptedPaths(String path) {
        assertThat(RequestTargets.isValidPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/a\tb", "/a\u0001", "/a\u007f", "/%", "/%4", "/%zz", "/%4g", "/a\"b", "/<x>",
        "/a\\b", "/a^b", "/a`b", "/{x}", "/a|b", "/[x]"})
    void refusedPaths(String path) {
        assertThat(RequestTargets.isValidPath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1&b=2", "a={1}", "a=[1]", "a=|", "a=%41", "q=caf\u00e9"})
    void acceptedQueries(String query) {
        assertThat(RequestTargets.isValidQuery(query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%", "a=\"x\"", "a=<b>", "a= b"})
    void refusedQueries(String query) {
        assertThat(RequestTargets.isValidQuery(query)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void emptyIsValid(String text) {
        assertThat(RequestTargets.isValidPath(text)).isTrue();
        assertThat(RequestTargets.isValidQuery(null)).isTrue();
    }
}
