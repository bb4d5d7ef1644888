package dev.lamina;

import dev.lamina.model.LaminaException;
import dev.lamina.core.RunContext;
import dev.lamina.core.Workers;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * How the work that pulls pixels (save, write, encode, compare) runs: on which threads, until
 * which deadline, and whether it has been cancelled. Without one, work runs on Lamina's shared
 * pool sized to the cores (or {@code -Dlamina.threads}) with no deadline.
 *
 * <pre>{@code
 * Execution request = Execution.standard().timeout(Duration.ofSeconds(2));
 * byte[] jpeg = request.call(() -> image.encode(JpegOptions.jpeg()));
 * // from another thread, if the client goes away:
 * request.cancel();
 * }</pre>
 *
 * A stopped run submits no more strips, lets the ones in flight finish, releases its decoders and
 * files, writes no output (files are written to a temporary name and renamed only when complete)
 * and throws a {@link LaminaException} of kind {@code CANCELLED} or {@code DEADLINE_EXCEEDED}.
 *
 * <p>Thread-safe. The {@code with} methods return a new execution (with its own cancellation); the
 * timeout counts from the moment {@link #timeout} is called. The output bytes never depend on the
 * executor or the number of threads.
 */
public final class Execution {
    private final Workers workers;
    private final RunContext context;

    private Execution(Workers workers, RunContext context) {
        this.workers = workers;
        this.context = context;
    }

    /** The shared pool, no deadline. */
    public static Execution standard() {
        return new Execution(Workers.shared(), RunContext.on(Workers.shared()));
    }

    /** The same, on a Lamina pool of {@code threads} threads (one per size, kept for the process). */
    public Execution threads(int threads) {
        if (threads < 1) {
            throw LaminaException.badInput("the number of threads must be at least 1, not " + threads);
        }
        Workers w = Workers.ofSize(threads);
        return new Execution(w, RunContext.on(w));
    }

    /**
     * The same, on the application's executor, of which a run uses up to {@code parallelism}
     * threads at a time. Lamina never shuts it down. Its jobs never wait for each other, so any
     * executor with at least one thread is safe.
     */
    public Execution executor(Executor executor, int parallelism) {
        Objects.requireNonNull(executor, "executor");
        if (parallelism < 1) {
            throw LaminaException.badInput("parallelism must be at least 1, not " + parallelism);
        }
        Workers w = Workers.of(executor, parallelism);
        return new Execution(w, RunContext.on(w));
    }

    /** The same, with a deadline {@code timeout} from now. */
    public Execution timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw LaminaException.badInput("the timeout must be positive, not " + timeout);
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        return new Execution(workers, RunContext.on(workers, nanos));
    }

    /** Runs {@code job} on this thread; every image it saves, writes or encodes runs under this execution. */
    public <T> T call(Supplier<T> job) {
        try {
            return context.call(job::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new LaminaException(LaminaException.Kind.INTERNAL, "the job failed with a checked exception: "
                    + e.getMessage(), e);
        }
    }

    /** {@link #call} for work that returns nothing, such as {@code save}. */
    public void run(Runnable job) {
        call(() -> {
            job.run();
            return null;
        });
    }

    /** Stops the runs of this execution, now and later: they fail with {@code CANCELLED}. */
    public void cancel() {
        context.cancel();
    }

    public boolean isCancelled() {
        return context.cancelled();
    }

    /** The number of threads this execution uses at once at most. */
    public int parallelism() {
        return workers.parallelism();
    }
}
