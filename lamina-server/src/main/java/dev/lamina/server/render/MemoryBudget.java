package dev.lamina.server.render;

import dev.lamina.server.http.Problem;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that renders in flight are estimated to hold, against a budget: a render whose
 * estimate does not fit now is refused with 503 and Retry-After before it allocates anything (a
 * refusal is cheap, an OutOfMemoryError takes every request down with it). One that could never
 * fit, even alone, is 413. Thread-safe.
 */
public final class MemoryBudget {
    private final long budget;
    private final AtomicLong inFlight = new AtomicLong();

    public MemoryBudget(long budget) {
        this.budget = budget;
    }

    /** A reservation; closing it returns the bytes. */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    public Reservation reserve(long bytes) {
        if (bytes > budget) {
            throw Problem.tooLarge("this render needs about " + mib(bytes) + " MiB of working memory, over the server's"
                    + " budget of " + mib(budget) + " MiB", "body");
        }
        long now;
        do {
            now = inFlight.get();
            if (now + bytes > budget) {
                throw new Problem(503, "memory-budget", "Service unavailable",
                        "the server's memory budget for renders is in use (" + mib(now) + " of " + mib(budget)
                                + " MiB); retry shortly").header("Retry-After", "1");
            }
        } while (!inFlight.compareAndSet(now, now + bytes));
        return () -> inFlight.addAndGet(-bytes);
    }

    public long inFlight() {
        return inFlight.get();
    }

    public long budget() {
        return budget;
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
