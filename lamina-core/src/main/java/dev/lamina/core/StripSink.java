package dev.lamina.core;

import dev.lamina.LaminaException;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The generic pulling sink: cuts an image into full-width strips, computes them on the
 * {@link WorkerPool}, and hands the results to the caller in top-to-bottom order.
 *
 * <p>At most {@code 2 x workers} strips are in flight, so memory is a few strips, never the image;
 * sequential decoders below see requests close to increasing order (their line caches are sized
 * for this window, see {@link LineCache}).
 */
public final class StripSink {

    private StripSink() {
    }

    /** Strips in flight at once. */
    public static int window() {
        return 2 * WorkerPool.size();
    }

    /** The strip height for an image: the chain's demand hint, and about 256 KiB of samples. */
    public static int stripHeight(Image image) {
        long rowBytes = (long) image.width * image.bands * image.format.bytes;
        int byBytes = (int) Math.max(1, Math.min(4096, (256 * 1024) / Math.max(1, rowBytes)));
        return Math.max(1, Math.min(Math.min(byBytes, image.producer().demand().maxRows), image.height));
    }

    /** Hands every strip of {@code image}, in order, to {@code inOrder} on the calling thread. */
    public static void run(Image image, Consumer<Region> inOrder) {
        // The worker's region goes back to the spare pool as soon as the job ends, and another strip
        // may overwrite it before the caller sees it: hand over a copy made on the worker.
        run(image, stripHeight(image), 0, strip -> {
            Region copy = Region.allocate(strip.rect(), strip.bands, strip.format);
            copy.copyFrom(strip);
            return copy;
        }, inOrder);
    }

    /**
     * Computes strips of {@code stripHeight} rows (plus {@code rowsAbove} rows of context above
     * each, where the image has them) on the pool, applies {@code onWorker} to each strip there, and
     * passes the results to {@code inOrder} on the calling thread, top to bottom. The region given
     * to {@code onWorker} is recycled afterwards: the function must not keep it.
     *
     * <p>The first error stops the run: strips not yet started are not computed, and the error is
     * rethrown here (a {@link LaminaException} as it is).
     */
    public static <T> void run(Image image, int stripHeight, int rowsAbove, Function<Region, T> onWorker,
                               Consumer<T> inOrder) {
        int strips = (image.height + stripHeight - 1) / stripHeight;
        ConcurrentLinkedQueue<Region> spare = new ConcurrentLinkedQueue<>();
        ArrayDeque<CompletableFuture<T>> inFlight = new ArrayDeque<>();
        int window = window();
        try (SequenceSet sequences = new SequenceSet(image.producer())) {
            int next = 0;
            try {
                for (int done = 0; done < strips; done++) {
                    while (next < strips && inFlight.size() < window) {
                        int y0 = next * stripHeight;
                        int top = Math.max(0, y0 - rowsAbove);
                        Rect rect = new Rect(0, top, image.width, Math.min(image.height, y0 + stripHeight) - top);
                        inFlight.add(CompletableFuture.supplyAsync(() -> {
                            Region r = spare.poll();
                            r = Region.reuse(r, rect, image.bands, image.format);
                            try {
                                sequences.get().generate(r);
                                return onWorker.apply(r);
                            } finally {
                                spare.add(r);
                            }
                        }, WorkerPool.executor()));
                        next++;
                    }
                    T result = inFlight.removeFirst().get();
                    inOrder.accept(result);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaminaException("interrupted while computing the image", e);
            } catch (ExecutionException | CompletionException e) {
                throw unwrap(e.getCause());
            } finally {
                // Let running strips finish before their sequences are closed under them.
                for (CompletableFuture<T> f : inFlight) {
                    f.cancel(false);
                }
                for (CompletableFuture<T> f : inFlight) {
                    try {
                        f.join();
                    } catch (RuntimeException ignored) {
                        // already failing or cancelled: the first error is the one reported
                    }
                }
            }
        }
    }

    /** The exception to rethrow for a failed job: ours as they are, anything else wrapped. */
    public static RuntimeException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new LaminaException(String.valueOf(t.getMessage()), t);
    }
}
