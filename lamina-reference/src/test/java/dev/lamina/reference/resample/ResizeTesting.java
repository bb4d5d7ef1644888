package dev.lamina.reference.resample;

import dev.lamina.model.Limits;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Generated inputs and the core-versus-reference comparison that counts exact samples. */
public final class ResizeTesting {

    private ResizeTesting() {
    }

    /** Agreement of core with the reference over many samples: how many were exact, the worst error. */
    public static final class Tally {
        public long samples;
        public long exact;
        public double maxError;

        public synchronized void add(Tally t) {
            samples += t.samples;
            exact += t.exact;
            maxError = Math.max(maxError, t.maxError);
        }

        public double exactFraction() {
            return samples == 0 ? 1.0 : (double) exact / samples;
        }

        @Override
        public String toString() {
            return exact + " of " + samples + " samples exact (" + String.format("%.6f", exactFraction())
                    + "), largest difference " + maxError;
        }
    }

    /**
     * Random samples (every sample independent: the hardest input for rounding), with alpha cycling
     * through 0, full scale and random values so that transparent and opaque pixels meet.
     */
    public static Region random(int w, int h, int bands, BandFormat format, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Region r = Region.allocate(Rect.of(w, h), bands, format);
        boolean alpha = bands == 2 || bands == 4;
        int p = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, p++) {
                for (int b = 0; b < bands; b++) {
                    double v = rnd.nextDouble();
                    if (alpha && b == bands - 1 && p % 5 == 0) {
                        v = 0;
                    } else if (alpha && b == bands - 1 && p % 5 == 1) {
                        v = 1;
                    }
                    int i = r.index(x, y) + b;
                    switch (format) {
                        case U8 -> r.u8()[i] = (byte) (int) Math.floor(v * 256);
                        case U16 -> r.u16()[i] = (short) (int) Math.floor(v * 65536);
                        case F32 -> r.f32()[i] = (float) v;
                    }
                }
            }
        }
        return r;
    }



    /** Compares every sample of {@code actual} with {@code expected}; integer formats may differ by 1 at most. */
    public static Tally compare(Region expected, Region actual, String what) {
        Tally t = new Tally();
        Rect r = actual.rect();
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                for (int b = 0; b < actual.bands; b++) {
                    double e = expected.raw(x, y, b), a = actual.raw(x, y, b);
                    double diff = Math.abs(e - a);
                    t.samples++;
                    if (actual.format == BandFormat.F32) {
                        // both round the same double-precision sum to float: at most an ulp or so apart
                        if (diff > 1e-6 * Math.max(1.0, Math.abs(e))) {
                            fail(what + ": (" + x + "," + y + ") band " + b + " is " + a + ", expected " + e);
                        }
                        if (diff == 0) {
                            t.exact++;
                        }
                        continue;
                    }
                    if (diff == 0) {
                        t.exact++;
                    }
                    t.maxError = Math.max(t.maxError, diff);
                    if (diff > 1) {
                        fail(what + ": (" + x + "," + y + ") band " + b + " is " + a + ", expected " + e);
                    }
                }
            }
        }
        return t;
    }

    /** Rectangles to fetch: all, an odd piece inside, a corner, the last row, the last column. */
    public static List<Rect> probes(int w, int h) {
        List<Rect> rects = new ArrayList<>();
        rects.add(Rect.of(w, h));
        rects.add(new Rect(w / 3, h / 3, Math.max(1, (w + 1) / 2), Math.max(1, (h + 1) / 2)));
        rects.add(new Rect(w - 1, h - 1, 1, 1));
        rects.add(new Rect(0, h - 1, w, 1));
        rects.add(new Rect(w - 1, 0, 1, h));
        return rects;
    }

    /**
     * The image against the reference: fetched whole and in odd rectangles on this thread, and in
     * strips on the worker pool. The tally counts the whole-image comparison once.
     */
    public static Tally assertMatches(Region expected, Image actual, String what) {
        assertEquals(expected.rect().width(), actual.width, what + ": width");
        assertEquals(expected.rect().height(), actual.height, what + ": height");
        assertEquals(expected.bands, actual.bands, what + ": bands");
        assertEquals(expected.format, actual.format, what + ": format");
        Tally whole = compare(expected, actual.materialise(Limits.defaults(), "test").fetch(actual.bounds()), what + " in strips");
        for (Rect r : probes(actual.width, actual.height)) {
            Region got = actual.fetch(r);
            compare(expected, got, what + " " + r);
        }
        assertTrue(whole.maxError <= 1, what + ": " + whole);
        return whole;
    }
}
