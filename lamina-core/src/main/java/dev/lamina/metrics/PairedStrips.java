package dev.lamina.metrics;

import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.SequenceSet;
import dev.lamina.core.StripSink;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Pulls two images of the same size through the worker pool in lockstep, strip by strip: the
 * sink under every metric. Each worker gets the same rectangle of both images (plus some rows of
 * context above it) and reduces it to a small partial result; the partial results come back to
 * the calling thread in top-to-bottom order. Memory is a few strips of each image, never the
 * image.
 */
public final class PairedStrips {

    /** Work on one pair of strips, on a worker thread. The regions are recycled afterwards. */
    @FunctionalInterface
    public interface StripWork<T> {
        /**
         * @param a     rows {@code top .. bottom) of the first image, full width
         * @param b     the same rows of the second image
         * @param ownY0 the first row this strip owns; rows above it (down to {@code a.rect().y()})
         *              are context that belongs to the strip above
         */
        T apply(Region a, Region b, int ownY0);
    }

    private PairedStrips() {
    }

    /**
     * Runs {@code work} over strips of {@code stripHeight} own rows with {@code rowsAbove} rows of
     * context, and hands the results, in order, to {@code inOrder}.
     */
    public static <T> void run(Image a, Image b, int stripHeight, int rowsAbove, StripWork<T> work,
                               Consumer<T> inOrder) {
        ConcurrentLinkedQueue<Region> spareB = new ConcurrentLinkedQueue<>();
        try (SequenceSet sequencesB = new SequenceSet(b.producer())) {
            StripSink.run(a, stripHeight, rowsAbove, (regionA, ownY0) -> {
                Region rb = Region.reuse(spareB.poll(), regionA.rect(), b.bands, b.format);
                try {
                    sequencesB.get().generate(rb);
                    return work.apply(regionA, rb, ownY0);
                } finally {
                    spareB.add(rb);
                }
            }, inOrder);
        }
    }

    /**
     * The strip height metrics use: the sink's choice for the image, but at least 32 rows so the
     * context rows are a small share of the work, and even so that 2x2 downsampling never straddles
     * two strips.
     */
    public static int stripHeight(Image image) {
        int h = Math.max(32, StripSink.stripHeight(image));
        return Math.min(h + (h & 1), image.height + (image.height & 1));
    }
}
