package io.portcullis.adapters.security.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Django's unusable password ({@code !} and random characters, what social sign-up stores) matches
 * no password in any hasher: not the empty one, not its own text, not the text after the bang.
 */
class UnusablePasswordTest {

    private static final PasswordHash UNUSABLE = PasswordHash.unusable("k2Xv9QeLr0TzYb4NwP7s");

    private static List<PasswordHasher> hashers() {
        var argon2 = new Argon2idPasswordHasher(Argon2idPasswordHasherTest.FAST);
        var pbkdf2 = new DjangoPbkdf2PasswordHasher(DjangoPbkdf2PasswordHasherTest.FAST);
        var delegating = new DelegatingPasswordHasher("argon2id",
                Map.of("argon2id", argon2, "argon2", argon2, "pbkdf2_sha256", pbkdf2, "!", argon2));
        return List.of(argon2, pbkdf2, delegating, DelegatingPasswordHasher.standard("pbkdf2_sha256"));
    }

    @Test
    void no_hasher_matches_any_password_against_it() {
        for (PasswordHasher hasher : hashers()) {
            for (String attempt : List.of("", "!", UNUSABLE.encoded(), UNUSABLE.encoded().substring(1), "password")) {
                assertThat(hasher.matches(attempt, UNUSABLE)).as(hasher + " with " + attempt).isFalse();
            }
        }
    }

    @Test
    void a_django_unusable_password_with_a_hash_like_tail_matches_nothing_either() {
        var pbkdf2 = new DjangoPbkdf2PasswordHasher(DjangoPbkdf2PasswordHasherTest.FAST);
        PasswordHash real = pbkdf2.hash("pw");
        PasswordHash disguised = new PasswordHash("!" + real.encoded());

        assertThat(DelegatingPasswordHasher.standard("argon2id").matches("pw", disguised)).isFalse();
        assertThat(new DelegatingPasswordHasher("pbkdf2_sha256", Map.of("pbkdf2_sha256", pbkdf2)).matches("pw", disguised))
                .isFalse();
    }

    @Test
    void the_bounded_pool_answers_no_as_well() {
        try (var bounded = new BoundedPasswordHasher(DelegatingPasswordHasher.standard("argon2id"), 1, 4)) {
            assertThat(bounded.matches(UNUSABLE.encoded(), UNUSABLE)).isFalse();
        }
    }
}
