package dev.lamina.reference.geometry;

import dev.lamina.model.Limits;
import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.geometry.Affine;
import dev.lamina.geometry.AffineMatrix;
import dev.lamina.reference.conversion.TestImages;
import dev.lamina.reference.resample.ResizeTesting;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random transforms, sizes, kernels, formats and bands against the reference, and invariants. */
class AffinePropertiesTest {
    private static final ResizeTesting.Tally INTEGER_FORMATS = new ResizeTesting.Tally();

    @AfterContainer
    static void almostEverySampleIsExact() {
        System.out.println("affine properties, U8 and U16 against the reference: " + INTEGER_FORMATS);
        assertTrue(INTEGER_FORMATS.exactFraction() >= 0.999, INTEGER_FORMATS.toString());
    }

    @Property(tries = 250)
    void matchesReference(@ForAll @IntRange(min = 1, max = 14) int w, @ForAll @IntRange(min = 1, max = 14) int h,
                          @ForAll @DoubleRange(min = 0.3, max = 2.5) double sx, @ForAll @DoubleRange(min = 0.3, max = 2.5) double sy,
                          @ForAll @DoubleRange(min = -180, max = 180) double degrees,
                          @ForAll @DoubleRange(min = -0.8, max = 0.8) double shear,
                          @ForAll @DoubleRange(min = -3, max = 3) double tx, @ForAll @DoubleRange(min = -3, max = 3) double ty,
                          @ForAll Kernel kernel, @ForAll BandFormat format, @ForAll @IntRange(min = 1, max = 4) int bands,
                          @ForAll long seed) {
        // rotate . shear . scale
        double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees));
        double a = sx, b = shear * sy, cc = 0, d = sy;
        double[] m = {c * a - s * cc, c * b - s * d, s * a + c * cc, s * b + c * d, tx, ty};
        Region in = ResizeTesting.random(w, h, bands, format, seed);
        Image out = Affine.build(TestImages.image(in), new AffineMatrix(m[0], m[1], m[2], m[3], m[4], m[5]), kernel, null, null);
        int[] area = AffineReference.bounds(m, w, h);
        String what = kernel + " " + format + " " + bands + " bands " + w + "x" + h + " m=" + java.util.Arrays.toString(m);
        ResizeTesting.Tally t = ResizeTesting.compare(AffineReference.affine(in, m, kernel, area, new double[bands]),
                out.fetch(out.bounds()), what);
        assertTrue(t.maxError <= 1, what + ": " + t);
        if (format != BandFormat.F32) {
            INTEGER_FORMATS.add(t);
        }
    }

    /**
     * The case the property found: turned by 180 degrees, sin(pi) leaves a rounding of 1e-16 in the
     * map, and the centre of output pixel (1, 1) lands that far left of the input's edge. The
     * per-pixel test gives it the edge pixel; a one-pixel request once took the same centre for a
     * miss and answered background.
     */
    @Example
    void aOnePixelRequestOnTheImagesEdgeAfterAHalfTurn() {
        rectanglesAgreeWithTheWhole(1, 2, 180.0, 0.74, Kernel.NEAREST, 1, 1, 0);
    }

    /** Any rectangle of the result equals the same pixels of the whole: tiles and requests do not change values. */
    @Property(tries = 100)
    void rectanglesAgreeWithTheWhole(@ForAll @IntRange(min = 1, max = 90) int w, @ForAll @IntRange(min = 1, max = 90) int h,
                                     @ForAll @DoubleRange(min = -180, max = 180) double degrees,
                                     @ForAll @DoubleRange(min = 0.2, max = 3) double scale, @ForAll Kernel kernel,
                                     @ForAll @IntRange(min = 0, max = 1000) int rx, @ForAll @IntRange(min = 0, max = 1000) int ry,
                                     @ForAll long seed) {
        Region in = ResizeTesting.random(w, h, 4, BandFormat.U16, seed);
        double c = Math.cos(Math.toRadians(degrees)) * scale, s = Math.sin(Math.toRadians(degrees)) * scale;
        Image out = Affine.build(TestImages.image(in), new AffineMatrix(c, -s, s, c, 0.5, 0.25), kernel, null, 0x80336699);
        Region whole = out.materialise(Limits.defaults(), "test").fetch(out.bounds());
        int x = rx % out.width, y = ry % out.height;
        Rect r = new Rect(x, y, 1 + (rx / 7) % (out.width - x), 1 + (ry / 7) % (out.height - y));
        Region part = out.fetch(r);
        for (int py = r.y(); py < r.bottom(); py++) {
            for (int px = r.x(); px < r.right(); px++) {
                for (int b = 0; b < 4; b++) {
                    assertEquals(whole.raw(px, py, b), part.raw(px, py, b), r + " at " + px + "," + py);
                }
            }
        }
    }

    /**
     * A translation by whole pixels onto an explicit area is an exact shifted copy with every
     * interpolating kernel (Mitchell is not one: it blurs at 1:1).
     */
    @Property(tries = 100)
    void wholePixelTranslationsCopyExactly(@ForAll @IntRange(min = 1, max = 12) int w, @ForAll @IntRange(min = 1, max = 12) int h,
                                           @ForAll @IntRange(min = -5, max = 5) int dx, @ForAll @IntRange(min = -5, max = 5) int dy,
                                           @ForAll Kernel kernel, @ForAll BandFormat format, @ForAll @IntRange(min = 1, max = 4) int bands,
                                           @ForAll long seed) {
        Assume.that(kernel != Kernel.MITCHELL);
        Region in = ResizeTesting.random(w, h, bands, format, seed);
        Image out = Affine.build(TestImages.image(in), new AffineMatrix(1, 0, 0, 1, dx, dy), kernel, new Rect(dx, dy, w, h), null);
        Region got = out.fetch(out.bounds());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    if (bands % 2 == 0 && b < bands - 1 && in.raw(x, y, bands - 1) == 0 && kernel != Kernel.NEAREST) {
                        continue;   // colour under alpha 0 is not kept by a premultiplied path
                    }
                    assertEquals(in.raw(x, y, b), got.raw(x, y, b), kernel + " (" + x + "," + y + ") band " + b);
                }
            }
        }
    }
}
