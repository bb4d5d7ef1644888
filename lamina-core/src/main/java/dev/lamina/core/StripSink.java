package dev.lamina.core;

import dev.lamina.LaminaException;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

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
        run(image, stripHeight(image), 0, (strip, firstRow) -> strip, inOrder);
    }

    /** Work done on a worker for one strip. */
    @FunctionalInterface
    public interface StripFunction<T> {
        /**
         * @param strip    the pixels: rows {@code firstRow - rowsAbove} (clipped at 0) to the end of the strip
         * @param firstRow the first row that belongs to this strip (the ones above are context)
         */
        T apply(Region strip, int firstRow);
    }

    /**
     * Computes strips of {@code stripHeight} rows (plus {@code rowsAbove} rows of context above
     * each, where the image has them) on the pool, applies {@code onWorker} to each strip there, and
     * passes the results to {@code inOrder} on the calling thread, top to bottom. The strip's region
     * is recycled once {@code inOrder} has taken its result: neither may keep it after that.
     *
     * <p>The first error stops the run: strips not yet started are not computed, and the error is
     * rethrown here (a {@link LaminaException} as it is).
     */
    public static <T> void run(Image image, int stripHeight, int rowsAbove, StripFunction<T> onWorker,
                               Consumer<T> inOrder) {
        int strips = (image.height + stripHeight - 1) / stripHeight;
        ConcurrentLinkedQueue<Region> spare = new ConcurrentLinkedQueue<>();
        ArrayDeque<CompletableFuture<Done<T>>> inFlight = new ArrayDeque<>();
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
                            Region r = Region.reuse(spare.poll(), rect, image.bands, image.format);
                            sequences.get().generate(r);
                            return new Done<>(r, onWorker.apply(r, y0));
                        }, WorkerPool.executor()));
                        next++;
                    }
                    Done<T> d = inFlight.removeFirst().get();
                    inOrder.accept(d.result);
                    // Recycled only now: the result may be the region itself (plain strip runs).
                    spare.add(d.region);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaminaException(LaminaException.Kind.CANCELLED, "interrupted while computing the image", e);
            } catch (ExecutionException | CompletionException e) {
                throw unwrap(e.getCause());
            } finally {
                // On failure, let the strips already submitted (at most a window) finish before their
                // sequences are closed under them; nothing further is submitted.
                for (CompletableFuture<Done<T>> f : inFlight) {
                    try {
                        f.join();
                    } catch (RuntimeException ignored) {
                        // already failing or cancelled: the first error is the one reported
                    }
                }
            }
        }
    }

    private record Done<T>(Region region, T result) {
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
        return new LaminaException(LaminaException.Kind.INTERNAL, String.valueOf(t.getMessage()), t);
    }
}
