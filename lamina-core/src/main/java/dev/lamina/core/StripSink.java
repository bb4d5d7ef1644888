package dev.lamina.core;

import dev.lamina.model.LaminaException;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The generic pulling sink: cuts an image into full-width strips, computes them on the
 * {@link Workers} of the caller's {@link RunContext}, and hands the results to the caller in
 * top-to-bottom order.
 *
 * <p>At most {@link Workers#window()} strips are in flight, so memory is a few strips, never the
 * image; sequential decoders below see requests close to increasing order (their line caches are
 * sized for this window, see {@link LineCache}). The context's cancellation and deadline are
 * checked before every strip is submitted and while waiting for one: a stopped run submits nothing
 * more, lets the strips in flight finish, closes its sequences and throws CANCELLED or
 * DEADLINE_EXCEEDED. The output is the same bytes at any number of workers: each strip's pixels
 * depend only on its rectangle, and results are consumed in order.
 */
public final class StripSink {

    private StripSink() {
    }

    /** Strips in flight at once for a run started on this thread. */
    public static int window() {
        SinkRun run = SinkRun.current();
        return run != null ? run.window : RunContext.current().workers().window();
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
        int strips = (int) (((long) image.height + stripHeight - 1) / stripHeight);
        ConcurrentLinkedQueue<Region> spare = new ConcurrentLinkedQueue<>();
        ArrayDeque<CompletableFuture<Done<T>>> inFlight = new ArrayDeque<>();
        RunContext context = RunContext.current();
        SinkRun run = new SinkRun(context);
        Executor executor = context.workers().executor();
        try (SequenceSet sequences = new SequenceSet(image.producer())) {
            int next = 0;
            try {
                for (int done = 0; done < strips; done++) {
                    while (next < strips && inFlight.size() < run.window) {
                        context.check("computing the image");
                        int y0 = next * stripHeight;
                        int top = Math.max(0, y0 - rowsAbove);
                        Rect rect = new Rect(0, top, image.width, (int) Math.min(image.height, (long) y0 + stripHeight) - top);
                        inFlight.add(CompletableFuture.supplyAsync(() -> run.within(() -> {
                            Jitter.at(Jitter.Site.WORKER_JOB);
                            // A strip queued before the run stopped is not computed.
                            context.check("computing the image");
                            Region r = Region.reuse(spare.poll(), rect, image.bands, image.format);
                            sequences.get().generate(r);
                            return new Done<>(r, onWorker.apply(r, y0));
                        }), executor));
                        next++;
                    }
                    Jitter.at(Jitter.Site.STRIP_HANDOFF);
                    Done<T> d = await(inFlight.removeFirst(), context);
                    Jitter.at(Jitter.Site.STRIP_HANDOFF);
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

    /**
     * Waits for a strip, waking at least every few milliseconds to see whether the run was
     * cancelled from another thread or has passed its deadline.
     */
    private static <T> T await(CompletableFuture<T> f, RunContext context)
            throws InterruptedException, ExecutionException {
        while (true) {
            long slice = Math.min(context.remainingNanos(), POLL_NANOS);
            if (slice <= 0) {
                context.check("computing the image");
            }
            try {
                return f.get(Math.max(slice, 1), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                context.check("computing the image");
            }
        }
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

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
