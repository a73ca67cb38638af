package io.portcullis.adapters.security.jwt;

import com.auth0.jwt.algorithms.Algorithm;
import io.portcullis.application.port.PublishedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asymmetric signing keys: PEM files in one directory, each named by its key id
 * ({@code <kid>.pem}). A private key signs and verifies; a public key alone only verifies.
 *
 * <ul>
 *   <li>The newest private key signs; every token names it in its {@code kid} header.
 *   <li>A key's age comes from its name when Portcullis made it ({@code 20261129T033218Z-1a2b3c4d})
 *       and from the file's modification time otherwise.
 *   <li>With no private key in the directory, one is generated and written, readable by its owner
 *       only; with a rotation interval, a new one is generated when the signing key has signed that
 *       long.
 *   <li>A key that stopped signing still verifies, and is still published, until every token it can
 *       have signed has expired: the token lifetime after the newer key appeared, plus a margin.
 *   <li>{@link #refresh()} reads the directory again (the composition root calls it every minute), so
 *       keys added by an operator or by another instance sharing the directory are picked up; a token
 *       naming an unknown key makes the directory be read again at once, at most every 10 seconds.
 * </ul>
 */
public final class KeyDirectory implements PublishedKeys {

    private static final Logger LOG = LoggerFactory.getLogger(KeyDirectory.class);

    static final Duration RELOAD_ON_UNKNOWN_KID_AFTER = Duration.ofSeconds(10);
    /** Extra life of a retired key, for instances that picked up its successor late. */
    static final Duration RETIREMENT_MARGIN = Duration.ofMinutes(10);
    private static final String SUFFIX = ".pem";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern GENERATED = Pattern.compile("(\\d{8}T\\d{6}Z)-[0-9a-f]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** One key as loaded. */
    record Key(String kid, Instant created, KeyMaterial material, Algorithm algorithm, Map<String, Object> jwk) {

        boolean signs() {
            return material.privateKey().isPresent();
        }
    }

    /** What the directory held at the last reading: the signing key and every key that still verifies. */
    record Ring(Key signing, List<Key> verifying, Map<String, Key> byKid) {}

    /** The directory or a file in it cannot be used; the message names it and says what to do. */
    public static final class KeyDirectoryException extends RuntimeException {
        KeyDirectoryException(String message) {
            super(message);
        }

        KeyDirectoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final JwsAlgorithm algorithm;
    private final KeyDirectorySettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final AtomicReference<Ring> ring = new AtomicReference<>();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private volatile Instant lastReading = Instant.MIN;

    private KeyDirectory(JwsAlgorithm algorithm, KeyDirectorySettings settings, Clock clock, SecureRandom random) {
        this.algorithm = algorithm;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Reads the directory, creating it and a first key when allowed.
     *
     * @throws KeyDirectoryException when the directory cannot be used, a key file is unusable, or no
     *     private key is there and none may be generated
     */
    public static KeyDirectory open(JwsAlgorithm algorithm, KeyDirectorySettings settings, Clock clock) {
        return open(algorithm, settings, clock, new SecureRandom());
    }

    static KeyDirectory open(JwsAlgorithm algorithm, KeyDirectorySettings settings, Clock clock, SecureRandom random) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.asymmetric()) {
            throw new IllegalArgumentException(algorithm + " signs with a shared secret, not with a key directory");
        }
        var directory = new KeyDirectory(algorithm, Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"), random);
        directory.refresh();
        return directory;
    }

    /**
     * Reads the directory again, generating a key when none can sign or a rotation is due, and
     * swaps the keys in use. Thread-safe; requests go on with the previous keys meanwhile.
     *
     * @throws KeyDirectoryException when the directory or a key file cannot be used; the keys in
     *     use stay as they were
     */
    public synchronized void refresh() {
        Instant now = clock.instant();
        lastReading = now;
        List<Key> keys = readAll();
        List<Key> signers = keys.stream().filter(Key::signs).toList();
        if (signers.isEmpty()) {
            if (!settings.generate()) {
                throw new KeyDirectoryException(settings.directory().toAbsolutePath() + " holds no private key for "
                        + algorithm + ": put a PKCS#8 PEM file named <key id>.pem there (openssl genpkey "
                        + opensslOptions() + " -out <key id>.pem) or set jwt.generate-keys=true");
            }
            keys = append(keys, generate(now, "no private key was there"));
        } else if (settings.rotationInterval().isPresent()
                && !now.isBefore(signers.getLast().created().plus(settings.rotationInterval().get()))) {
            keys = append(keys, generate(now, "key " + signers.getLast().kid() + " has signed for "
                    + settings.rotationInterval().get()));
        }
        ring.set(ringOf(keys, now));
    }

    /** The key new tokens are signed with. */
    Key signingKey() {
        return ring.get().signing();
    }

    /**
     * The key a token names, if it still verifies. A name not known reads the directory again first,
     * at most once every {@link #RELOAD_ON_UNKNOWN_KID_AFTER}, so that a key another instance has just
     * made is found.
     */
    Optional<Key> verifyingKey(String kid, Instant now) {
        Key key = ring.get().byKid().get(kid);
        if (key != null || !KID.matcher(kid).matches() || now.isBefore(lastReading.plus(RELOAD_ON_UNKNOWN_KID_AFTER))) {
            return Optional.ofNullable(key);
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Reading the key directory again failed; the keys in use stay: {}", e.getMessage());
        }
        return Optional.ofNullable(ring.get().byKid().get(kid));
    }

    @Override
    public Map<String, Object> jwkSet() {
        return Map.of("keys", ring.get().verifying().stream().map(Key::jwk).toList());
    }

    JwsAlgorithm algorithm() {
        return algorithm;
    }

    // ---------------------------------------------------------------- reading

    private List<Key> readAll() {
        Path directory = settings.directory();
        try {
            if (!Files.isDirectory(directory)) {
                createOwnerOnly(directory);
            }
        } catch (IOException e) {
            throw new KeyDirectoryException("cannot create the key directory " + directory.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        var keys = new ArrayList<Key>();
        var problems = new ArrayList<String>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(SUFFIX) || name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                String kid = name.substring(0, name.length() - SUFFIX.length());
                if (!KID.matcher(kid).matches()) {
                    problems.add(name + ": a key file is named <key id>.pem, the key id being 1 to 64 letters, digits,"
                            + " '.', '_' or '-'");
                    continue;
                }
                try {
                    keys.add(read(file, kid));
                } catch (KeyMaterial.UnusableKeyException e) {
                    problems.add(name + " " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new KeyDirectoryException("cannot read the key directory " + directory.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new KeyDirectoryException("unusable key file(s) in " + directory.toAbsolutePath() + ": "
                    + String.join("; ", problems));
        }
        keys.sort(Comparator.comparing(Key::created).thenComparing(Key::kid));
        return keys;
    }

    private Key read(Path file, String kid) throws KeyMaterial.UnusableKeyException {
        String text;
        Instant modified;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new KeyDirectoryException("cannot read the key file " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
        KeyMaterial material = KeyMaterial.fromPem(algorithm, text);
        if (material.privateKey().isPresent()) {
            warnWhenOthersMayRead(file, kid);
        }
        return key(kid, createdFromName(kid).orElse(modified), material);
    }

    private Key key(String kid, Instant created, KeyMaterial material) {
        return new Key(kid, created, material, material.jwtAlgorithm(), Map.copyOf(material.jwk(kid)));
    }

    static Optional<Instant> createdFromName(String kid) {
        Matcher matcher = GENERATED.matcher(kid);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(matcher.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The newest private key signs; the other keys verify until the token lifetime (and a margin) has
     * passed since a newer private key appeared, when no token they signed can still be valid.
     */
    private Ring ringOf(List<Key> keys, Instant now) {
        List<Key> signers = keys.stream().filter(Key::signs).toList();
        Key signing = signers.getLast();
        var verifying = new ArrayList<Key>();
        verifying.add(signing);
        for (Key key : keys.reversed()) {
            if (key == signing) {
                continue;
            }
            Optional<Instant> successor = signers.stream()
                    .filter(s -> s.created().isAfter(key.created())
                            || (s.created().equals(key.created()) && s.kid().compareTo(key.kid()) > 0))
                    .map(Key::created)
                    .findFirst();
            Optional<Instant> retiredAt = successor.map(at -> at.plus(settings.tokenLifetime()).plus(RETIREMENT_MARGIN));
            if (retiredAt.isPresent() && !now.isBefore(retiredAt.get())) {
                if (announced.add("retired " + key.kid())) {
                    LOG.info("Signing key {} no longer verifies: every token it signed expired by {}; its file may be"
                            + " deleted", key.kid(), retiredAt.get());
                }
                continue;
            }
            verifying.add(key);
        }
        if (announced.add("signing " + signing.kid())) {
            LOG.info("Tokens are signed with {} key {}; {} key(s) verify", algorithm, signing.kid(), verifying.size());
        }
        var byKid = new LinkedHashMap<String, Key>();
        verifying.forEach(key -> byKid.put(key.kid(), key));
        return new Ring(signing, List.copyOf(verifying), Map.copyOf(byKid));
    }

    // ---------------------------------------------------------------- writing

    private Key generate(Instant now, String why) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String kid = STAMP.format(now.atOffset(ZoneOffset.UTC)) + "-" + HexFormat.of().formatHex(suffix);
        KeyMaterial material = KeyMaterial.generate(algorithm, random);
        Path file = settings.directory().resolve(kid + SUFFIX);
        try {
            writeOwnerOnly(file, material.privatePem());
        } catch (IOException e) {
            throw new KeyDirectoryException("cannot write the new key file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("Generated {} signing key {} in {} ({})", algorithm, kid, settings.directory().toAbsolutePath(), why);
        return key(kid, createdFromName(kid).orElse(now), material);
    }

    /** Written under a temporary name with owner-only permissions, then moved into place at once. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path directory = file.getParent();
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, ".key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            temporary = Files.createTempFile(directory, ".key-", ".tmp");
        }
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        FileAttribute<?>[] attributes = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                : new FileAttribute<?>[0];
        Files.createDirectories(directory, attributes);
    }

    private void warnWhenOthersMayRead(Path file, String kid) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            boolean open = permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
            if (open && announced.add("open " + kid)) {
                LOG.warn("The private key file {} may be read by others than its owner ({}); chmod 600 it",
                        file.toAbsolutePath(), PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // No POSIX permissions on this file system: nothing to check.
        }
    }

    private static List<Key> append(List<Key> keys, Key key) {
        var all = new ArrayList<>(keys);
        all.add(key);
        all.sort(Comparator.comparing(Key::created).thenComparing(Key::kid));
        return all;
    }

    private String opensslOptions() {
        return algorithm.family() == JwsAlgorithm.Family.RSA
                ? "-algorithm RSA -pkeyopt rsa_keygen_bits:" + algorithm.keyBits()
                : "-algorithm EC -pkeyopt ec_paramgen_curve:" + algorithm.curve();
    }

    @Override
    public String toString() {
        return "KeyDirectory[" + algorithm + ", " + settings.directory() + "]";
    }
}
