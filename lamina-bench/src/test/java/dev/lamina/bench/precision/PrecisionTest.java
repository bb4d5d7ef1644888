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
    void anExactResultHasNoMeasurableError() {
        // The reference is compared as F32, so k/255 carries float rounding (~1e-8): not infinite,
        // but far beyond anything an 8-bit result can show.
        int[] rgb = image(1);
        Precision p = Precision.measure(rgb, asReference(rgb), W, H);
        assertTrue(p.psnr() > 120, "psnr " + p.psnr());
        assertEquals(1.0, p.ssim(), 1e-9);
        assertEquals(0, p.de2000Max(), 1e-3);
        assertEquals(0, p.maxAbs(), 1e-4);
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
        assertEquals(1.0, p.maxAbs(), 1e-4);
        assertTrue(p.de2000Mean() > 0 && p.de2000Max() < 3, "one level moves colour a little: " + p);
    }

    @Test
    void ssimFallsForAStructuralChangeMoreThanForAnOffset() {
        int[] x = new int[3 * W * H];
        int[] offset = new int[x.length];
        int[] inverted = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (int) Math.round(100 + 80 * Math.sin(i / 3 * 0.7));
            offset[i] = x[i] + 3;
            inverted[i] = 200 - x[i];
        }
        double a = Precision.measure(offset, asReference(x), W, H).ssim();
        double b = Precision.measure(inverted, asReference(x), W, H).ssim();
        assertTrue(a > 0.99 && b < 0, "offset " + a + ", inverted " + b);
    }
}
