package io.portcullis.adapters.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.security.jwt.KeyDirectory.KeyDirectoryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key directory: generated keys and their files, keys written by openssl, refused files,
 * rotation and retirement. The PEM files under {@code src/test/resources/keys} are throwaway keys
 * made with openssl for these tests only.
 */
class KeyDirectoryTest {

    static final Instant START = Instant.parse("2026-11-29T03:32:18Z");
    static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path root;

    final TestClock clock = new TestClock(START);

    Path keys() {
        return root.resolve("keys");
    }

    KeyDirectory open(JwsAlgorithm algorithm, boolean generate, Optional<Duration> rotation) {
        return KeyDirectory.open(algorithm, new KeyDirectorySettings(keys(), generate, rotation, DAY), clock);
    }

    static String resource(String name) {
        try (InputStream in = KeyDirectoryTest.class.getResourceAsStream("/keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(keys())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jwks(KeyDirectory directory) {
        return (List<Map<String, Object>>) directory.jwkSet().get("keys");
    }

    @Test
    void generatesAndStoresAKeyOnFirstStartReadableByItsOwnerOnly() throws IOException {
        KeyDirectory directory = open(JwsAlgorithm.RS256, true, Optional.empty());

        String kid = directory.signingKey().kid();
        assertThat(kid).matches("20261129T033218Z-[0-9a-f]{8}");
        assertThat(files()).containsExactly(kid + ".pem");
        assertThat(Files.readString(keys().resolve(kid + ".pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys().resolve(kid + ".pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys()))).isEqualTo("rwx------");
    }

    @Test
    void aSecondStartUsesTheStoredKey() throws IOException {
        String first = open(JwsAlgorithm.ES256, true, Optional.empty()).signingKey().kid();
        clock.advance(DAY);

        KeyDirectory again = open(JwsAlgorithm.ES256, true, Optional.empty());

        assertThat(again.signingKey().kid()).isEqualTo(first);
        assertThat(files()).hasSize(1);
    }

    @Test
    void publishesThePublicPartsOnly() {
        KeyDirectory rsa = open(JwsAlgorithm.RS256, true, Optional.empty());
        Map<String, Object> jwk = jwks(rsa).getFirst();

        assertThat(jwk).containsOnlyKeys("kty", "use", "alg", "kid", "n", "e");
        assertThat(jwk).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                .containsEntry("kid", rsa.signingKey().kid()).containsEntry("e", "AQAB");
        assertThat((String) jwk.get("n")).hasSize(342); // 2048 bits, base64url without padding
    }

    @Test
    void refusesAnEmptyDirectoryWhenKeysMayNotBeGenerated() {
        assertThatThrownBy(() -> open(JwsAlgorithm.ES256, false, Optional.empty()))
                .isInstanceOf(KeyDirectoryException.class)
                .hasMessageContaining("holds no private key for ES256")
                .hasMessageContaining("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256")
                .hasMessageContaining("jwt.generate-keys=true");
    }

    @Test
    void readsAKeyWrittenByOpensslAndNamesItByItsFile() throws Exception {
        Files.createDirectories(keys());
        Files.writeString(keys().resolve("prod-2026.pem"), resource("openssl-p256.pem"));

        KeyDirectory directory = open(JwsAlgorithm.ES256, false, Optional.empty());

        assertThat(directory.signingKey().kid()).isEqualTo("prod-2026");
        // The public point derived from the private scalar is openssl's own.
        byte[] opensslPublic = Pem.read(resource("openssl-p256.pub.pem")).getFirst().der();
        assertThat(directory.signingKey().material().publicKey())
                .isEqualTo(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(opensslPublic)));
        assertThat(jwks(directory).getFirst()).containsOnlyKeys("kty", "use", "alg", "kid", "crv", "x", "y")
                .containsEntry("crv", "P-256");
        assertThat((String) jwks(directory).getFirst().get("x")).hasSize(43);
    }

    @Test
    void aPublicKeyAloneVerifiesButNeverSigns() throws IOException {
        Files.createDirectories(keys());
        Files.writeString(keys().resolve("partner.pem"), resource("openssl-p256.pub.pem"));
        clock.advance(DAY);

        KeyDirectory directory = open(JwsAlgorithm.ES256, true, Optional.empty());

        assertThat(directory.signingKey().kid()).isNotEqualTo("partner");
        assertThat(directory.verifyingKey("partner", clock.instant())).isPresent();
        assertThat(jwks(directory)).extracting(k -> k.get("kid")).contains("partner");
    }

    @Test
    void namesEveryUnusableFileAndWhatIsWrongWithIt() throws IOException {
        Files.createDirectories(keys());
        Files.writeString(keys().resolve("small.pem"), resource("openssl-rsa1024.pem"));
        Files.writeString(keys().resolve("legacy.pem"), resource("openssl-pkcs1.pem"));
        Files.writeString(keys().resolve("curve.pem"), resource("openssl-p256.pem"));
        Files.writeString(keys().resolve("bad name.pem"), resource("openssl-p256.pem"));
        Files.writeString(keys().resolve("README.txt"), "not a key file, ignored");

        assertThatThrownBy(() -> open(JwsAlgorithm.RS256, true, Optional.empty()))
                .isInstanceOf(KeyDirectoryException.class)
                .hasMessageContaining("small.pem holds an RSA key of 1024 bits; at least 2048 are needed")
                .hasMessageContaining("legacy.pem holds a RSA PRIVATE KEY block")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt")
                .hasMessageContaining("curve.pem holds no RSA private key in PKCS#8 form, which RS256 needs")
                .hasMessageContaining("bad name.pem: a key file is named <key id>.pem")
                .hasMessageNotContaining("README")
                .hasMessageNotContaining("MII");
    }

    @Test
    void refusesAKeyOnAnotherCurve() throws IOException {
        Files.createDirectories(keys());
        Files.writeString(keys().resolve("p384.pem"), resource("openssl-p384.pem"));

        assertThatThrownBy(() -> open(JwsAlgorithm.ES256, true, Optional.empty()))
                .hasMessageContaining("p384.pem holds an EC key on another curve than P-256, which ES256 needs");
    }

    @Test
    void aNewerKeyAddedByAnOperatorSignsAfterTheNextReading() throws IOException {
        KeyDirectory directory = open(JwsAlgorithm.ES256, false, Optional.empty(), "old-key", START);
        clock.advance(DAY);
        Path added = keys().resolve("new-key.pem");
        Files.writeString(added, KeyMaterial.generate(JwsAlgorithm.ES256, new java.security.SecureRandom()).privatePem());
        Files.setLastModifiedTime(added, FileTime.from(clock.instant()));

        directory.refresh();

        assertThat(directory.signingKey().kid()).isEqualTo("new-key");
        assertThat(jwks(directory)).extracting(k -> k.get("kid")).containsExactly("new-key", "old-key");
    }

    @Test
    void rotatesWhenTheSigningKeyIsDueAndRetiresTheOldOneOnceItsTokensHaveExpired() {
        KeyDirectory directory = open(JwsAlgorithm.RS256, true, Optional.of(Duration.ofDays(30)));
        String first = directory.signingKey().kid();

        clock.advance(Duration.ofDays(29));
        directory.refresh();
        assertThat(directory.signingKey().kid()).isEqualTo(first);

        clock.advance(DAY);
        directory.refresh();
        String second = directory.signingKey().kid();
        assertThat(second).isNotEqualTo(first).matches("20261229T033218Z-[0-9a-f]{8}");
        assertThat(jwks(directory)).extracting(k -> k.get("kid")).containsExactly(second, first);

        // The old key verifies for the token lifetime (a day here) and the margin, then no longer.
        clock.advance(DAY.plus(KeyDirectory.RETIREMENT_MARGIN).minusSeconds(1));
        directory.refresh();
        assertThat(directory.verifyingKey(first, clock.instant())).isPresent();

        clock.advance(Duration.ofSeconds(1));
        directory.refresh();
        assertThat(directory.verifyingKey(first, clock.instant())).isEmpty();
        assertThat(jwks(directory)).extracting(k -> k.get("kid")).containsExactly(second);
    }

    @Test
    void findsAKeyAnotherInstanceMadeWhenATokenNamesIt() {
        KeyDirectory mine = open(JwsAlgorithm.ES256, true, Optional.of(Duration.ofDays(30)));
        clock.advance(Duration.ofDays(31));
        KeyDirectory theirs = open(JwsAlgorithm.ES256, true, Optional.of(Duration.ofDays(30)));
        String theirKey = theirs.signingKey().kid();

        assertThat(mine.verifyingKey(theirKey, clock.instant())).isPresent();
        assertThat(mine.signingKey().kid()).isEqualTo(theirKey);
    }

    @Test
    void readsTheDirectoryAgainForAnUnknownKeyAtMostEveryTenSeconds() throws IOException {
        KeyDirectory directory = open(JwsAlgorithm.ES256, true, Optional.empty());
        Files.writeString(keys().resolve("late.pem"), resource("openssl-p256.pub.pem"));

        assertThat(directory.verifyingKey("late", clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(directory.verifyingKey("late", clock.instant())).isPresent();
    }

    @Test
    void aBrokenFileLaterKeepsTheKeysInUse() throws IOException {
        KeyDirectory directory = open(JwsAlgorithm.ES256, true, Optional.empty());
        String kid = directory.signingKey().kid();
        Files.writeString(keys().resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(directory::refresh).isInstanceOf(KeyDirectoryException.class)
                .hasMessageContaining("broken.pem");
        assertThat(directory.signingKey().kid()).isEqualTo(kid);
        assertThat(directory.verifyingKey("unknown", clock.instant().plusSeconds(60))).isEmpty();
    }

    private KeyDirectory open(JwsAlgorithm algorithm, boolean generate, Optional<Duration> rotation, String kid,
            Instant created) {
        try {
            Files.createDirectories(keys());
            Path file = keys().resolve(kid + ".pem");
            Files.writeString(file, KeyMaterial.generate(algorithm, new java.security.SecureRandom()).privatePem());
            Files.setLastModifiedTime(file, FileTime.from(created));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return open(algorithm, generate, rotation);
    }
}
