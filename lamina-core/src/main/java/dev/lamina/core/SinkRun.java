package dev.lamina.core;

/**
 * One run of a sink: its {@link RunContext} and its window of strips in flight. Bound on the
 * run's worker jobs (a scoped value), so the sequential sources below can keep their decoding state
 * per run: two runs pulling from one opened image at once each read it forward on their own,
 * instead of taking the rows out from under each other (see {@link LineCache}). Public for the
 * random-access decoders that keep per-run caches the same way (the TIFF tile cache).
 */
public final class SinkRun {
    private static final ScopedValue<SinkRun> CURRENT = ScopedValue.newInstance();

    final RunContext context;
    final int window;

    SinkRun(RunContext context) {
        this.context = context;
        this.window = context.workers().window();
    }

    /** The run whose worker job is on this thread, or null outside a sink run. */
    public static SinkRun current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /** Strips this run keeps in flight at once. */
    public int window() {
        return window;
    }

    /** Runs {@code job} with this run bound, and its context too (for sinks nested inside it). */
    <T> T within(java.util.function.Supplier<T> job) {
        return ScopedValue.where(CURRENT, this).call(() -> {
            try {
                return context.call(job::get);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);   // job::get throws nothing checked
            }
        });
    }
}
