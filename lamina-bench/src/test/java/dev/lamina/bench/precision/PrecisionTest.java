package dev.lamina.bench.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrecisionTest {
    private static final int W = 40;
    private static final int H = 30;

    private static int[] image(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] rgb = new int[3 * W * H];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = r.nextInt(256);
        }
        return rgb;
    }

    private static double[] asReference(int[] rgb) {
        double[] ref = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            ref[i] = rgb[i] / 255.0;
        }
        return ref;
    }

    @Test
    void anExactResultHasInfinitePsnrAndNoError() {
        int[] rgb = image(1);
        Precision p = Precision.measure(rgb, asReference(rgb), W, H);
        assertEquals(Double.POSITIVE_INFINITY, p.psnr());
        assertEquals(1.0, p.ssim(), 1e-12);
        assertEquals(0, p.de2000Mean());
        assertEquals(0, p.de2000Max());
        assertEquals(0, p.maxAbs());
    }

    @Test
    void anErrorOfOneLevelEverywhereGivesThePsnrOfAnMseOfOne() {
        int[] rgb = image(2);
        double[] ref = asReference(rgb);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = rgb[i] == 255 ? 254 : rgb[i] + 1;
        }
        Precision p = Precision.measure(rgb, ref, W, H);
        // MSE 1: PSNR = 10 log10(255^2) = 48.1308 dB.
        assertEquals(48.1308, p.psnr(), 1e-4);
        assertEquals(1.0, p.maxAbs(), 1e-12);
        assertTrue(p.de2000Mean() > 0 && p.de2000Max() < 3, "one level moves colour a little: " + p);
    }

    @Test
    void ssimFallsForAStructuralChangeMoreThanForAnOffset() {
        double[] x = new double[W * H];
        double[] offset = new double[W * H];
        double[] flipped = new double[W * H];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 + 80 * Math.sin(i * 0.7);
            offset[i] = x[i] + 3;
            flipped[i] = 200 - x[i];
        }
        double a = Precision.ssim(x, offset, W, H);
        double b = Precision.ssim(x, flipped, W, H);
        assertTrue(a > 0.99 && b < 0, "offset " + a + ", inverted " + b);
    }
}
