package io.portcullis.adapters.security.password;

import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.util.Map;
import java.util.Objects;

/**
 * Hashes with one default hasher and verifies every known format, chosen by the hash's algorithm
 * prefix ({@link PasswordHash#algorithm()}), so that old hashes keep working and get upgraded on the
 * next successful login ({@link #needsRehash}).
 */
public final class DelegatingPasswordHasher implements PasswordHasher {

    private final String defaultAlgorithm;
    private final PasswordHasher defaultHasher;
    private final Map<String, PasswordHasher> byAlgorithm;

    /**
     * @param defaultAlgorithm the key of the hasher for new hashes; its hashes must carry this prefix
     * @param byAlgorithm hashers by the algorithm prefix of the hashes they read
     */
    public DelegatingPasswordHasher(String defaultAlgorithm, Map<String, PasswordHasher> byAlgorithm) {
        this.defaultAlgorithm = Objects.requireNonNull(defaultAlgorithm, "defaultAlgorithm");
        this.byAlgorithm = Map.copyOf(byAlgorithm);
        this.defaultHasher = this.byAlgorithm.get(defaultAlgorithm);
        if (defaultHasher == null) {
            throw new IllegalArgumentException("unknown password hasher " + defaultAlgorithm + "; known: "
                    + this.byAlgorithm.keySet().stream().sorted().toList());
        }
    }

    /** Argon2id and Django PBKDF2 with their default costs; new hashes use {@code defaultAlgorithm}. */
    public static DelegatingPasswordHasher standard(String defaultAlgorithm) {
        return standard(defaultAlgorithm, Argon2Settings.DEFAULTS, DjangoPbkdf2PasswordHasher.DEFAULT_ITERATIONS);
    }

    /**
     * Argon2id (also in Django's {@code argon2$} form) and Django PBKDF2.
     *
     * @param defaultAlgorithm {@code argon2id} or {@code pbkdf2_sha256}
     */
    public static DelegatingPasswordHasher standard(String defaultAlgorithm, Argon2Settings argon2,
            int pbkdf2Iterations) {
        if (!Argon2idPasswordHasher.ALGORITHM.equals(defaultAlgorithm)
                && !DjangoPbkdf2PasswordHasher.ALGORITHM.equals(defaultAlgorithm)) {
            throw new IllegalArgumentException("unknown password hasher " + defaultAlgorithm + "; known: ["
                    + Argon2idPasswordHasher.ALGORITHM + ", " + DjangoPbkdf2PasswordHasher.ALGORITHM + "]");
        }
        PasswordHasher argon2id = new Argon2idPasswordHasher(argon2);
        return new DelegatingPasswordHasher(defaultAlgorithm, Map.of(
                Argon2idPasswordHasher.ALGORITHM, argon2id,
                Argon2Phc.DJANGO_PREFIX, argon2id,
                DjangoPbkdf2PasswordHasher.ALGORITHM, new DjangoPbkdf2PasswordHasher(pbkdf2Iterations)));
    }

    @Override
    public PasswordHash hash(String password) {
        return defaultHasher.hash(password);
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        if (hash == null || !hash.usable()) {
            // Django's unusable password ("!..."): no password matches it, whatever a hasher might parse.
            return false;
        }
        PasswordHasher hasher = byAlgorithm.get(hash.algorithm());
        return hasher != null && hasher.matches(password, hash);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !defaultAlgorithm.equals(hash.algorithm()) || defaultHasher.needsRehash(hash);
    }

    /** The default hasher's decoy, so an unknown user costs what a real one does. */
    @Override
    public PasswordHash decoy() {
        return defaultHasher.decoy();
    }

    @Override
    public String toString() {
        return "DelegatingPasswordHasher[default=" + defaultAlgorithm + "]";
    }
}
