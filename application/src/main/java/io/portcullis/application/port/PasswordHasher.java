package io.portcullis.application.port;

import io.portcullis.domain.account.PasswordHash;

/** Turns passwords into slow, salted hashes and checks them. */
public interface PasswordHasher {

    PasswordHash hash(String password);

    /** Compares in constant time; false for a hash of an unknown format. */
    boolean matches(String password, PasswordHash hash);

    /** True when the hash should be replaced by one of the current algorithm and parameters. */
    boolean needsRehash(PasswordHash hash);

    /**
     * A hash of a random password in the current format. Checking a password against it costs
     * what checking a real account costs, so an unknown login is not told apart by its timing.
     */
    PasswordHash decoy();
}
