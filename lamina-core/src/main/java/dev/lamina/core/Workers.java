package dev.lamina.core;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that do a run's CPU work: an executor and how many jobs it runs at once. By default
 * every run in the process shares one fixed pool sized to the cores (or the system property
 * {@code lamina.threads}), so ten concurrent requests do not make ten times as many threads;
 * callers wait on their own threads (virtual ones in a server). An application may supply its own
 * executor instead ({@link #of}), for example to share its CPU pool with Lamina.
 *
 * <p>Jobs never block waiting for other jobs of the same executor (they only take the short lock
 * of a sequential decoder, whose holder is always making progress), so a fixed size cannot
 * deadlock. Thread-safe and immutable.
 */
public final class Workers {
    private static final class Shared {
        static final Workers INSTANCE = fixed(Math.max(1, Integer.getInteger("lamina.threads",
                Runtime.getRuntime().availableProcessors())));
    }

    private final Executor executor;
    private final int parallelism;
    private final ExecutorService owned;
    /**
     * Sequential decoders read ahead at once ({@link ReadAheadRows}): one fewer than the pool's
     * threads, so that the read-ahead threads, which run besides the pool, add at most that many
     * busy threads whatever the number of runs.
     */
    private final Semaphore readAheads;

    private Workers(Executor executor, int parallelism, ExecutorService owned) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.parallelism = parallelism;
        this.owned = owned;
        this.readAheads = new Semaphore(parallelism - 1);
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, Workers> BY_SIZE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The process-wide pool (made on first use). */
    public static Workers shared() {
        return Shared.INSTANCE;
    }

    /**
     * A process-wide pool of {@code threads} threads, made on first use and kept (the shared pool
     * when the size matches it): configuration can size the engine's pool without a system property.
     */
    public static Workers ofSize(int threads) {
        if (threads == Shared.INSTANCE.parallelism) {
            return Shared.INSTANCE;
        }
        return BY_SIZE.computeIfAbsent(threads, Workers::fixed);
    }

    /**
     * The application's executor, of which a run uses up to {@code parallelism} threads at a time
     * (it sizes the window of strips in flight). Lamina never shuts it down.
     */
    public static Workers of(Executor executor, int parallelism) {
        return new Workers(executor, parallelism, null);
    }

    /** A new pool of {@code threads} daemon threads; {@link #shutdown()} ends it. */
    public static Workers fixed(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "lamina-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        return new Workers(pool, threads, pool);
    }

    public Executor executor() {
        return executor;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Strips a sink keeps in flight: two per thread, so a thread never waits for the hand-off. */
    public int window() {
        return 2 * parallelism;
    }

    /** Takes a read-ahead permit if one is free. */
    boolean tryStartReadAhead() {
        return readAheads.tryAcquire();
    }

    /** Gives back a permit of {@link #tryStartReadAhead}. */
    void endReadAhead() {
        readAheads.release();
    }

    /** Ends a pool made by {@link #fixed}; does nothing to an application's executor. */
    public void shutdown() {
        if (owned != null && this != Shared.INSTANCE && !BY_SIZE.containsValue(this)) {
            owned.shutdown();
        }
    }
}
