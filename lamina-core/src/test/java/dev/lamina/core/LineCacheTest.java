package dev.lamina.core;

import dev.lamina.model.Limits;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineCacheTest {

    /** A forward-only decoder of a known pattern that fails if asked out of order. */
    static final class PatternDecoder implements RowDecoder {
        final int width;
        final int failAt;
        int expect;
        final AtomicInteger opened;
        final AtomicInteger closed;

        PatternDecoder(int width, int failAt, AtomicInteger opened, AtomicInteger closed) {
            this.width = width;
            this.failAt = failAt;
            this.opened = opened;
            this.closed = closed;
            opened.incrementAndGet();
        }

        static int value(int x, int y, int b) {
            return (x * 7 + y * 13 + b * 101) & 0xFF;
        }

        @Override
        public void decodeRow(Region dst, int y) {
            if (y != expect) {
                throw new AssertionError("row " + y + " asked, " + expect + " expected");
            }
            if (y == failAt) {
                throw LaminaException.badInput("pattern: corrupt row " + y);
            }
            expect++;
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < 3; b++) {
                    dst.u8()[dst.index(x, y) + b] = (byte) value(x, y, b);
                }
            }
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    static Image pattern(int w, int h, int failAt, AtomicInteger opened, AtomicInteger closed) {
        return LineCache.image(() -> new PatternDecoder(w, failAt, opened, closed), w, h, Interpretation.RGB, false,
                BandFormat.U8, Metadata.NONE, "pattern", Limits.defaults());
    }

    @Test
    void parallelStripSinkSeesEveryRowOnceInOrderAndDecodesOnce() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        Image image = pattern(33, 1000, -1, opened, closed);
        AtomicInteger nextRow = new AtomicInteger();
        StripSink.run(image, strip -> {
            Rect r = strip.rect();
            assertEquals(nextRow.get(), r.y(), "strips arrive in order");
            for (int y = r.y(); y < r.bottom(); y++) {
                for (int x = 0; x < r.width(); x++) {
                    for (int b = 0; b < 3; b++) {
                        assertEquals(PatternDecoder.value(x, y, b), (int) strip.raw(x, y, b));
                    }
                }
            }
            nextRow.set(r.bottom());
        });
        assertEquals(1000, nextRow.get());
        assertEquals(1, opened.get(), "the file is read once");
        assertEquals(1, closed.get(), "and closed after the last row");
    }

    @Test
    void askingForRowsAlreadyDroppedReadsTheSourceAgain() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        Image image = pattern(8, 5000, -1, opened, closed);
        Region end = image.fetch(new Rect(0, 4990, 8, 10));
        Region start = image.fetch(new Rect(0, 0, 8, 3));
        assertEquals(PatternDecoder.value(3, 4995, 1), (int) end.raw(3, 4995, 1));
        assertEquals(PatternDecoder.value(5, 2, 2), (int) start.raw(5, 2, 2));
        assertEquals(2, opened.get());
    }

    @Test
    void aDecoderErrorReachesTheCallerAsItIsAndClosesTheSource() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        Image image = pattern(16, 400, 250, opened, closed);
        LaminaException e = assertThrows(LaminaException.class, () -> StripSink.run(image, strip -> {
        }));
        assertTrue(e.getMessage().contains("corrupt row 250"), e.getMessage());
        assertEquals(opened.get(), closed.get());
    }

    /**
     * The ring is one region used round-robin: requests that straddle its wrap-around come out in
     * two runs, requests for part of the width row by row; every sample must still be its row's.
     */
    @Test
    void requestsAcrossTheRingsWrapAndPartsOfRowsComeOutRight() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        Image image = pattern(5, 100_000, -1, opened, closed);
        try (Sequence s = image.producer().start()) {
            int y = 0;
            java.util.Random rnd = new java.util.Random(5);
            while (y < 100_000) {
                int h = Math.min(100_000 - y, 1 + rnd.nextInt(3000));
                int x = rnd.nextInt(5);
                Rect r = rnd.nextBoolean() ? new Rect(0, y, 5, h) : new Rect(x, y, 5 - x, h);
                Region out = Region.allocate(r, 3, BandFormat.U8);
                s.generate(out);
                for (int yy = r.y(); yy < r.bottom(); yy += 97) {
                    for (int xx = r.x(); xx < r.right(); xx++) {
                        assertEquals(PatternDecoder.value(xx, yy, 2), (int) out.raw(xx, yy, 2), xx + "," + yy);
                    }
                }
                assertEquals(PatternDecoder.value(r.right() - 1, r.bottom() - 1, 0), (int) out.raw(r.right() - 1, r.bottom() - 1, 0));
                y += Math.max(1, h - rnd.nextInt(h));   // the next request overlaps this one a little, as a margin does
            }
        }
        assertEquals(1, opened.get(), "read forward once");
    }

    @Test
    void theRingIsCheckedAgainstTheMemoryBudget() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        Image image = LineCache.image(() -> new PatternDecoder(100_000, -1, opened, closed), 100_000, 50,
                Interpretation.RGB, false, BandFormat.U8, Metadata.NONE, "wide", Limits.defaults().maxMemoryBytes(1 << 20));
        LaminaException e = assertThrows(LaminaException.class, () -> image.fetch(new Rect(0, 0, 100_000, 1)));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, e.kind());
        assertTrue(e.getMessage().startsWith("wide: keeping ") && e.getMessage().contains(" rows of 100000 pixels"), e.getMessage());
        assertEquals(0, opened.get(), "refused before the decoder was opened");
    }

    @Test
    void materialiseGivesTheSamePixelsAsRandomAccessImage() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        Image image = pattern(21, 77, -1, opened, closed).materialise(Limits.defaults(), "test");
        assertTrue(!image.sequential);
        Region r = image.fetch(new Rect(3, 40, 5, 7));
        assertEquals(PatternDecoder.value(6, 44, 0), (int) r.raw(6, 44, 0));
    }

    /**
     * The race behind black thumbnail tops (issue 9): a short request near the bottom arrives first
     * (a parallel sink's last, partial strip), then a tall one from the top makes the ring grow.
     * The grown ring's new slots hold nothing; the rows above the old ring must be read again, not
     * copied out of empty slots.
     */
    @Test
    void aRingThatGrowsAfterALateShortRequestDoesNotServeRowsItNeverHeld() {
        AtomicInteger opened = new AtomicInteger(), closed = new AtomicInteger();
        Image image = pattern(4, 10_000, -1, opened, closed);
        Region late = image.fetch(new Rect(0, 9_000, 4, 10));
        Region top = image.fetch(new Rect(0, 0, 4, 5_000));
        assertEquals(PatternDecoder.value(2, 9_005, 1), (int) late.raw(2, 9_005, 1));
        for (int y = 0; y < 5_000; y++) {
            for (int x = 0; x < 4; x++) {
                for (int b = 0; b < 3; b++) {
                    assertEquals(PatternDecoder.value(x, y, b), (int) top.raw(x, y, b), "row " + y);
                }
            }
        }
        assertEquals(2, opened.get(), "the top rows had left the ring: the source is read again");
    }
}
