package dev.lamina.core;

/**
 * The per-thread half of an operation: its scratch buffers and its input sequences. A sink creates
 * one per worker thread with {@link Producer#start()} and closes it when the run ends; a sequence is
 * never used by two threads at once, so it needs no locking.
 */
public interface Sequence extends AutoCloseable {

    /**
     * Fills {@code out} with the pixels of {@code out.rect()}, which lies inside the image. The
     * region's bands and format are the image's.
     */
    void generate(Region out);

    @Override
    default void close() {
    }
}
