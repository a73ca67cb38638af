package io.portcullis.adapters.security.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format,
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding).
 * Also reads Django's form of it, the same string behind an {@code argon2} prefix.
 */
record Argon2Phc(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash, boolean djangoForm) {

    static final String PREFIX = "$argon2id$v=19$";
    static final String DJANGO_PREFIX = "argon2";

    // Stored hashes are trusted, but a corrupt one must not make a login allocate gigabytes.
    static final int MAX_MEMORY_KIB = 256 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;
    static final int MAX_LENGTH = 1024;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** Empty for anything that is not a well-formed Argon2id v1.3 hash within our limits. */
    static Optional<Argon2Phc> parse(String encoded, int maxMemoryKib) {
        boolean django = encoded.startsWith(DJANGO_PREFIX + "$");
        Matcher matcher = FORMAT.matcher(django ? encoded.substring(DJANGO_PREFIX.length()) : encoded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long memory = Long.parseLong(matcher.group(1));
        long iterations = Long.parseLong(matcher.group(2));
        long parallelism = Long.parseLong(matcher.group(3));
        if (parallelism < 1 || parallelism > MAX_PARALLELISM
                || memory < 8 * parallelism || memory > maxMemoryKib
                || iterations < 1 || iterations > MAX_ITERATIONS) {
            return Optional.empty();
        }
        try {
            byte[] salt = DECODER.decode(matcher.group(4));
            byte[] hash = DECODER.decode(matcher.group(5));
            if (salt.length < 8 || salt.length > MAX_LENGTH || hash.length < 4 || hash.length > MAX_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(new Argon2Phc((int) memory, (int) iterations, (int) parallelism, salt, hash, django));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String encode() {
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    boolean hasParameters(Argon2Settings settings) {
        return !djangoForm
                && memoryKib == settings.memoryKib()
                && iterations == settings.iterations()
                && parallelism == settings.parallelism()
                && salt.length == settings.saltLength()
                && hash.length == settings.hashLength();
    }

    @Override
    public String toString() {
        return "Argon2Phc[m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "]";
    }
}
