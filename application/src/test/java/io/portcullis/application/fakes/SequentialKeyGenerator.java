package io.portcullis.application.fakes;

import io.portcullis.application.port.KeyGenerator;
import io.portcullis.domain.onetime.OneTimeKey;
import java.util.concurrent.atomic.AtomicInteger;

/** Predictable keys for tests ({@code key-1}, {@code key-2}, ...), so a test can type the link it expects. */
public final class SequentialKeyGenerator implements KeyGenerator {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public OneTimeKey newKey() {
        return new OneTimeKey("key-" + next.incrementAndGet());
    }

    /** How many keys were made so far: the last one is {@code key-<issued>}. */
    public int issued() {
        return next.get();
    }
}
