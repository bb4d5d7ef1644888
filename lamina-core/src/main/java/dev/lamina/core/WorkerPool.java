package dev.lamina.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool that does Lamina's CPU work, sized to the cores (or the system property
 * {@code lamina.threads}). Every sink in the process shares it, so ten concurrent requests do not
 * make ten times as many threads; callers wait on their own threads (virtual ones in the server).
 *
 * <p>Jobs on this pool never block waiting for other jobs of the pool (they only take the short
 * lock of a sequential decoder, whose holder is always making progress), so a fixed size cannot
 * deadlock.
 */
public final class WorkerPool {
    private static final int SIZE = Math.max(1, Integer.getInteger("lamina.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(SIZE, new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "lamina-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private WorkerPool() {
    }

    public static ExecutorService executor() {
        return POOL;
    }

    /** Number of worker threads. */
    public static int size() {
        return SIZE;
    }
}
