package io.portcullis.adapters.security.password;

import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (version 1.3) with Bouncy Castle, stored in the PHC string format that argon2-cffi,
 * libsodium and password4j also read and write. Verifies Django's {@code argon2$argon2id$...} too.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    public static final String ALGORITHM = "argon2id";

    private final Argon2Settings settings;
    private final int maxMemoryKib;
    private final SecureRandom random = new SecureRandom();
    private final Decoy decoy = new Decoy(this::hash);

    /** With {@link Argon2Settings#DEFAULTS}. */
    public Argon2idPasswordHasher() {
        this(Argon2Settings.DEFAULTS);
    }

    public Argon2idPasswordHasher(Argon2Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maxMemoryKib = Math.max(Argon2Phc.MAX_MEMORY_KIB, settings.memoryKib());
    }

    @Override
    public PasswordHash hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[settings.saltLength()];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, settings.memoryKib(), settings.iterations(),
                settings.parallelism(), settings.hashLength());
        return new PasswordHash(new Argon2Phc(settings.memoryKib(), settings.iterations(),
                settings.parallelism(), salt, hash, false).encode());
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        if (password == null || hash == null) {
            return false;
        }
        Optional<Argon2Phc> stored = Argon2Phc.parse(hash.encoded(), maxMemoryKib);
        if (stored.isEmpty()) {
            return false;
        }
        Argon2Phc phc = stored.get();
        byte[] candidate = derive(password, phc.salt(), phc.memoryKib(), phc.iterations(),
                phc.parallelism(), phc.hash().length);
        return MessageDigest.isEqual(candidate, phc.hash());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return Argon2Phc.parse(hash.encoded(), maxMemoryKib)
                .map(phc -> !phc.hasParameters(settings))
                .orElse(true);
    }

    @Override
    public PasswordHash decoy() {
        return decoy.get();
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[m=" + settings.memoryKib() + ",t=" + settings.iterations()
                + ",p=" + settings.parallelism() + "]";
    }
}
