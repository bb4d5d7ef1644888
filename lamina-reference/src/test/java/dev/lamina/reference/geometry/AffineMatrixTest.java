package dev.lamina.reference.geometry;

import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.geometry.Affine;
import dev.lamina.geometry.AffineMatrix;
import dev.lamina.reference.conversion.AddAlphaReference;
import dev.lamina.reference.conversion.TestImages;
import dev.lamina.reference.conversion.ToColourReference;
import dev.lamina.reference.resample.ResizeReference;
import dev.lamina.reference.resample.ResizeTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Affine transforms and rotations against the float64 reference ({@link AffineReference}, which
 * maps, sums and clips another way): every kernel x format x bands x kind of transform, with
 * 1-pixel and odd-sized images, fractional translations, shears, compressions (the stretched
 * kernel), output areas that cut the image or miss it, and backgrounds that widen the layout.
 */
class AffineMatrixTest {

    /** {name, matrix {a, b, c, d, tx, ty} or a rotation in degrees, area or null}. */
    private record Case(String name, double[] matrix, double degrees, int[] area, Integer background) {
    }

    private static final double S30 = Math.sin(Math.toRadians(30)), C30 = Math.cos(Math.toRadians(30));

    private static final Case[] CASES = {
            new Case("rotate 0 (identity, general path)", null, 0, null, null),
            new Case("rotate 45", null, 45, null, null),
            new Case("rotate 90 (general path)", null, 90, null, null),
            new Case("rotate 179.9", null, 179.9, null, null),
            new Case("rotate -30 on grey 0x80", null, -30, null, 0xFF808080),
            new Case("rotate 30 on translucent orange", null, 30, null, 0x80FF8000),
            new Case("shear x 0.4 + fractional translation", new double[]{1, 0.4, 0, 1, 0.25, -0.6}, 0, null, null),
            new Case("shear y -0.3", new double[]{1, 0, -0.3, 1, 0, 0}, 0, null, null),
            new Case("scale up 2.3 x 1.7", new double[]{2.3, 0, 0, 1.7, 0, 0}, 0, null, null),
            new Case("scale down 0.45 (stretched kernel)", new double[]{0.45, 0, 0, 0.45, 0.3, 0}, 0, null, null),
            new Case("rotate 30 and compress 0.6 x 1.2", new double[]{0.6 * C30, -1.2 * S30, 0.6 * S30, 1.2 * C30, 0, 0}, 0, null, null),
            new Case("mirror and shear", new double[]{-1, 0.2, 0.1, 1, 0, 0}, 0, null, null),
            new Case("translate by fractions into an explicit area", new double[]{1, 0, 0, 1, 0.3, 0.7}, 0, new int[]{-2, -1, 9, 8}, null),
            new Case("area cutting the image", new double[]{1.2, 0.3, -0.2, 0.9, 0, 0}, 0, new int[]{2, 1, 5, 3}, null),
            new Case("area missing the image", new double[]{1, 0, 0, 1, 0, 0}, 0, new int[]{40, -30, 4, 3}, 0xFF204060),
    };

    private static final int[][] SIZES = {{1, 1}, {7, 5}, {4, 9}, {19, 14}, {31, 6}};

