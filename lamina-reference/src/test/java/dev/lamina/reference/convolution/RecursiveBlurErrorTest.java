package dev.lamina.reference.convolution;

import dev.lamina.convolution.GaussianBlur;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recursive approximation's own error, measured in float (no rounding to hide it): within
 * 0.15 of an 8-bit step of the exact blur, the bound docs/precision.md derives from its kernel,
 * for inputs in 0..1 with hard edges and noise, on images larger and smaller than the filter's
 * reach (where the recursion starts from the image's edges).
 */
class RecursiveBlurErrorTest {

    @ParameterizedTest(name = "sigma {0}")
    @ValueSource(doubles = {3, 4.5, 8, 17, 40, 90})
    void withinAFractionOfAnEightBitStep(double sigma) {
        int w = sigma > 20 ? 23 : 71, h = sigma > 20 ? 19 : 300;
        Region in = BlurTesting.picture(w, h, 1, BandFormat.F32, (long) sigma);
        Image out = GaussianBlur.build(TestImages.image(in), sigma, true);
        Region got = out.materialise(dev.lamina.model.Limits.defaults(), "test").fetch(out.bounds());
        double[][][] exact = BlurReference.premultipliedBlur(in, sigma);
        double worst = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                worst = Math.max(worst, Math.abs(got.raw(x, y, 0) - exact[y][x][0]));
            }
        }
        System.out.printf("recursive blur, sigma %.1f: largest error %.2e = %.3f of an 8-bit step%n", sigma, worst, worst * 255);
        assertTrue(worst * 255 <= 0.15, "error " + worst * 255 + " of an 8-bit step");
    }
}
