package io.portcullis.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void an_unusable_password_is_djangos_bang_and_random_characters() {
        PasswordHash hash = PasswordHash.unusable("Xk3Lq9");

        assertThat(hash.encoded()).isEqualTo("!Xk3Lq9");
        assertThat(hash.usable()).isFalse();
        assertThat(hash.algorithm()).isEqualTo("!");
        assertThat(hash.toString()).doesNotContain("Xk3Lq9");
    }

    @Test
    void a_hash_read_from_a_django_database_with_the_bang_is_unusable_too() {
        assertThat(new PasswordHash("!").usable()).isFalse();
        assertThat(new PasswordHash("!abc$def").algorithm()).isEqualTo("!");
    }

    @Test
    void real_hashes_are_usable_and_named_by_their_algorithm() {
        assertThat(new PasswordHash("pbkdf2_sha256$260000$salt$digest").usable()).isTrue();
        assertThat(new PasswordHash("pbkdf2_sha256$260000$salt$digest").algorithm()).isEqualTo("pbkdf2_sha256");
        assertThat(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$ZGlnZXN0").algorithm()).isEqualTo("argon2id");
    }

    @Test
    void an_unusable_password_needs_random_characters() {
        assertThatThrownBy(() -> PasswordHash.unusable("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.unusable("!x")).isInstanceOf(IllegalArgumentException.class);
    }
}
