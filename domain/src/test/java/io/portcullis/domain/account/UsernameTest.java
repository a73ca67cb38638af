package io.portcullis.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernameTest {

    @Test
    void followsDjangosCharacterRules() {
        assertThat(Username.isValid("alice.b+c-d_e@x")).isTrue();
        assertThat(Username.isValid("José")).isTrue();
        assertThat(Username.isValid("alice smith")).isFalse();
        assertThat(Username.isValid("alice!")).isFalse();
        assertThat(Username.isValid("")).isFalse();
        assertThat(Username.isValid("a".repeat(151))).isFalse();
    }

    @Test
    void comparesIgnoringCase() {
        assertThat(new Username("Alice").canonical()).isEqualTo(new Username("aLICE").canonical());
    }
}
