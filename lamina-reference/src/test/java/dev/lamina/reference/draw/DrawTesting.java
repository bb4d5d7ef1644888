package dev.lamina.reference.draw;

import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;
import dev.lamina.draw.Contours;
import dev.lamina.draw.Outline;
import dev.lamina.draw.ShapeCoverage;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Shapes rasterised by the engine against the float64 reference, sample by sample. */
final class DrawTesting {

    private DrawTesting() {
    }

    /** Agreement over many samples: how many were exact, the largest difference (in stored units). */
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

    /** The outline's rings as the reference takes them. */
    static List<double[]> rings(Outline o) {
        Contours c = o.rings();
        List<double[]> rings = new ArrayList<>();
        for (int i = 0; i < c.count(); i++) {
            rings.add(c.ring(i));
        }
        return rings;
    }

    /** The reference coverage of what the engine would fill for {@code shape}. */
    static double[][] reference(Shape shape, int w, int h) {
        Outline o = Outline.of(shape, w, h, "test shape");
        return RasteriserReference.coverage(rings(o), o.rule(), w, h);
    }

    /** A reference value in stored units of {@code f}: rounded for U8 and U16. */
    static double stored(double v, BandFormat f) {
        return switch (f) {
            case U8 -> Rounding.toU8(v);
            case U16 -> Rounding.toU16(v);
            case F32 -> (float) v;
        };
    }

    /**
     * Compares a region of coverage with the reference: U8 and U16 within 1 of the correctly
     * rounded reference, F32 within 1e-6.
     */
    static Tally compare(double[][] expected, Region actual, int band, String what) {
        Tally t = new Tally();
        Rect r = actual.rect();
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                double e = stored(expected[y][x], actual.format), a = actual.raw(x, y, band);
                double d = Math.abs(e - a);
                double allowed = actual.format == BandFormat.F32 ? 1e-6 : 1;
                if (d > allowed) {
                    fail(what + ": (" + x + "," + y + ") is " + a + ", expected " + e + " (exact " + expected[y][x] + ")");
                }
                t.samples++;
                if (d == 0 || (actual.format == BandFormat.F32 && d <= 1e-7)) {
                    t.exact++;
                }
                t.maxError = Math.max(t.maxError, d);
            }
        }
        return t;
    }

    /** Rectangles to fetch besides the whole: an odd piece inside, a corner, the last row, one column. */
    static List<Rect> probes(int w, int h) {
        return List.of(new Rect(w / 3, h / 3, Math.max(1, (w + 1) / 2), Math.max(1, (h + 1) / 2)),
                new Rect(w - 1, h - 1, 1, 1), new Rect(0, h - 1, w, 1), new Rect(w / 2, 0, 1, h));
    }

    /** The engine's coverage image against the reference: in strips on the pool, and in odd rectangles. */
    static Tally assertCoverage(Shape shape, int w, int h, BandFormat format, double[][] expected, String what) {
        Image img = ShapeCoverage.image(shape, w, h, format, "test shape");
        Tally whole = compare(expected, img.materialise(dev.lamina.model.Limits.defaults(), "test").fetch(img.bounds()), 0, what + " in strips");
        for (Rect r : probes(w, h)) {
            compare(expected, img.fetch(r), 0, what + " " + r);
        }
        return whole;
    }
}
