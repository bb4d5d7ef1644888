package dev.lamina.reference.composite;

import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.LineCache;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import dev.lamina.core.Rounding;
import dev.lamina.core.StripSink;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Generated inputs and the comparison of the fast path with the float64 reference. */
final class CompositeTesting {
    private CompositeTesting() {
    }

    /**
     * A random image. A third of the alpha samples are fully transparent or fully opaque, so the
     * edge values are always well represented; the rest are uniform over the format's range.
     */
    static Image random(int w, int h, int bands, BandFormat format, Random rnd) {
        Interpretation in = bands <= 2 ? Interpretation.GREY : Interpretation.RGB;
        boolean alpha = bands == 2 || bands == 4;
        Region r = Region.allocate(Rect.of(w, h), bands, format);
        for (int i = 0; i < w * h * bands; i++) {
            boolean isAlpha = alpha && i % bands == bands - 1;
            double v;
            int pick = rnd.nextInt(6);
            if (isAlpha && pick == 0) {
                v = 0;
            } else if (isAlpha && pick == 1) {
                v = 1;
            } else {
                v = rnd.nextDouble();
            }
            set(r, i, v);
        }
        return MemorySource.image(r, in, alpha, null);
    }

    /** An image with every sample set to {@code v} except the alpha band, set to {@code alpha}. */
    static Image uniform(int w, int h, int bands, BandFormat format, double v, double alpha) {
        Interpretation in = bands <= 2 ? Interpretation.GREY : Interpretation.RGB;
        boolean hasAlpha = bands == 2 || bands == 4;
        Region r = Region.allocate(Rect.of(w, h), bands, format);
        for (int i = 0; i < w * h * bands; i++) {
            set(r, i, hasAlpha && i % bands == bands - 1 ? alpha : v);
        }
        return MemorySource.image(r, in, hasAlpha, null);
    }

    /** Stores a normalised value in sample {@code i}, rounded the project's way. */
    static void set(Region r, int i, double v) {
        switch (r.format) {
            case U8 -> r.u8()[i] = (byte) Rounding.toU8(v);
            case U16 -> r.u16()[i] = (short) Rounding.toU16(v);
            case F32 -> r.f32()[i] = (float) v;
        }
    }

    /** The same pixels served as a sequential image through a {@link LineCache}, as a decoder would. */
    static Image sequential(Image memory, Metadata metadata) {
        Region all = memory.fetch(memory.bounds());
        return LineCache.image(() -> new RowDecoder() {
            @Override
            public void decodeRow(Region dst, int y) {
                Region row = Region.allocate(new Rect(0, y, memory.width, 1), memory.bands, memory.format);
                row.copyFrom(all);
                dst.copyFrom(row);
            }

            @Override
            public void close() {
            }
        }, memory.width, memory.height, memory.interpretation, memory.hasAlpha, memory.format, metadata, "test", Limits.defaults());
    }

    /** The whole image computed by the sink, strip by strip on the worker pool. */
    static Region runSink(Image image) {
        Region all = image.newRegion(image.bounds());
        StripSink.run(image, all::copyFrom);
        return all;
    }

    /** Counts of samples compared and of 8-bit samples that were not the correctly rounded value. */
    static final class Tally {
        long samples;
        long offByOne;
    }

    /**
     * Checks {@code actual} (covering {@code rect} of the result) against the reference: layout, and
     * per sample U8 within 1 of the correctly rounded value (exact for at least 99.9%), U16 within
     * 1, F32 within 1e-5.
     */
    static Tally assertMatches(ReferenceComposite.Result expected, Region actual, String label) {
        Rect rect = actual.rect();
        assertEquals(expected.bands(), actual.bands, label + ": bands");
        assertEquals(expected.format(), actual.format, label + ": format");
        Tally t = new Tally();
        for (int y = rect.y(); y < rect.bottom(); y++) {
            for (int x = rect.x(); x < rect.right(); x++) {
                for (int b = 0; b < actual.bands; b++) {
                    double e = expected.sample(x, y, b);
                    double a = actual.raw(x, y, b);
                    t.samples++;
                    switch (actual.format) {
                        case U8 -> {
                            int want = Rounding.toU8(e);
                            if (a != want) {
                                t.offByOne++;
                                if (Math.abs(a - want) > 1) {
                                    fail(label + ": (" + x + "," + y + ") band " + b + " is " + a + ", reference "
                                            + want + " (" + e * 255 + ")");
                                }
                            }
                        }
                        case U16 -> {
                            int want = Rounding.toU16(e);
                            if (Math.abs(a - want) > 1) {
                                fail(label + ": (" + x + "," + y + ") band " + b + " is " + a + ", reference "
                                        + want + " (" + e * 65535 + ")");
                            }
                        }
                        case F32 -> {
                            if (!(Math.abs(a - e) <= 1e-5)) {
                                fail(label + ": (" + x + "," + y + ") band " + b + " is " + a + ", reference " + e);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(t.offByOne <= t.samples / 1000, label + ": " + t.offByOne + " of " + t.samples
                + " 8-bit samples are not the correctly rounded value (more than 0.1%)");
        return t;
    }

    /** Builds the composite, fetches it whole on this thread and compares it with the reference. */
    static Tally check(Image base, List<CompositeLayer> layers, BandFormat out, String label) {
        Image image = dev.lamina.composite.CompositeOp.build(base, layers, out);
        ReferenceComposite.Result ref = ReferenceComposite.compute(base, layers, out);
        assertEquals(ref.interpretation(), image.interpretation, label + ": interpretation");
        assertEquals(ref.hasAlpha(), image.hasAlpha, label + ": alpha");
        return assertMatches(ref, image.fetch(image.bounds()), label);
    }
}
