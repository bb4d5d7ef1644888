package dev.lamina.reference.resample;

import dev.lamina.reference.conversion.TestImages;
import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.resample.Resize;
import net.jqwik.api.ForAll;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random small sizes, kernels, formats and bands: the engine against the reference, and invariants. */
class ResizePropertiesTest {
    private static final ResizeTesting.Tally INTEGER_FORMATS = new ResizeTesting.Tally();

    @AfterContainer
    static void almostEverySampleIsExact() {
        System.out.println("resize properties, U8 and U16 against the reference: " + INTEGER_FORMATS);
        assertTrue(INTEGER_FORMATS.exactFraction() >= 0.999, INTEGER_FORMATS.toString());
    }

    @Property(tries = 300)
    void matchesReference(@ForAll @IntRange(min = 1, max = 24) int inW, @ForAll @IntRange(min = 1, max = 24) int inH,
                          @ForAll @IntRange(min = 1, max = 30) int outW, @ForAll @IntRange(min = 1, max = 30) int outH,
                          @ForAll Kernel kernel, @ForAll BandFormat format,
                          @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll long seed) {
        Region in = ResizeTesting.random(inW, inH, bands, format, seed);
        Image out = Resize.build(TestImages.image(in), outW, outH, kernel);
        String what = kernel + " " + format + " " + bands + " bands " + inW + "x" + inH + " -> " + outW + "x" + outH;
        ResizeTesting.Tally t = ResizeTesting.compare(ResizeReference.resize(in, outW, outH, kernel),
                out.fetch(out.bounds()), what);
        assertTrue(t.maxError <= 1, what + ": " + t);
        if (format != BandFormat.F32) {
            INTEGER_FORMATS.add(t);
        }
    }

    /** A resize only mixes pixels with non-negative weights for LINEAR: the result stays within the input's range. */
    @Property(tries = 100)
    void linearStaysWithinTheInputRange(@ForAll @IntRange(min = 1, max = 24) int inW,
                                        @ForAll @IntRange(min = 1, max = 24) int inH,
                                        @ForAll @IntRange(min = 1, max = 30) int outW,
                                        @ForAll @IntRange(min = 1, max = 30) int outH, @ForAll long seed) {
        Region in = ResizeTesting.random(inW, inH, 1, BandFormat.U8, seed);
        int lo = 255, hi = 0;
        for (int i = 0; i < inW * inH; i++) {
            lo = Math.min(lo, in.u8()[i] & 0xFF);
            hi = Math.max(hi, in.u8()[i] & 0xFF);
        }
        Region out = Resize.build(TestImages.image(in), outW, outH, Kernel.LINEAR).fetch(
                new dev.lamina.core.Rect(0, 0, outW, outH));
        for (int i = 0; i < outW * outH; i++) {
            int v = out.u8()[i] & 0xFF;
            assertTrue(v >= lo && v <= hi, v + " outside " + lo + ".." + hi);
        }
    }

    /** Any rectangle of the result equals the same pixels of the whole result: requests do not change values. */
    @Property(tries = 100)
    void rectanglesAgreeWithTheWhole(@ForAll @IntRange(min = 1, max = 40) int inW, @ForAll @IntRange(min = 1, max = 40) int inH,
                                     @ForAll @IntRange(min = 1, max = 40) int outW, @ForAll @IntRange(min = 1, max = 40) int outH,
                                     @ForAll Kernel kernel, @ForAll @IntRange(min = 0, max = 1000) int rx,
                                     @ForAll @IntRange(min = 0, max = 1000) int ry, @ForAll long seed) {
        Region in = ResizeTesting.random(inW, inH, 4, BandFormat.U16, seed);
        Image out = Resize.build(TestImages.image(in), outW, outH, kernel);
        Region whole = out.fetch(out.bounds());
        int x = rx % outW, y = ry % outH;
        dev.lamina.core.Rect r = new dev.lamina.core.Rect(x, y, 1 + (rx / 7) % (outW - x), 1 + (ry / 7) % (outH - y));
        Region part = out.fetch(r);
        for (int py = r.y(); py < r.bottom(); py++) {
            for (int px = r.x(); px < r.right(); px++) {
                for (int b = 0; b < 4; b++) {
                    assertEquals(whole.raw(px, py, b), part.raw(px, py, b), r + " at " + px + "," + py);
                }
            }
        }
    }
}
