package dev.lamina.reference.resample;

import dev.lamina.model.Limits;
import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.LineCache;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.TestImages;
import dev.lamina.resample.Resize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A big vertical shrink of a sequential input (the forward sweep) against the float64 reference:
 * every kernel x format x bands, with the scales from the sizes and given explicitly. The decoder
 * (TestImages.sequential, which fails on a row out of order) is opened once per run, and the
 * result is exact for U8 and U16.
 */
class ResizeSweepTest {

    /** {in w, in h, out w, out h, scale x, scale y}; NaN: the ratio of the sizes. */
    private static final double[][] CASES = {
            {37, 400, 11, 9, Double.NaN, Double.NaN},              // both axes down
            {20, 300, 20, 7, Double.NaN, Double.NaN},              // height only
            {9, 500, 30, 8, Double.NaN, Double.NaN},               // up x, down y
            {5, 97, 3, 40, Double.NaN, Double.NaN},                // just above 2: windows of neighbours overlap most
            {23, 401, 11, 12, 185.0 / 8 / 11, 3209.0 / 8 / 12},    // explicit, as after shrink-on-load
            {16, 350, 16, 10, 1.0, 35.7},                          // explicit, width kept at scale 1
            {12, 260, 13, 6, 0.93, 44.0},                          // explicit, the window runs past the last row
    };

    static List<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            for (BandFormat f : BandFormat.values()) {
                for (int bands = 1; bands <= 4; bands++) {
                    for (double[] c : CASES) {
                        all.add(Arguments.of(k, f, bands, c));
                    }
                }
            }
        }
        return all;
    }

    private static Image resize(Image in, double[] c, Kernel k) {
        return Resize.build(in, (int) c[2], (int) c[3], k, c[4], c[5]);
    }

    private static Region expected(Region in, double[] c, Kernel k) {
        return Double.isNaN(c[4])
                ? ResizeReference.resize(in, (int) c[2], (int) c[3], k)
                : ResizeReference.resize(in, (int) c[2], (int) c[3], k, c[4], c[5]);
    }

    @ParameterizedTest(name = "{0} {1} {2} bands {3}")
    @MethodSource("cases")
    void matchesReferenceAndReadsOnce(Kernel kernel, BandFormat format, int bands, double[] c) {
        int inW = (int) c[0], inH = (int) c[1], outW = (int) c[2], outH = (int) c[3];
        String what = kernel + " " + format + " " + bands + " bands " + inW + "x" + inH + " to " + outW + "x" + outH;
        Region in = ResizeTesting.random(inW, inH, bands, format, 13L * inH + 5L * outW + bands);
        Region expected = expected(in, c, kernel);

        // whole, in strips on the worker pool
        AtomicInteger opens = new AtomicInteger();
        Image out = resize(TestImages.sequential(in, opens), c, kernel);
        assertTrue(out.sequential, what + ": the result is a sequential source");
        assertTrue(out.producer() instanceof LineCache, what + ": the sweep (a decoder behind a line cache) ran");
        assertEquals(format, out.format, what);
        assertEquals(bands, out.bands, what);
        ResizeTesting.Tally whole = ResizeTesting.compare(expected, out.materialise(Limits.defaults(), "test").fetch(out.bounds()), what + " in strips");
        assertEquals(1, opens.get(), what + ": the decoder is opened once");
        if (format != BandFormat.F32) {
            assertEquals(0, whole.maxError, what + ": " + whole);
        }

        // odd rectangles on this thread, each from a fresh pipeline: one open each
        for (Rect r : ResizeTesting.probes(outW, outH)) {
            AtomicInteger o = new AtomicInteger();
            Region got = resize(TestImages.sequential(in, o), c, kernel).fetch(r);
            ResizeTesting.Tally t = ResizeTesting.compare(expected, got, what + " " + r);
            assertEquals(1, o.get(), what + " " + r + ": the decoder is opened once");
            if (format != BandFormat.F32) {
                assertEquals(0, t.maxError, what + " " + r + ": " + t);
            }
        }
    }

    /**
     * Asked again for rows the line cache has dropped, the sweep starts over from the top (a new
     * decoder below) and gives the same samples.
     */
    @Test
    void aRequestBehindTheRingRestartsTheSweep() {
        Region in = ResizeTesting.random(31, 900, 4, BandFormat.U16, 77);
        AtomicInteger opens = new AtomicInteger();
        Image out = Resize.build(TestImages.sequential(in, opens), 10, 60, Kernel.LANCZOS3);
        Region expected = ResizeReference.resize(in, 10, 60, Kernel.LANCZOS3);
        Rect last = new Rect(0, 59, 10, 1), top = new Rect(2, 0, 5, 3);
        assertEquals(0, ResizeTesting.compare(expected, out.fetch(last), "last row").maxError);
        assertEquals(0, ResizeTesting.compare(expected, out.fetch(top), "top after the last row").maxError);
        assertEquals(0, ResizeTesting.compare(expected, out.fetch(out.bounds()), "whole after that").maxError);
        assertEquals(2, opens.get(), "the top rows were gone: the input is read again from row 0, once");
    }

    /** The sweep is only for sequential inputs shrunk by more than 2 vertically; others keep the strip path. */
    @Test
    void otherInputsKeepTheStripPath() {
        Region in = ResizeTesting.random(20, 300, 3, BandFormat.U8, 5);
        assertFalse(Resize.build(TestImages.image(in), 10, 10, Kernel.CUBIC).producer() instanceof LineCache,
                "random access");
        assertFalse(Resize.build(TestImages.sequential(in, new AtomicInteger()), 10, 150, Kernel.CUBIC).producer()
                instanceof LineCache, "a shrink by 2");
        assertFalse(Resize.build(TestImages.sequential(in, new AtomicInteger()), 5, 300, Kernel.CUBIC).producer()
                instanceof LineCache, "width only");
    }
}
