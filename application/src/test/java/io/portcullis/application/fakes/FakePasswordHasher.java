package io.portcullis.application.fakes;

import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reversible "hash" for use-case tests: {@code fake$<password>}. Hashes with another prefix
 * count as outdated, so tests can exercise the upgrade at login. Counts the hashes and checks it
 * makes, so tests can tell that two paths cost the same work.
 */
public final class FakePasswordHasher implements PasswordHasher {

    private static final String PREFIX = "fake$";
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger hashes = new AtomicInteger();

    @Override
    public PasswordHash hash(String password) {
        hashes.incrementAndGet();
        return new PasswordHash(PREFIX + password);
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        checks.incrementAndGet();
        String encoded = hash.encoded();
        int separator = encoded.indexOf('$');
        return separator > 0 && encoded.substring(separator + 1).equals(password);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith(PREFIX);
    }

    @Override
    public PasswordHash decoy() {
        return new PasswordHash(PREFIX + "decoy-that-no-one-types");
    }

    /** An outdated hash of {@code password}, as an import from another system would carry. */
    public static PasswordHash legacyHash(String password) {
        return new PasswordHash("legacy$" + password);
    }

    public int checks() {
        return checks.get();
    }

    public int hashes() {
        return hashes.get();
    }
}
