package io.portcullis.adapters.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.port.CapacityExceededException;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** A hasher that holds every call until released, and tells when a call has started. */
    static class GatedHasher implements PasswordHasher {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<String> lastThread = new AtomicReference<>();

        private void gate() {
            lastThread.set(Thread.currentThread().getName());
            started.countDown();
            try {
                if (!release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }

        @Override
        public PasswordHash hash(String password) {
            gate();
            return new PasswordHash("plain$" + password);
        }

        @Override
        public boolean matches(String password, PasswordHash hash) {
            gate();
            return hash.encoded().equals("plain$" + password);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            lastThread.set(Thread.currentThread().getName());
            return false;
        }

        @Override
        public PasswordHash decoy() {
            lastThread.set(Thread.currentThread().getName());
            return new PasswordHash("plain$decoy");
        }
    }

    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void theCallBeyondThreadsAndQueueIsRefusedAtOnce() throws Exception {
        GatedHasher slow = new GatedHasher();
        try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(slow, 1, 1)) {
            Future<PasswordHash> running = callers.submit(() -> bounded.hash("first"));
            assertThat(slow.started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<Boolean> queued = callers.submit(() -> bounded.matches("second", new PasswordHash("plain$second")));
            awaitTrue(() -> bounded.queued() == 1);

            long before = System.nanoTime();
            assertThatThrownBy(() -> bounded.hash("third"))
                    .isInstanceOf(CapacityExceededException.class)
                    .hasMessage("password hashing is at capacity");
            assertThatThrownBy(() -> bounded.matches("third", new PasswordHash("plain$third")))
                    .isInstanceOf(CapacityExceededException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
            assertThat(running).isNotDone();

            slow.release.countDown();
            assertThat(running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new PasswordHash("plain$first"));
            assertThat(queued.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(bounded.hash("fourth")).isEqualTo(new PasswordHash("plain$fourth"));
        }
    }

    @Test
    void withNoQueueTheSecondConcurrentCallIsRefused() throws Exception {
        GatedHasher slow = new GatedHasher();
        try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(slow, 1, 0)) {
            Future<PasswordHash> running = callers.submit(() -> bounded.hash("first"));
            assertThat(slow.started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> bounded.hash("second")).isInstanceOf(CapacityExceededException.class);

            slow.release.countDown();
            assertThat(running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new PasswordHash("plain$first"));
        }
    }

    @Test
    void hashesOnItsOwnThreadsAndPassesResultsThrough() {
        GatedHasher hasher = new GatedHasher();
        hasher.release.countDown();
        try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(hasher, 2, 4)) {
            assertThat(bounded.hash("pw")).isEqualTo(new PasswordHash("plain$pw"));
            assertThat(hasher.lastThread.get()).startsWith("portcullis-password-hasher-");
            assertThat(bounded.matches("pw", new PasswordHash("plain$pw"))).isTrue();
            assertThat(bounded.matches("other", new PasswordHash("plain$pw"))).isFalse();
        }
    }

    @Test
    void cheapCallsStayOnTheCallersThread() {
        GatedHasher hasher = new GatedHasher();
        try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(hasher, 1, 0)) {
            assertThat(bounded.needsRehash(new PasswordHash("plain$x"))).isFalse();
            assertThat(hasher.lastThread.get()).isEqualTo(Thread.currentThread().getName());
            assertThat(bounded.decoy()).isEqualTo(new PasswordHash("plain$decoy"));
            assertThat(hasher.lastThread.get()).isEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    void rethrowsTheDelegatesOwnException() {
        IllegalArgumentException failure = new IllegalArgumentException("boom");
        PasswordHasher failing = new GatedHasher() {
            @Override
            public PasswordHash hash(String password) {
                throw failure;
            }
        };
        try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(failing, 1, 0)) {
            assertThatThrownBy(() -> bounded.hash("pw")).isSameAs(failure);
        }
    }

    @Test
    void worksWithARealHasher() {
        Argon2idPasswordHasher argon2 = new Argon2idPasswordHasher(Argon2idPasswordHasherTest.FAST);
        try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(argon2, 1, 8)) {
            PasswordHash hash = bounded.hash("pw");

            assertThat(bounded.matches("pw", hash)).isTrue();
            assertThat(bounded.matches("nope", hash)).isFalse();
            assertThat(bounded.decoy()).isSameAs(argon2.decoy());
        }
    }

    @Test
    void aClosedHasherRefusesWork() {
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(new GatedHasher(), 1, 1);
        bounded.close();

        assertThatIllegalStateException().isThrownBy(() -> bounded.hash("pw")).withMessageContaining("closed");
    }

    @Test
    void aCallerInterruptedWhileWaitingGivesUpAndKeepsItsInterrupt() throws Exception {
        GatedHasher slow = new GatedHasher();
        try (BoundedPasswordHasher bounded = new BoundedPasswordHasher(slow, 1, 0)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> interrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    bounded.hash("pw");
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                interrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            assertThat(slow.started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            caller.interrupt();
            caller.join(PATIENCE.toMillis());

            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
            assertThat(interrupted.get()).isTrue();
        }
    }

    @Test
    void refusesAnImpossibleSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedPasswordHasher(new GatedHasher(), 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedPasswordHasher(new GatedHasher(), 1, -1));
    }
}
