package dev.lamina.reference.convolution;

import dev.lamina.model.LaminaException;
import dev.lamina.convolution.GaussianBlur;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gaussian blur against its float64 reference: every format x bands, sigmas from a fraction of a
 * pixel to larger than the image, the exact path and the recursive one (8-bit, sigma 3 and up).
 */
class GaussianBlurMatrixTest {
    private static final BlurTesting.Tally EXACT = new BlurTesting.Tally();
    private static final BlurTesting.Tally RECURSIVE = new BlurTesting.Tally();

    /** {sigma, width, height}. */
    private static final double[][] CASES = {
            {0.3, 17, 13}, {0.8, 23, 19}, {1.5, 31, 22}, {2.9, 40, 37}, {3, 41, 30}, {5, 45, 300},
            {12.5, 30, 40}, {30, 25, 21}, {4, 1, 9}, {4, 9, 1}};

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (double[] c : CASES) {
            for (BandFormat f : BandFormat.values()) {
                for (int bands = 1; bands <= 4; bands++) {
                    all.add(Arguments.of(c[0], (int) c[1], (int) c[2], f, bands));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "sigma {0} {1}x{2} {3} {4} bands")
    @MethodSource("matrix")
    void matchesReference(double sigma, int w, int h, BandFormat format, int bands) {
        Region in = BlurTesting.picture(w, h, bands, format, (long) (sigma * 1000) + 31L * w + bands);
        Image out = GaussianBlur.build(TestImages.image(in), sigma);
        String what = "sigma " + sigma + " " + w + "x" + h + " " + format + " " + bands + " bands";
        BlurTesting.Tally t = BlurTesting.assertMatches(BlurReference.blur(in, sigma), out, what);
        if (format == BandFormat.U8 && sigma >= 3) {
            RECURSIVE.add(t);
        } else if (format != BandFormat.F32) {
            EXACT.add(t);
        }
    }

    @Test
    void aSequentialInputIsReadOnce() {
        Region in = BlurTesting.picture(33, 500, 4, BandFormat.U8, 5);
        for (double sigma : new double[]{1.2, 6}) {
            AtomicInteger opens = new AtomicInteger();
            Image out = GaussianBlur.build(TestImages.sequential(in, opens), sigma);
            BlurTesting.compare(BlurReference.blur(in, sigma), out.materialise(dev.lamina.model.Limits.defaults(), "test").fetch(out.bounds()), "sequential " + sigma);
            assertEquals(1, opens.get(), "the decoder is opened once");
        }
    }

    @Test
    void tinySigmasChangeNothingAndBadOnesAreRefused() {
        Image in = TestImages.image(BlurTesting.picture(5, 5, 3, BandFormat.U8, 1));
        assertSame(in, GaussianBlur.build(in, 0.1), "a kernel of one tap is the image itself");
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class, () -> GaussianBlur.build(in, 0)).kind());
        assertEquals(LaminaException.Kind.BAD_INPUT, assertThrows(LaminaException.class, () -> GaussianBlur.build(in, Double.NaN)).kind());
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, assertThrows(LaminaException.class, () -> GaussianBlur.build(in, 501)).kind());
    }

    @AfterAll
    static void summary() {
        System.out.println("blur, exact path, U8 and U16 against the reference: " + EXACT);
        System.out.println("blur, recursive path, U8 against the reference: " + RECURSIVE);
        assertTrue(EXACT.exactFraction() >= 0.999, "exact path: " + EXACT);
        assertTrue(RECURSIVE.maxError <= 1, "recursive path: " + RECURSIVE);
    }
}
