package io.portcullis.adapters.security.random;

import io.portcullis.application.port.KeyGenerator;
import io.portcullis.domain.onetime.OneTimeKey;
import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit keys from {@link SecureRandom}, written in URL-safe base64 so they travel in links as they are. */
public final class SecureRandomKeyGenerator implements KeyGenerator {

    private static final int BYTES = 32;

    private final SecureRandom random;

    public SecureRandomKeyGenerator() {
        this(new SecureRandom());
    }

    public SecureRandomKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public OneTimeKey newKey() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new OneTimeKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
