package io.portcullis.adapters.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.portcullis.domain.account.PasswordHash;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {

    /** Cheap parameters, so the suite stays fast; the defaults are exercised separately. */
    static final Argon2Settings FAST = new Argon2Settings(64, 1, 1, 16, 32);

    // Made with argon2-cffi 21.1.0 (the library Django and most Python projects use):
    // argon2.low_level.hash_secret(b"correct horse battery staple", b"0123456789abcdef", time_cost=2,
    //     memory_cost=19456, parallelism=1, hash_len=32, type=Type.ID)
    static final PasswordHash ARGON2_CFFI_DEFAULTS = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0");

    // argon2-cffi 21.1.0: hash_secret("pässwörd".encode(), b"saltsaltsaltsalt", time_cost=1, memory_cost=64,
    //     parallelism=2, hash_len=32, type=Type.ID); a UTF-8 password and two lanes.
    static final PasswordHash ARGON2_CFFI_TWO_LANES = new PasswordHash(
            "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE");

    final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(FAST);

    @Nested
    class Hashing {

        @Test
        void writesThePhcStringWithTheDefaultParameters() {
            PasswordHash hash = new Argon2idPasswordHasher().hash("correct horse battery staple");

            assertThat(hash.encoded())
                    .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
            assertThat(hash.algorithm()).isEqualTo("argon2id");
            assertThat(new Argon2idPasswordHasher().matches("correct horse battery staple", hash)).isTrue();
        }

        @Test
        void writesTheConfiguredParameters() {
            PasswordHash hash = new Argon2idPasswordHasher(new Argon2Settings(128, 3, 2, 24, 40)).hash("pw");

            assertThat(hash.encoded())
                    .matches("\\$argon2id\\$v=19\\$m=128,t=3,p=2\\$[A-Za-z0-9+/]{32}\\$[A-Za-z0-9+/]{54}");
        }

        @Test
        void saltsEveryHash() {
            assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
        }

        @Test
        void checksTheRightPasswordOnly() {
            PasswordHash hash = hasher.hash("s3cret-Passw0rd");

            assertThat(hasher.matches("s3cret-Passw0rd", hash)).isTrue();
            assertThat(hasher.matches("s3cret-passw0rd", hash)).isFalse();
            assertThat(hasher.matches("s3cret-Passw0rd ", hash)).isFalse();
            assertThat(hasher.matches("", hash)).isFalse();
        }

        @Test
        void handlesEmptyAndUnicodePasswords() {
            assertThat(hasher.matches("", hasher.hash(""))).isTrue();
            PasswordHash unicode = hasher.hash("pässwörd 🔑");
            assertThat(hasher.matches("pässwörd 🔑", unicode)).isTrue();
            assertThat(hasher.matches("passwort 🔑", unicode)).isFalse();
        }

        @Test
        void refusesToHashNull() {
            assertThatNullPointerException().isThrownBy(() -> hasher.hash(null));
        }

        @Test
        void neverShowsTheHashInToString() {
            PasswordHash hash = hasher.hash("pw");

            assertThat(hasher.toString()).doesNotContain(hash.encoded().substring(30));
            assertThat(hash.toString()).isEqualTo("PasswordHash[argon2id]");
        }
    }

    @Nested
    class Interoperability {

        @Test
        void verifiesAHashMadeByArgon2Cffi() {
            Argon2idPasswordHasher defaults = new Argon2idPasswordHasher();

            assertThat(defaults.matches("correct horse battery staple", ARGON2_CFFI_DEFAULTS)).isTrue();
            assertThat(defaults.matches("correct horse battery stapler", ARGON2_CFFI_DEFAULTS)).isFalse();
            assertThat(defaults.needsRehash(ARGON2_CFFI_DEFAULTS)).isFalse();
        }

        @Test
        void verifiesWithTheParametersOfTheStoredHash() {
            assertThat(hasher.matches("pässwörd", ARGON2_CFFI_TWO_LANES)).isTrue();
            assertThat(hasher.matches("passwörd", ARGON2_CFFI_TWO_LANES)).isFalse();
            assertThat(hasher.needsRehash(ARGON2_CFFI_TWO_LANES)).isTrue();
        }
    }

    @Nested
    class MalformedHashes {

        @ParameterizedTest
        @ValueSource(strings = {
            "argon2id",
            "$argon2id$",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$",
            "$argon2id$v=19$m=64,t=1,p=1$$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE$",
            "$argon2i$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2d$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=16$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$t=1,m=64,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=1,p=2,keyid=x$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=0,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=15,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=1,p=0$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=9999999999,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=100000,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=65536,t=1,p=1000$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=-64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=1,p=2$c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$Zm",
            "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdAA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA==$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRz-WxsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            " $argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "django$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$ZmJq50dJU8aSfxMt6Qb5E5QOENFXInKYGY3Wi3dzTPE",
            "pbkdf2_sha256$1000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "!unusable-password"
        })
        void neverMatchAndAskForARehash(String encoded) {
            PasswordHash hash = new PasswordHash(encoded);

            assertThatCode(() -> assertThat(hasher.matches("pässwörd", hash)).isFalse()).doesNotThrowAnyException();
            assertThat(hasher.needsRehash(hash)).isTrue();
        }

        @Test
        void nullPasswordOrHashNeverMatches() {
            assertThat(hasher.matches(null, ARGON2_CFFI_TWO_LANES)).isFalse();
            assertThat(hasher.matches("pässwörd", null)).isFalse();
        }
    }

    @Nested
    class Rehash {

        @Test
        void notForAHashWithTheConfiguredParameters() {
            assertThat(hasher.needsRehash(hasher.hash("pw"))).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"128, 1, 1, 16, 32", "64, 2, 1, 16, 32", "64, 1, 2, 16, 32", "64, 1, 1, 24, 32", "64, 1, 1, 16, 64"})
        void whenAnyParameterDiffers(int memory, int iterations, int parallelism, int salt, int length) {
            PasswordHash other = new Argon2idPasswordHasher(
                    new Argon2Settings(memory, iterations, parallelism, salt, length)).hash("pw");

            assertThat(hasher.needsRehash(other)).isTrue();
            assertThat(hasher.matches("pw", other)).isTrue();
        }
    }

    @Nested
    class DecoyHash {

        @Test
        void isComputedOnceWithTheConfiguredParameters() {
            PasswordHash decoy = hasher.decoy();

            assertThat(hasher.decoy()).isSameAs(decoy);
            assertThat(decoy.algorithm()).isEqualTo("argon2id");
            assertThat(hasher.needsRehash(decoy)).isFalse();
            assertThat(hasher.matches("", decoy)).isFalse();
        }
    }

    @Nested
    class Settings {

        @Test
        void defaultsAreOwaspsMinimum() {
            assertThat(Argon2Settings.DEFAULTS).isEqualTo(new Argon2Settings(19_456, 2, 1, 16, 32));
        }

        @ParameterizedTest
        @CsvSource({
            "7, 1, 1, 16, 32", "15, 1, 2, 16, 32", "64, 0, 1, 16, 32", "64, 1, 0, 16, 32",
            "64, 1, 1, 15, 32", "64, 1, 1, 16, 15", "64, 65, 1, 16, 32", "1024, 1, 65, 16, 32"
        })
        void refuseUnsafeOrImpossibleValues(int memory, int iterations, int parallelism, int salt, int length) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Argon2Settings(memory, iterations, parallelism, salt, length));
        }
    }
}
