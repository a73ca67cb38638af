package io.portcullis.adapters.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelegatingPasswordHasherTest {

    final Argon2idPasswordHasher argon2 = new Argon2idPasswordHasher(Argon2idPasswordHasherTest.FAST);
    final DjangoPbkdf2PasswordHasher pbkdf2 = new DjangoPbkdf2PasswordHasher(DjangoPbkdf2PasswordHasherTest.FAST);
    final Map<String, PasswordHasher> hashers = Map.of("argon2id", argon2, "argon2", argon2, "pbkdf2_sha256", pbkdf2);

    @Nested
    class WithArgon2idAsDefault {

        final DelegatingPasswordHasher hasher = new DelegatingPasswordHasher("argon2id", hashers);

        @Test
        void hashesWithArgon2id() {
            PasswordHash hash = hasher.hash("pw");

            assertThat(hash.algorithm()).isEqualTo("argon2id");
            assertThat(hasher.matches("pw", hash)).isTrue();
            assertThat(hasher.needsRehash(hash)).isFalse();
        }

        @Test
        void verifiesAnImportedDjangoHashAndAsksToUpgradeIt() {
            PasswordHash django = pbkdf2.hash("pw");

            assertThat(hasher.matches("pw", django)).isTrue();
            assertThat(hasher.matches("other", django)).isFalse();
            assertThat(hasher.needsRehash(django)).isTrue();
        }

        @Test
        void asksToUpgradeArgon2idWithOldParameters() {
            PasswordHash old = new Argon2idPasswordHasher(new Argon2Settings(32, 1, 1, 16, 32)).hash("pw");

            assertThat(hasher.matches("pw", old)).isTrue();
            assertThat(hasher.needsRehash(old)).isTrue();
        }

        @Test
        void decoyIsTheDefaultHashersOwn() {
            assertThat(hasher.decoy()).isSameAs(argon2.decoy()).isSameAs(hasher.decoy());
            assertThat(hasher.needsRehash(hasher.decoy())).isFalse();
        }
    }

    @Nested
    class WithPbkdf2AsDefault {

        final DelegatingPasswordHasher hasher = new DelegatingPasswordHasher("pbkdf2_sha256", hashers);

        @Test
        void hashesWithPbkdf2AndStillVerifiesArgon2id() {
            PasswordHash hash = hasher.hash("pw");
            PasswordHash argon2Hash = argon2.hash("pw");

            assertThat(hash.algorithm()).isEqualTo("pbkdf2_sha256");
            assertThat(hasher.needsRehash(hash)).isFalse();
            assertThat(hasher.matches("pw", argon2Hash)).isTrue();
            assertThat(hasher.needsRehash(argon2Hash)).isTrue();
        }

        @Test
        void decoyIsAPbkdf2Hash() {
            assertThat(hasher.decoy().algorithm()).isEqualTo("pbkdf2_sha256");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuv",
        "$2b$12$abcdefghijklmnopqrstuuJ9hOOhbmLyP0zYqyC8o0LcBKmHL/8W",
        "sha1$seasalt$cff36ea83f5706ce9aa7454e63e431fc726b2dc8",
        "md5$seasalt$3f86d0d3d465b7b458c231bf3555c0e3",
        "!dJ4m2eUKZkjcPY0ZWyjrVMDQ4hdY8wqgCSDbcXsM",
        "plain-text-password"
    })
    void anUnknownFormatNeverMatchesAndIsReplaced(String encoded) {
        DelegatingPasswordHasher hasher = new DelegatingPasswordHasher("argon2id", hashers);
        PasswordHash hash = new PasswordHash(encoded);

        assertThat(hasher.matches("plain-text-password", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isTrue();
    }

    @Test
    void aNullHashNeverMatches() {
        assertThat(new DelegatingPasswordHasher("argon2id", hashers).matches("pw", null)).isFalse();
    }

    @Nested
    class Standard {

        @Test
        void verifiesDjangosArgon2FormAndAsksToUpgradeIt() {
            // Django 3.2.25 with argon2-cffi 21.1.0: make_password("password", "seasaltseasalt", "argon2")
            PasswordHash django = new PasswordHash(
                    "argon2$argon2id$v=19$m=102400,t=2,p=8$c2Vhc2FsdHNlYXNhbHQ$MWVOHZ4rWrb+cszALgqTTw");
            DelegatingPasswordHasher hasher = DelegatingPasswordHasher.standard("argon2id");

            assertThat(hasher.matches("password", django)).isTrue();
            assertThat(hasher.needsRehash(django)).isTrue();
        }

        @Test
        void verifiesBothBuiltInFormats() {
            DelegatingPasswordHasher hasher = DelegatingPasswordHasher.standard(
                    "pbkdf2_sha256", Argon2idPasswordHasherTest.FAST, DjangoPbkdf2PasswordHasherTest.FAST);

            assertThat(hasher.matches("pw", pbkdf2.hash("pw"))).isTrue();
            assertThat(hasher.matches("pw", argon2.hash("pw"))).isTrue();
            assertThat(hasher.needsRehash(pbkdf2.hash("pw"))).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"argon2", "bcrypt", "ARGON2ID", ""})
        void refusesAnotherDefault(String algorithm) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> DelegatingPasswordHasher.standard(algorithm))
                    .withMessageContaining("argon2id, pbkdf2_sha256");
        }
    }

    @Test
    void refusesADefaultItCannotHashWith() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelegatingPasswordHasher("bcrypt", hashers))
                .withMessageContaining("bcrypt")
                .withMessageContaining("[argon2, argon2id, pbkdf2_sha256]");
    }
}
