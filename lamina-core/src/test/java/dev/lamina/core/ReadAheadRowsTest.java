package dev.lamina.core;

import dev.lamina.model.LaminaException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read-ahead decoder against the pattern decoder of {@link LineCacheTest} (which fails when a
 * row is asked out of order): the reader sees the decoder's rows, an error where the decoder threw
 * it, and closing stops the thread and closes the decoder once. Same bytes through whole pipelines
 * at 1-8 workers: the determinism harness.
 */
class ReadAheadRowsTest {
    private static final Workers TWO = Workers.fixed(2);
    private static final Workers ONE = Workers.fixed(1);
    private static final int WIDTH = 40;   // 120 bytes a row: chunks of 64 rows

    @AfterAll
    static void stop() {
        TWO.shutdown();
        ONE.shutdown();
    }

    /** {@code job} in a run on {@code workers}, as a sole reader ({@link ReadAheadRows#asSoleReader}). */
    private static <T> T inRun(Workers workers, Supplier<T> job) {
        return new SinkRun(RunContext.on(workers)).within(() -> {
            Object[] result = new Object[1];
            ReadAheadRows.asSoleReader(() -> result[0] = job.get());
            @SuppressWarnings("unchecked")
            T t = (T) result[0];
            return t;
        });
    }

    /** A pattern decoder that sleeps now and then, so that reader and thread overtake each other. */
    private static RowDecoder slowPattern(int failAt, AtomicInteger opened, AtomicInteger closed) {
        LineCacheTest.PatternDecoder d = new LineCacheTest.PatternDecoder(WIDTH, failAt, opened, closed);
        return new RowDecoder() {
            @Override
            public void decodeRow(Region dst, int y) {
                if (y % 37 == 0) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
                d.decodeRow(dst, y);
            }

            @Override
            public void close() {
                d.close();
            }
        };
    }

    private static void assertRow(Region row, int y) {
        for (int x = 0; x < WIDTH; x++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(LineCacheTest.PatternDecoder.value(x, y, b), (int) row.raw(x, y, b), "row " + y);
            }
        }
    }

    @Test
    void theReaderSeesEveryRowOfTheDecoderAndTheDecoderIsClosedOnce() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        int height = 1000;
        inRun(TWO, () -> {
            RowDecoder rows = ReadAheadRows.wrap(slowPattern(-1, opened, closed), WIDTH, height, 3, BandFormat.U8);
            assertInstanceOf(ReadAheadRows.class, rows, "two workers: read ahead");
            Region row = Region.allocate(new Rect(0, 0, WIDTH, 1), 3, BandFormat.U8);
            for (int y = 0; y < height; y++) {
                row.resize(new Rect(0, y, WIDTH, 1));
                rows.decodeRow(row, y);
                assertRow(row, y);
                if (y % 100 == 0) {
                    Thread.yield();   // let the thread run ahead
                }
            }
            rows.close();
            return null;
        });
        assertEquals(1, closed.get());
    }

    @Test
    void anErrorReachesTheReaderAtItsRowAfterTheRowsBeforeIt() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        int failAt = 333;   // in the middle of the sixth chunk
        inRun(TWO, () -> {
            RowDecoder rows = ReadAheadRows.wrap(slowPattern(failAt, opened, closed), WIDTH, 1000, 3, BandFormat.U8);
            assertInstanceOf(ReadAheadRows.class, rows);
            Region row = Region.allocate(new Rect(0, 0, WIDTH, 1), 3, BandFormat.U8);
            for (int y = 0; y < failAt; y++) {
                row.resize(new Rect(0, y, WIDTH, 1));
                rows.decodeRow(row, y);
                assertRow(row, y);
            }
            row.resize(new Rect(0, failAt, WIDTH, 1));
            LaminaException e = assertThrows(LaminaException.class, () -> rows.decodeRow(row, failAt));
            assertEquals("pattern: corrupt row " + failAt, e.getMessage());
            // asked again, the same error: the decoder is not asked for the row a second time
            assertThrows(LaminaException.class, () -> rows.decodeRow(row, failAt));
            rows.close();
            return null;
        });
        assertEquals(1, closed.get());
    }

    @Test
    void closingEarlyStopsTheThreadAndGivesItsPermitBack() throws InterruptedException {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        RowDecoder[] first = new RowDecoder[1];
        inRun(TWO, () -> {
            first[0] = ReadAheadRows.wrap(slowPattern(-1, opened, closed), WIDTH, 100_000, 3, BandFormat.U8);
            Region row = Region.allocate(new Rect(0, 0, WIDTH, 1), 3, BandFormat.U8);
            for (int y = 0; y < 10; y++) {
                row.resize(new Rect(0, y, WIDTH, 1));
                first[0].decodeRow(row, y);
            }
            // the pool of two has one permit, held by the first decoder's thread
            RowDecoder second = ReadAheadRows.wrap(slowPattern(-1, opened, closed), WIDTH, 1000, 3, BandFormat.U8);
            assertFalse(second instanceof ReadAheadRows, "no permit left: read as it is");
            second.close();
            first[0].close();
            return null;
        });
        assertEquals(2, closed.get());
        // the thread ends after close (it was waiting for a free buffer or decoding a chunk)
        long deadline = System.nanoTime() + 10_000_000_000L;
        boolean free = false;
        while (!free && System.nanoTime() < deadline) {
            free = TWO.tryStartReadAhead();
            if (!free) {
                Thread.sleep(1);
            }
        }
        assertTrue(free, "the permit came back");
        TWO.endReadAhead();
    }

    @Test
    void oneWorkerNoRunOrParallelReadersReadTheDecoderAsItIs() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        RowDecoder inner = slowPattern(-1, opened, closed);
        assertSame(inner, inRun(ONE, () -> ReadAheadRows.wrap(inner, WIDTH, 1000, 3, BandFormat.U8)));
        assertSame(inner, ReadAheadRows.wrap(inner, WIDTH, 1000, 3, BandFormat.U8));
        // in a run of two, but not a sole reader (strips of parallel workers)
        assertSame(inner, new SinkRun(RunContext.on(TWO)).within(
                () -> ReadAheadRows.wrap(inner, WIDTH, 1000, 3, BandFormat.U8)));
        // too few rows to overlap anything: two chunks at least
        assertSame(inner, inRun(TWO, () -> ReadAheadRows.wrap(inner, WIDTH, 100, 3, BandFormat.U8)));
    }
}
