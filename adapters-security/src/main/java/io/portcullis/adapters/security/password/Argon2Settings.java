package io.portcullis.adapters.security.password;

/**
 * Argon2id cost parameters for new hashes.
 *
 * @param memoryKib memory per hash in KiB ({@code m})
 * @param iterations passes over memory ({@code t})
 * @param parallelism lanes ({@code p})
 * @param saltLength random salt bytes
 * @param hashLength output bytes
 */
public record Argon2Settings(int memoryKib, int iterations, int parallelism, int saltLength, int hashLength) {

    /** OWASP's minimum recommendation for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final Argon2Settings DEFAULTS = new Argon2Settings(19_456, 2, 1, 16, 32);

    public Argon2Settings {
        if (parallelism < 1 || parallelism > Argon2Phc.MAX_PARALLELISM) {
            throw new IllegalArgumentException("argon2 parallelism must be 1 to " + Argon2Phc.MAX_PARALLELISM);
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("argon2 memory must be at least 8 KiB per lane");
        }
        if (iterations < 1 || iterations > Argon2Phc.MAX_ITERATIONS) {
            throw new IllegalArgumentException("argon2 iterations must be 1 to " + Argon2Phc.MAX_ITERATIONS);
        }
        if (saltLength < 16 || saltLength > Argon2Phc.MAX_LENGTH) {
            throw new IllegalArgumentException("argon2 salt length must be 16 to " + Argon2Phc.MAX_LENGTH + " bytes");
        }
        if (hashLength < 16 || hashLength > Argon2Phc.MAX_LENGTH) {
            throw new IllegalArgumentException("argon2 hash length must be 16 to " + Argon2Phc.MAX_LENGTH + " bytes");
        }
    }
}