    private static final ResizeTesting.Tally U8 = new ResizeTesting.Tally();
    private static final ResizeTesting.Tally U16 = new ResizeTesting.Tally();

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            for (BandFormat f : BandFormat.values()) {
                for (int bands = 1; bands <= 4; bands++) {
                    for (int s = 0; s < CASES.length; s++) {
                        int[] size = SIZES[(s + bands) % SIZES.length];
                        all.add(Arguments.of(k, f, bands, CASES[s].name, s, size[0], size[1]));
                    }
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} {2} bands {3} {5}x{6}")
    @MethodSource("matrix")
    void matchesReference(Kernel kernel, BandFormat format, int bands, String name, int index, int w, int h) {
        Case c = CASES[index];
        Region in = ResizeTesting.random(w, h, bands, format, 131L * index + 17L * w + bands);
        Image out;
        double[] m;
        int[] area;
        if (c.matrix == null) {
            out = Affine.rotate(TestImages.image(in), c.degrees, kernel, c.background);
            double[][] r = AffineReference.rotation(w, h, c.degrees);
            m = r[0];
            area = Arrays.stream(r[1]).mapToInt(v -> (int) v).toArray();
        } else {
            m = c.matrix;
            AffineMatrix am = new AffineMatrix(m[0], m[1], m[2], m[3], m[4], m[5]);
            area = c.area != null ? c.area : AffineReference.bounds(m, w, h);
            out = Affine.build(TestImages.image(in), am,
                    kernel, c.area == null ? null : new Rect(c.area[0], c.area[1], c.area[2], c.area[3]), c.background);
        }
        String what = kernel + " " + format + " " + bands + " bands " + name + " " + w + "x" + h;
        Widened wide = widen(in, c.background);
        ResizeTesting.Tally t = ResizeTesting.assertMatches(AffineReference.affine(wide.region, m, kernel, area, wide.background),
                out, what);
        switch (format) {
            case U8 -> U8.add(t);
            case U16 -> U16.add(t);
            case F32 -> { }
        }
    }

    /** The input in the output's layout and the background there, as the reference takes them. */
    record Widened(Region region, double[] background) {
    }

    static Widened widen(Region in, Integer argb) {
        if (argb == null) {
            return new Widened(in, new double[in.bands]);
        }
        int a = argb >>> 24, r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
        boolean grey = in.bands <= 2 && r == g && g == b;
        boolean alpha = in.bands % 2 == 0 || a != 255;
        Region region = in;
        if (!grey && in.bands <= 2) {
            region = ToColourReference.toColour(region);
        }
        if (alpha && region.bands % 2 == 1) {
            region = AddAlphaReference.addAlpha(region);
        }
        double[] colour = grey ? new double[]{r / 255.0} : new double[]{r / 255.0, g / 255.0, b / 255.0};
        double[] bg = Arrays.copyOf(colour, colour.length + (alpha ? 1 : 0));
        if (alpha) {
            bg[colour.length] = a / 255.0;
        }
        return new Widened(region, bg);
    }

    /**
     * An independent check of the geometry: a pure scale is a resize (the same pixel-centre
     * convention, the same stretched kernel when shrinking), so the affine must match
     * {@link ResizeReference} away from coverage, which is whole for a scale onto its bounds.
     */
    @Test
    void aPureScaleIsAResize() {
        int[][] sizes = {{17, 11, 40, 26}, {23, 19, 9, 7}, {12, 30, 25, 11}};
        for (Kernel k : Kernel.values()) {
            for (int[] s : sizes) {
                for (int bands = 1; bands <= 4; bands++) {
                    Region in = ResizeTesting.random(s[0], s[1], bands, BandFormat.U16, 7L * s[2] + bands);
                    Image out = Affine.build(TestImages.image(in),
                            new AffineMatrix((double) s[2] / s[0], 0, 0, (double) s[3] / s[1], 0, 0), k, null, null);
                    String what = k + " " + bands + " bands " + s[0] + "x" + s[1] + " -> " + s[2] + "x" + s[3];
                    assertEquals(s[2], out.width, what);
                    assertEquals(s[3], out.height, what);
                    ResizeTesting.Tally t = ResizeTesting.assertMatches(ResizeReference.resize(in, s[2], s[3], k), out, what);
                    U16.add(t);
                }
            }
        }
    }

    @AfterAll
    static void almostEverySampleIsExact() {
        System.out.println("affine U8 against the reference: " + U8);
        System.out.println("affine U16 against the reference: " + U16);
        assertTrue(U8.samples > 50_000, "the matrix compared enough U8 samples: " + U8);
        assertTrue(U8.exactFraction() >= 0.999, "U8: " + U8);
        assertTrue(U16.exactFraction() >= 0.999, "U16: " + U16);
        assertTrue(U8.maxError <= 1 && U16.maxError <= 1);
    }
}
