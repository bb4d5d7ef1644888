package dev.lamina.reference.conversion;

import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.LineCache;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Generated test images and exact region comparisons for the conversion tests. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * Random samples, with the alpha band (if any) cycling through 0, full scale and random values so
     * that every image meets both edge cases. With {@code outOfRange}, F32 colour spans -0.25..1.25.
     */
    public static Region random(int w, int h, int bands, BandFormat format, long seed, boolean outOfRange) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Region r = Region.allocate(Rect.of(w, h), bands, format);
        boolean alpha = bands == 2 || bands == 4;
        int p = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, p++) {
                for (int b = 0; b < bands; b++) {
                    boolean isAlpha = alpha && b == bands - 1;
                    double v = rnd.nextDouble();
                    if (isAlpha && p % 4 == 0) {
                        v = 0;
                    } else if (isAlpha && p % 4 == 1) {
                        v = 1;
                    } else if (!isAlpha && outOfRange && format == BandFormat.F32 && p % 3 == 0) {
                        v = rnd.nextDouble(-0.25, 1.25);
                    }
                    ReferenceSamples.put(r, x, y, b, v);
                }
            }
        }
        return r;
    }

    public static Interpretation interpretation(int bands) {
        return bands <= 2 ? Interpretation.GREY : Interpretation.RGB;
    }

    /** The region as a random-access image. */
    public static Image image(Region r) {
        return MemorySource.image(r, interpretation(r.bands), r.bands % 2 == 0, Metadata.NONE);
    }

    /** The region as a sequential image: a line cache over a decoder that hands out its rows in order. */
    public static Image sequential(Region r) {
        return sequential(r, new AtomicInteger());
    }

    /** The same, with {@code opens} counting how often the line cache opens the decoder. */
    public static Image sequential(Region r, AtomicInteger opens) {
        Rect all = r.rect();
        return LineCache.image(() -> {
            opens.incrementAndGet();
            return new RowDecoder() {
                private int next;

                @Override
                public void decodeRow(Region dst, int y) {
                    assertEquals(next++, y, "rows must be decoded in order");
                    dst.copyFrom(r, new Rect(0, y, all.width(), 1));   // row y only, as a decoder writes
                }

                @Override
                public void close() {
                }
            };
        }, all.width(), all.height(), interpretation(r.bands), r.bands % 2 == 0, r.format, Metadata.NONE, "test", Limits.defaults());
    }

    /** Rectangles worth fetching from a w x h image: all of it, odd pieces inside, a corner pixel, the last row. */
    public static List<Rect> probes(int w, int h) {
        List<Rect> rects = new ArrayList<>();
        rects.add(Rect.of(w, h));
        rects.add(new Rect(w / 3, h / 3, Math.max(1, (w + 1) / 2), Math.max(1, (h + 1) / 2)));
        rects.add(new Rect(w - 1, h - 1, 1, 1));
        rects.add(new Rect(0, h - 1, w, 1));
        rects.add(new Rect(w - 1, 0, 1, h));
        rects.add(new Rect(w / 2, 0, w - w / 2, Math.max(1, h - 1)));
        return rects;
    }

    /** Every sample of {@code actual} equals the sample of {@code expected} at the same coordinates. */
    public static void assertSamples(Region expected, Region actual, String what) {
        assertEquals(expected.bands, actual.bands, what + ": bands");
        assertEquals(expected.format, actual.format, what + ": format");
        Rect r = actual.rect();
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                for (int b = 0; b < actual.bands; b++) {
                    double e = expected.raw(x, y, b), a = actual.raw(x, y, b);
                    if (Double.compare(e, a) != 0 && e != a) {
                        fail(what + ": sample (" + x + "," + y + ") band " + b + " is " + a + ", expected " + e);
                    }
                }
            }
        }
    }

    /**
     * The image equals the reference everywhere: fetched whole and in odd rectangles on this thread,
     * and computed in strips on the worker pool.
     */
    public static void assertImage(Region expected, Image actual, String what) {
        assertEquals(expected.rect().width(), actual.width, what + ": width");
        assertEquals(expected.rect().height(), actual.height, what + ": height");
        assertEquals(expected.bands, actual.bands, what + ": bands");
        assertEquals(expected.format, actual.format, what + ": format");
        for (Rect r : probes(actual.width, actual.height)) {
            assertSamples(expected, actual.fetch(r), what + " " + r);
        }
        assertSamples(expected, actual.materialise(Limits.defaults(), "test").fetch(actual.bounds()), what + " in strips");
    }
}
