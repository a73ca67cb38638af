package io.portcullis.adapters.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.portcullis.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DjangoPbkdf2PasswordHasherTest {

    /** Few iterations keep the suite fast; the Django vectors use the real count. */
    static final int FAST = 1000;

    final DjangoPbkdf2PasswordHasher hasher = new DjangoPbkdf2PasswordHasher(FAST);

    /** Django's algorithm computed independently, with the JDK's PBKDF2 rather than Bouncy Castle. */
    static String jdkPbkdf2Sha256(String password, String salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                    iterations, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class DjangoVectors {

        final DjangoPbkdf2PasswordHasher django32 = new DjangoPbkdf2PasswordHasher();

        @Test
        void passwordWithSeasaltAt260000Iterations() {
            String jdk = jdkPbkdf2Sha256("password", "seasalt", 260_000);
            // Django 3.2.25: make_password("password", "seasalt", "pbkdf2_sha256")
            String django = "pbkdf2_sha256$260000$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=";

            assertThat(jdk).isEqualTo(django);
            assertThat(django32.hash("password", "seasalt").encoded()).isEqualTo(django);
            assertThat(django32.matches("password", new PasswordHash(django))).isTrue();
        }

        @Test
        void theNonAsciiVectorOfDjangosOwnTestSuite() {
            // Django 3.2 tests/auth_tests/test_hashers.py, test_pbkdf2; recomputed with Django 3.2.25.
            PasswordHash django = new PasswordHash(
                    "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=");

            assertThat(jdkPbkdf2Sha256("lètmein", "seasalt", 260_000)).isEqualTo(django.encoded());
            assertThat(django32.matches("lètmein", django)).isTrue();
        }
    }

    @Nested
    class Hashing {

        @ParameterizedTest
        @CsvSource({"password, seasalt", "'', abc", "pässwörd 🔑, 0123456789abcdefghijkl", "' spaced ', s"})
        void agreesWithTheJdkImplementation(String password, String salt) {
            assertThat(hasher.hash(password, salt).encoded()).isEqualTo(jdkPbkdf2Sha256(password, salt, FAST));
        }

        @Test
        void writesDjangosFormatWithA22CharacterSalt() {
            PasswordHash hash = hasher.hash("pw");

            assertThat(hash.encoded()).matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}=");
            assertThat(hash.algorithm()).isEqualTo("pbkdf2_sha256");
            assertThat(hash.toString()).isEqualTo("PasswordHash[pbkdf2_sha256]");
        }

        @Test
        void usesDjangos32DefaultIterations() {
            assertThat(DjangoPbkdf2PasswordHasher.DEFAULT_ITERATIONS).isEqualTo(260_000);
        }

        @Test
        void saltsEveryHash() {
            assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
        }

        @Test
        void checksTheRightPasswordOnly() {
            PasswordHash hash = hasher.hash("s3cret");

            assertThat(hasher.matches("s3cret", hash)).isTrue();
            assertThat(hasher.matches("S3cret", hash)).isFalse();
            assertThat(hasher.matches("", hash)).isFalse();
        }

        @Test
        void verifiesWithTheIterationsOfTheStoredHash() {
            PasswordHash other = new PasswordHash(jdkPbkdf2Sha256("pw", "seasalt", 1234));

            assertThat(hasher.matches("pw", other)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "a$b"})
        void refusesASaltDjangoWouldRefuse(String salt) {
            assertThatIllegalArgumentException().isThrownBy(() -> hasher.hash("pw", salt));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, DjangoPbkdf2PasswordHasher.MAX_ITERATIONS + 1})
        void refusesAnImpossibleIterationCount(int iterations) {
            assertThatIllegalArgumentException().isThrownBy(() -> new DjangoPbkdf2PasswordHasher(iterations));
        }
    }

    @Nested
    class MalformedHashes {

        @ParameterizedTest
        @ValueSource(strings = {
            "pbkdf2_sha256",
            "pbkdf2_sha256$1000$seasalt",
            "pbkdf2_sha256$1000$seasalt$",
            "pbkdf2_sha256$$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$abc$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$0$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$-5$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$99999999999$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$10000001$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$1000$$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$1000$seasalt$!!!",
            "pbkdf2_sha256$1000$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswY=",
            "pbkdf2_sha256$1000$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=$",
            "pbkdf2_sha256$1000$sea$salt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha1$1000$seasalt$ftMWvEdczZQK5azuap2CQYKRjHLa1wOuMrfMiYEswYQ=",
            "pbkdf2_sha256$1000$seasalt$ZnRN",
            "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "!unusable-password"
        })
        void neverMatchAndAskForARehash(String encoded) {
            PasswordHash hash = new PasswordHash(encoded);

            assertThatCode(() -> assertThat(hasher.matches("password", hash)).isFalse()).doesNotThrowAnyException();
            assertThat(hasher.needsRehash(hash)).isTrue();
        }

        @Test
        void nullPasswordOrHashNeverMatches() {
            PasswordHash hash = hasher.hash("pw");

            assertThat(hasher.matches(null, hash)).isFalse();
            assertThat(hasher.matches("pw", null)).isFalse();
        }
    }

    @Nested
    class Rehash {

        @Test
        void notForAHashWithTheConfiguredIterationsAndAFullSalt() {
            assertThat(hasher.needsRehash(hasher.hash("pw"))).isFalse();
            assertThat(hasher.needsRehash(hasher.hash("pw", "0123456789abcdefghijkl"))).isFalse();
        }

        @Test
        void whenTheIterationsDifferEitherWay() {
            assertThat(hasher.needsRehash(new DjangoPbkdf2PasswordHasher(FAST - 1).hash("pw"))).isTrue();
            assertThat(hasher.needsRehash(new DjangoPbkdf2PasswordHasher(FAST + 1).hash("pw"))).isTrue();
        }

        @Test
        void whenTheSaltIsShorterThanDjangosEntropyRule() {
            assertThat(hasher.needsRehash(hasher.hash("pw", "seasalt"))).isTrue();
        }
    }

    @Test
    void decoyIsComputedOnceInTheCurrentFormat() {
        PasswordHash decoy = hasher.decoy();

        assertThat(hasher.decoy()).isSameAs(decoy);
        assertThat(hasher.needsRehash(decoy)).isFalse();
        assertThat(hasher.matches("", decoy)).isFalse();
    }
}
