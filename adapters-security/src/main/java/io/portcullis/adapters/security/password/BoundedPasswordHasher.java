package io.portcullis.adapters.security.password;

import io.portcullis.application.port.CapacityExceededException;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.domain.account.PasswordHash;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the expensive calls ({@link #hash}, {@link #matches}) of another hasher on a fixed pool with a
 * bounded queue. When both are full the call fails at once with {@link CapacityExceededException}
 * (an HTTP 503), so a burst of logins cannot tie up every request thread or all memory.
 */
public final class BoundedPasswordHasher implements PasswordHasher, AutoCloseable {

    private static final String RESOURCE = "password hashing";
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final PasswordHasher delegate;
    private final ThreadPoolExecutor pool;

    /**
     * @param threads hashes computed at once (each may hold the algorithm's memory, e.g. 19 MiB)
     * @param queueCapacity calls allowed to wait for a thread; 0 for none
     */
    public BoundedPasswordHasher(PasswordHasher delegate, int threads, int queueCapacity) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (threads < 1) {
            throw new IllegalArgumentException("password hashing threads must be at least 1");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("password hashing queue capacity cannot be negative");
        }
        BlockingQueue<Runnable> queue =
                queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue,
                new NamedDaemonThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public PasswordHash hash(String password) {
        return run(() -> delegate.hash(password));
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        return run(() -> delegate.matches(password, hash));
    }

    /** Cheap: parses the stored string only. */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        return delegate.needsRehash(hash);
    }

    /** Computed once by the delegate, then cached there; not worth a slot in the pool. */
    @Override
    public PasswordHash decoy() {
        return delegate.decoy();
    }

    /** Lets running and queued hashes finish (for a while), then stops the threads. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Calls waiting for a thread; for tests and metrics. */
    int queued() {
        return pool.getQueue().size();
    }

    private <T> T run(Callable<T> task) {
        Future<T> future;
        try {
            future = pool.submit(task);
        } catch (RejectedExecutionException e) {
            if (pool.isShutdown()) {
                throw new IllegalStateException("the password hasher is closed");
            }
            throw new CapacityExceededException(RESOURCE);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + RESOURCE);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** The delegate's own exception, not a wrapper, so callers see what they would without the pool. */
    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(RESOURCE + " failed", cause);
    }

    @Override
    public String toString() {
        return "BoundedPasswordHasher[threads=" + pool.getMaximumPoolSize() + ", " + delegate + "]";
    }

    /** Daemon threads, so a forgotten close() never keeps the JVM alive. */
    private static final class NamedDaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "portcullis-password-hasher-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
