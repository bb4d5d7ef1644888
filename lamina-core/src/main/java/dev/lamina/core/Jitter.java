package dev.lamina.core;

/**
 * Test-only scheduling jitter: the places where the engine hands work between threads call
 * {@link #at}, which does nothing unless a test has installed a hook. The determinism harness
 * installs one that sleeps or yields at random, so interleavings that are rare on an idle machine
 * (a short last strip reaching a decoder first, a hand-off delayed behind a later strip) happen in
 * every run. In production the hook is null and the call is a volatile read.
 */
public final class Jitter {
    /** Where a hook is called. */
    public enum Site {
        /** At the start of a strip's job on a worker, before it pulls any pixels. */
        WORKER_JOB,
        /** Before a sequential source decodes rows for a request (outside and inside its lock). */
        LINE_CACHE_FILL,
        /** On the sink's thread, before it waits for the next strip and before it hands a strip on. */
        STRIP_HANDOFF,
        /** Before a read-ahead decoder's thread or its reader decodes a chunk ({@link ReadAheadRows}). */
        READ_AHEAD
    }

    /** What a test installs. */
    @FunctionalInterface
    public interface Hook {
        void at(Site site);
    }

    private static volatile Hook hook;

    private Jitter() {
    }

    /** Installs {@code h} (null removes it). Tests only. */
    public static void install(Hook h) {
        hook = h;
    }

    static void at(Site site) {
        Hook h = hook;
        if (h != null) {
            h.at(site);
        }
    }
}
