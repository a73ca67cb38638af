package io.portcullis.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "Carol.Mixed@Example.COM", "a+tag@sub.example.co.uk",
            "o'brien@example.ie", "x@[127.0.0.1]", "\"quoted-name\"@example.com", "user@xn--bcher-kva.example"})
    void acceptsValidAddresses(String text) {
        assertThat(EmailAddress.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "not-an-email", "@example.com", "alice@", "a@b", "a@@example.com",
            "a b@example.com", "a..b@example.com", ".a@example.com", "a@example..com", "a@-example.com"})
    void refusesInvalidAddresses(String text) {
        assertThat(EmailAddress.isValid(text)).isFalse();
        assertThatThrownBy(() -> new EmailAddress(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheGivenCaseAndComparesCanonically() {
        var email = new EmailAddress("Carol.Mixed@Example.COM");
        assertThat(email.value()).isEqualTo("Carol.Mixed@Example.COM");
        assertThat(email.canonical()).isEqualTo("carol.mixed@example.com");
    }

    @Test
    void refusesOverlongAddresses() {
        assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
        assertThat(EmailAddress.isValid("a@" + "b".repeat(250) + ".com")).isFalse();
        assertThat(EmailAddress.isValid(null)).isFalse();
    }
}
