package io.portcullis.adapters.security.password;

import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Django's default hasher, {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}: PBKDF2-HMAC-SHA256,
 * 32-byte output, the salt used as its literal text. Lets accounts imported from Django log in.
 */
public final class DjangoPbkdf2PasswordHasher implements PasswordHasher {

    public static final String ALGORITHM = "pbkdf2_sha256";

    /** Django 3.2's count. Newer Django uses more (600000 in 4.2, 1000000 in 5.2). */
    public static final int DEFAULT_ITERATIONS = 260_000;

    // Bounds a corrupt stored hash; Django 5.2 uses 1000000.
    static final int MAX_ITERATIONS = 10_000_000;

    // Django's salt: 22 alphanumerics, about 131 bits; a shorter one asks for a rehash, as Django does.
    private static final int SALT_LENGTH = 22;
    private static final String SALT_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int HASH_BYTES = 32;
    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2_sha256\\$(\\d{1,10})\\$([^$]{1,255})\\$([A-Za-z0-9+/]+={0,2})");

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final Decoy decoy = new Decoy(this::hash);

    /** With {@link #DEFAULT_ITERATIONS}. */
    public DjangoPbkdf2PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public DjangoPbkdf2PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("pbkdf2 iterations must be 1 to " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    @Override
    public PasswordHash hash(String password) {
        Objects.requireNonNull(password, "password");
        return hash(password, randomSalt());
    }

    /** With a given salt, as Django's {@code make_password(password, salt)}; for tests and migrations. */
    PasswordHash hash(String password, String salt) {
        if (salt.isEmpty() || salt.indexOf('$') >= 0) {
            throw new IllegalArgumentException("a pbkdf2 salt is non-empty and has no '$'");
        }
        byte[] digest = derive(password, salt, iterations);
        return new PasswordHash(ALGORITHM + "$" + iterations + "$" + salt + "$"
                + Base64.getEncoder().encodeToString(digest));
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        if (password == null || hash == null) {
            return false;
        }
        Matcher matcher = FORMAT.matcher(hash.encoded());
        if (!matcher.matches()) {
            return false;
        }
        long storedIterations = Long.parseLong(matcher.group(1));
        if (storedIterations < 1 || storedIterations > MAX_ITERATIONS) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(matcher.group(3));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] candidate = derive(password, matcher.group(2), (int) storedIterations);
        return MessageDigest.isEqual(candidate, expected);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        Matcher matcher = FORMAT.matcher(hash.encoded());
        return !matcher.matches()
                || Long.parseLong(matcher.group(1)) != iterations
                || matcher.group(2).length() < SALT_LENGTH;
    }

    @Override
    public PasswordHash decoy() {
        return decoy.get();
    }

    private static byte[] derive(String password, String salt, int iterations) {
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(passwordBytes, salt.getBytes(StandardCharsets.UTF_8), iterations);
            return ((KeyParameter) generator.generateDerivedMacParameters(HASH_BYTES * 8)).getKey();
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    private String randomSalt() {
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
        }
        return salt.toString();
    }

    @Override
    public String toString() {
        return "DjangoPbkdf2PasswordHasher[iterations=" + iterations + "]";
    }
}
