package dev.lamina;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.model.PngOptions;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.LineCache;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancellation, deadlines, application executors and many runs over one opened image. */
class ExecutionTest {

    /** A forward-only decoder of a known pattern that counts its opens and closes and can be slow. */
    static final class CountingDecoder implements RowDecoder {
        final int width;
        final long nanosPerRow;
        final AtomicInteger open;
        final CountDownLatch started;

        CountingDecoder(int width, long nanosPerRow, AtomicInteger opens, AtomicInteger open, CountDownLatch started) {
            this.width = width;
            this.nanosPerRow = nanosPerRow;
            this.open = open;
            this.started = started;
            opens.incrementAndGet();
            open.incrementAndGet();
        }

        @Override
        public void decodeRow(Region dst, int y) {
            started.countDown();
            if (nanosPerRow > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(nanosPerRow);
            }
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < 3; b++) {
                    dst.u8()[dst.index(x, y) + b] = (byte) (x * 7 + y * 13 + b * 101);
                }
            }
        }

        @Override
        public void close() {
            open.decrementAndGet();
        }
    }

    static final class Source {
        final AtomicInteger opens = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final LaminaImage image;

        Source(int w, int h, long nanosPerRow) {
            Image img = LineCache.image(() -> new CountingDecoder(w, nanosPerRow, opens, open, started), w, h,
                    Interpretation.RGB, false, BandFormat.U8, Metadata.NONE, "pattern", Limits.defaults());
            image = new LaminaImage(img, Limits.defaults(), "test");
        }
    }

    @Test
    void aDeadlineStopsTheRunReleasesTheDecoderAndWritesNoFile(@TempDir Path dir) throws IOException {
        Source src = new Source(200, 4000, 200_000);   // 4000 rows at 0.2 ms: about a second
        Path out = dir.resolve("out.png");
        Execution exec = Execution.standard().timeout(Duration.ofMillis(50));
        LaminaException e = assertThrows(LaminaException.class, () -> exec.run(() -> src.image.save(out)));
        assertEquals(LaminaException.Kind.DEADLINE_EXCEEDED, e.kind());
        assertEquals(0, src.open.get(), "the decoder is closed when the run ends");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no output and no temporary file");
        }
    }

    @Test
    void cancellingFromAnotherThreadStopsTheRun(@TempDir Path dir) throws Exception {
        Source src = new Source(200, 4000, 200_000);
        Execution exec = Execution.standard();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = caller.submit(() -> exec.run(() -> src.image.save(dir.resolve("out.png"))));
            src.started.await();
            exec.cancel();
            Exception e = assertThrows(Exception.class, run::get);
            LaminaException cause = (LaminaException) e.getCause();
            assertEquals(LaminaException.Kind.CANCELLED, cause.kind());
        } finally {
            caller.shutdownNow();
        }
        assertEquals(0, src.open.get(), "the decoder is closed when the run ends");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no output and no temporary file");
        }
        assertTrue(exec.isCancelled());
    }

    @Test
    void anApplicationExecutorGivesTheSameBytesAsTheSharedPool() {
        Source src = new Source(301, 777, 0);
        byte[] shared = src.image.encode(PngOptions.png());
        ExecutorService app = Executors.newFixedThreadPool(3);
        try {
            byte[] own = Execution.standard().executor(app, 3).call(() -> src.image.encode(PngOptions.png()));
            assertArrayEquals(shared, own);
        } finally {
            app.shutdown();
        }
    }

    /**
     * Sixteen threads pull from one opened image at once: each run reads the file forward once
     * (one open per run, none for rows already held), every output is right, and when all runs
     * have ended no decoder is left open.
     */
    @Test
    void sixteenConcurrentRunsOverOneOpenedImageEachReadItOnce() throws Exception {
        Source src = new Source(257, 1500, 0);
        byte[] expected = Execution.standard().threads(1).call(() -> src.image.encode(PngOptions.png()));
        int opensBefore = src.opens.get();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(callers.submit(() -> src.image.encode(PngOptions.png())));
            }
            for (Future<byte[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(16, src.opens.get() - opensBefore, "one forward read per run, no reopening");
        assertEquals(0, src.open.get(), "every decoder closed at the end of its run");
    }

    /** A pinned image is decoded once: sixteen concurrent runs over it open the file no more. */
    @Test
    void aPinnedImageIsDecodedOnceForAnyNumberOfRuns() throws Exception {
        Source src = new Source(257, 1500, 0);
        byte[] expected = src.image.encode(PngOptions.png());
        LaminaImage pinned = src.image.pin();
        assertEquals(2, src.opens.get(), "one read for the plain save, one to pin");
        assertEquals(0, src.open.get());
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(callers.submit(() -> pinned.encode(PngOptions.png())));
            }
            for (Future<byte[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(2, src.opens.get(), "runs over the pinned image never touch the file");
    }

    @Test
    void pinningAnImageOverThePixelLimitIsRefusedBeforeDecoding() {
        Image img = LineCache.image(() -> {
            throw new AssertionError("must not decode");
        }, 1000, 1000, Interpretation.RGB, false, BandFormat.U8, Metadata.NONE, "big", Limits.defaults());
        LaminaImage big = new LaminaImage(img, Limits.defaults().maxPixels(999_999), "test");
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, assertThrows(LaminaException.class, big::pin).kind());
    }

    @Test
    void badExecutionSettingsAreRefusedWithABadInputError() {
        assertEquals(LaminaException.Kind.BAD_INPUT,
                assertThrows(LaminaException.class, () -> Execution.standard().threads(0)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT,
                assertThrows(LaminaException.class, () -> Execution.standard().timeout(Duration.ZERO)).kind());
    }
}
