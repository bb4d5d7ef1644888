package dev.lamina.reference.convolution;

import dev.lamina.model.Shape;
import dev.lamina.convolution.AlphaDilate;
import dev.lamina.convolution.Effects;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.draw.ShapeCoverage;
import dev.lamina.reference.conversion.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drop shadow, glow and outline against their float64 twin; the grown edge against exact geometry. */
class EffectsTest {
    private static final BlurTesting.Tally ALL = new BlurTesting.Tally();
    private static final double[] ORANGE = {1, 0.5, 0.25};

    /** {dx, dy, sigma, spread, opacity}. */
    private static final double[][] CASES = {{3, 4, 2, 0, 0.6}, {-5, 2, 0, 2.5, 1}, {0, 0, 4, 1.5, 0.3},
            {7, -3, 6.5, 0, 0.8}, {0, 0, 0, 3.7, 1}};

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (double[] c : CASES) {
            for (BandFormat f : BandFormat.values()) {
                for (int bands : new int[]{2, 3, 4}) {
                    all.add(Arguments.of(c, f, bands));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} {2} bands")
    @MethodSource("matrix")
    void shadowMatchesReference(double[] c, BandFormat format, int bands) {
        Region in = BlurTesting.picture(26, 21, bands, format, (long) (c[2] * 10 + c[3]) + bands);
        Image out = Effects.shadow(TestImages.image(in), (int) c[0], (int) c[1], c[2], c[3], ORANGE, c[4]);
        Region expected = EffectsReference.shadow(in, (int) c[0], (int) c[1], c[2], c[3], ORANGE, c[4]);
        BlurTesting.Tally t = BlurTesting.assertMatches(expected, out, "shadow " + java.util.Arrays.toString(c) + " " + format);
        if (format != BandFormat.F32) {
            ALL.add(t);
        }
    }

    /**
     * A 16-bit shadow whose result is rounded to 8 bits in the end may take the recursive blur: every
     * sample within 0.15 of an 8-bit step (plus the 16-bit rounding) of the exact float64 shadow.
     */
    @ParameterizedTest(name = "sigma {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {3, 6.5, 12})
    void sixteenBitShadowForAnEightBitResult(double sigma) {
        Region in = BlurTesting.picture(60, 45, 4, BandFormat.U16, (long) (sigma * 10));
        Image out = Effects.shadow(TestImages.image(in), 3, -2, sigma, 1, ORANGE, 0.7, true);
        Region expected = EffectsReference.shadow(in, 3, -2, sigma, 1, ORANGE, 0.7);
        Region got = out.materialise(dev.lamina.model.Limits.defaults(), "test").fetch(out.bounds());
        assertEquals(BandFormat.U16, got.format);
        double worst = 0;
        for (int y = 0; y < 45; y++) {
            for (int x = 0; x < 60; x++) {
                for (int c = 0; c < 4; c++) {
                    worst = Math.max(worst, Math.abs(got.raw(x, y, c) - expected.raw(x, y, c)));
                }
            }
        }
        assertTrue(worst <= 0.15 * 257 + 1, "largest difference " + worst + " 16-bit steps");
    }

    /** A straight antialiased edge grown by r moves out by exactly r: the coverage of the half-plane x < 10.3 + r. */
    @Test
    void aStraightEdgeMovesOutByTheRadius() {
        int w = 30, h = 6;
        Image mask = ShapeCoverage.image(Shape.rect(-5, -5, 15.3, 20), w, h, BandFormat.F32, "edge");
        for (double r : new double[]{0.5, 1, 2.25, 7.6}) {
            Region got = AlphaDilate.build(mask, r).fetch(mask.bounds());
            double edge = 10.3 + r;
            for (int x = 0; x < w; x++) {
                double exact = Math.max(0, Math.min(1, edge - x));
                assertEquals(exact, got.raw(x, 3, 0), 1e-6, "r " + r + " at x " + x);
            }
        }
    }

    @AfterAll
    static void summary() {
        System.out.println("shadows against the reference, U8 and U16: " + ALL);
        assertTrue(ALL.maxError <= 1, ALL.toString());
    }
}
