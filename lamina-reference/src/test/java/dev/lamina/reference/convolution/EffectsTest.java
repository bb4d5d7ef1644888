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
