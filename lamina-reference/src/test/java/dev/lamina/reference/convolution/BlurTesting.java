package dev.lamina.reference.convolution;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.TestImages;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Inputs for the convolution tests, and the sample-by-sample comparison with the reference. */
final class BlurTesting {

    private BlurTesting() {
    }

    static final class Tally {
        long samples;
        long exact;
        double maxError;

        synchronized void add(Tally t) {
            samples += t.samples;
            exact += t.exact;
            maxError = Math.max(maxError, t.maxError);
        }

        double exactFraction() {
            return samples == 0 ? 1 : (double) exact / samples;
        }

        @Override
        public String toString() {
            return exact + " of " + samples + " samples exact (" + String.format("%.6f", exactFraction())
                    + "), largest difference " + maxError;
        }
    }

    /**
     * Noise with structure: a few hard-edged blocks over random samples (edges are where a blur
     * works hardest), alpha cycling through 0, full and random values so hidden colours meet
     * visible ones.
     */
    static Region picture(int w, int h, int bands, BandFormat format, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Region r = Region.allocate(Rect.of(w, h), bands, format);
        boolean alpha = bands % 2 == 0;
        double[][] blocks = new double[4][];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new double[]{rnd.nextInt(w), rnd.nextInt(h), 1 + rnd.nextInt(w), 1 + rnd.nextInt(h), rnd.nextDouble()};
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    double v = rnd.nextDouble();
                    for (double[] k : blocks) {
                        if (x >= k[0] && x < k[0] + k[2] && y >= k[1] && y < k[1] + k[3] && rnd.nextInt(4) > 0) {
                            v = b == 0 ? k[4] : 1 - k[4];
                        }
                    }
                    if (alpha && b == bands - 1) {
                        int p = (x * 7 + y * 3) % 5;
                        v = p == 0 ? 0 : p == 1 ? 1 : v;
                    }
                    int i = r.index(x, y) + b;
                    switch (format) {
                        case U8 -> r.u8()[i] = (byte) Math.min(255, (int) (v * 256));
                        case U16 -> r.u16()[i] = (short) Math.min(65535, (int) (v * 65536));
                        case F32 -> r.f32()[i] = (float) v;
                    }
                }
            }
        }
        return r;
    }

    static Image image(Region r) {
        return TestImages.image(r);
    }

    /** Every sample within 1 (U8, U16) or 1e-6 (F32) of the reference; the tally of exact ones. */
    static Tally compare(Region expected, Region actual, String what) {
        Tally t = new Tally();
        Rect r = actual.rect();
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                for (int b = 0; b < actual.bands; b++) {
                    double e = expected.raw(x, y, b), a = actual.raw(x, y, b), d = Math.abs(e - a);
                    if (d > (actual.format == BandFormat.F32 ? 1e-6 * Math.max(1, Math.abs(e)) : 1)) {
                        fail(what + ": (" + x + "," + y + ") band " + b + " is " + a + ", expected " + e);
                    }
                    t.samples++;
                    t.exact += d == 0 ? 1 : 0;
                    t.maxError = Math.max(t.maxError, d);
                }
            }
        }
        return t;
    }

    /** The image in strips on the pool and in odd rectangles on this thread, against the reference. */
    static Tally assertMatches(Region expected, Image actual, String what) {
        assertEquals(expected.bands, actual.bands, what);
        assertEquals(expected.format, actual.format, what);
        Tally whole = compare(expected, actual.materialise(dev.lamina.model.Limits.defaults(), "test").fetch(actual.bounds()), what + " in strips");
        int w = actual.width, h = actual.height;
        for (Rect r : new Rect[]{new Rect(w / 3, h / 4, Math.max(1, w / 2), Math.max(1, h / 2)),
                new Rect(w - 1, h - 1, 1, 1), new Rect(0, h / 2, w, 1), new Rect(w / 2, 0, 1, h)}) {
            compare(expected, actual.fetch(r), what + " " + r);
        }
        return whole;
    }
}
