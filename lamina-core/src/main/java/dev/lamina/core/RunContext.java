package dev.lamina.core;

import dev.lamina.model.LaminaException;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * How the sinks started on a thread run: on which {@link Workers}, until which deadline, and
 * whether they have been cancelled. It is bound to the calling thread for the extent of
 * {@link #call} (a scoped value, so it is inherited by nothing and leaks nowhere); a sink run reads
 * it once and carries it to its worker jobs. Without a binding, runs use the shared pool with no
 * deadline.
 *
 * <p>Thread-safe: {@link #cancel()} may be called from any thread while runs are going on.
 */
public final class RunContext {
    private static final ScopedValue<RunContext> CURRENT = ScopedValue.newInstance();
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final Workers workers;
    private final long deadlineNanos;   // System.nanoTime() value, or NO_DEADLINE
    private volatile boolean cancelled;

    private RunContext(Workers workers, long deadlineNanos) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.deadlineNanos = deadlineNanos;
    }

    /** A context on {@code workers} with no deadline. */
    public static RunContext on(Workers workers) {
        return new RunContext(workers, NO_DEADLINE);
    }

    /** A context on {@code workers} that ends {@code timeoutNanos} from now. */
    public static RunContext on(Workers workers, long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        long now = System.nanoTime();
        long deadline = now + timeoutNanos;
        return new RunContext(workers, deadline < now ? NO_DEADLINE : deadline);
    }

    /** The context bound to this thread, or the default (shared pool, no deadline, never cancelled). */
    public static RunContext current() {
        return CURRENT.isBound() ? CURRENT.get() : Default.INSTANCE;
    }

    private static final class Default {
        static final RunContext INSTANCE = new RunContext(Workers.shared(), NO_DEADLINE);
    }

    /** Runs {@code job} on this thread with this context bound: every sink it starts obeys it. */
    public <T> T call(Callable<T> job) throws Exception {
        return ScopedValue.where(CURRENT, this).call(job::call);
    }

    public Workers workers() {
        return workers;
    }

    /** Stops the runs of this context: they submit no more work and fail with CANCELLED. */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Nanoseconds left before the deadline (Long.MAX_VALUE without one; 0 or less once passed). */
    public long remainingNanos() {
        return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    /** Throws the cancelled or deadline-exceeded error if this context may not go on. */
    public void check(String what) {
        if (cancelled) {
            throw new LaminaException(LaminaException.Kind.CANCELLED, what + ": cancelled");
        }
        if (remainingNanos() <= 0) {
            throw new LaminaException(LaminaException.Kind.DEADLINE_EXCEEDED, what + ": deadline exceeded");
        }
    }
}
