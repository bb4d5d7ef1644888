package dev.lamina.reference.convolution;

import dev.lamina.model.LaminaException;
import dev.lamina.convolution.Sharpen;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unsharp mask against its float64 reference: every format x bands, amounts and thresholds. */
class SharpenMatrixTest {
    private static final BlurTesting.Tally EXACT = new BlurTesting.Tally();
    private static final BlurTesting.Tally ANY = new BlurTesting.Tally();

    /** {sigma, amount, threshold}. */
    private static final double[][] CASES = {{0.5, 1, 0}, {1, 0.6, 0.02}, {2, 1.5, 0.1}, {4, 3, 0}, {6, 8, 0.01}};

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (double[] c : CASES) {
            for (BandFormat f : BandFormat.values()) {
                for (int bands = 1; bands <= 4; bands++) {
                    all.add(Arguments.of(c[0], c[1], c[2], f, bands));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "sigma {0} amount {1} threshold {2} {3} {4} bands")
    @MethodSource("matrix")
    void matchesReference(double sigma, double amount, double threshold, BandFormat format, int bands) {
        Region in = BlurTesting.picture(29, 41, bands, format, (long) (sigma * 100 + amount * 10) + bands);
        Image out = Sharpen.build(TestImages.image(in), sigma, amount, threshold);
        BlurTesting.Tally t = BlurTesting.assertMatches(BlurReference.sharpen(in, sigma, amount, threshold), out,
                "sharpen " + sigma + " " + amount + " " + threshold + " " + format + " " + bands);
        if (format != BandFormat.F32) {
            ANY.add(t);
            if (!(format == BandFormat.U8 && sigma >= 3 && amount <= 3)) {
                EXACT.add(t);
            }
        }
    }

    @Test
    void anAmountOfZeroIsTheImageAndBadParametersAreRefused() {
        Image in = TestImages.image(BlurTesting.picture(5, 5, 3, BandFormat.U8, 1));
        assertSame(in, Sharpen.build(in, 1, 0, 0));
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class, () -> Sharpen.build(in, 1, -1, 0)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class, () -> Sharpen.build(in, 1, 1, 2)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class, () -> Sharpen.build(in, -1, 1, 0)).kind());
    }

    @AfterAll
    static void summary() {
        System.out.println("sharpen, exact blur, U8 and U16 against the reference: " + EXACT);
        System.out.println("sharpen, all, U8 and U16 against the reference: " + ANY);
        assertTrue(EXACT.exactFraction() >= 0.999, EXACT.toString());
        assertTrue(ANY.maxError <= 1, ANY.toString());
    }
}
