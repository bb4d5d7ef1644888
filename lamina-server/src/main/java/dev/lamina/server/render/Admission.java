package dev.lamina.server.render;

import dev.lamina.server.http.Problem;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many renders run at once, and how many may wait: a fair semaphore of {@code concurrent}
 * slots in front of a queue of {@code queue} waiters. A render that finds the queue full is
 * refused at once with 429 and Retry-After (shedding early keeps the latency of the admitted
 * ones bounded); one whose deadline passes while it waits gets 504. Thread-safe.
 */
public final class Admission {
    private final Semaphore slots;
    private final int concurrent;
    private final int queue;
    private final AtomicInteger waiting = new AtomicInteger();

    public Admission(int concurrent, int queue) {
        this.slots = new Semaphore(concurrent, true);
        this.concurrent = concurrent;
        this.queue = queue;
    }

    /** A held slot; closing it lets the next render in. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a slot until {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    public Slot enter(long deadlineNanos) throws InterruptedException {
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw new Problem(429, "queue-full", "Too many requests",
                        "the server is rendering at capacity and its queue is full; retry shortly")
                        .header("Retry-After", "1");
            }
            try {
                long wait = deadlineNanos - System.nanoTime();
                if (wait <= 0 || !slots.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                    throw new Problem(504, "deadline-exceeded", "Render deadline exceeded",
                            "the render waited in the queue until its deadline passed");
                }
            } finally {
                waiting.decrementAndGet();
            }
        }
        return slots::release;
    }

    /** Renders holding a slot now. */
    public int running() {
        return concurrent - slots.availablePermits();
    }

    public int waiting() {
        return waiting.get();
    }
}
