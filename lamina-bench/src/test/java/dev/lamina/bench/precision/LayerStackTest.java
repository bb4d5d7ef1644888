package dev.lamina.bench.precision;

import dev.lamina.metrics.Comparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's precision claim as a test: stacks of 2, 3 and 4 semi-transparent soft masks and soft
 * shadows (opacity 0.05 to 0.3), drawn with Lamina's public API, stay within 1 LSB of the float64
 * reference (every sample within one 8-bit level of 255 times the exact value). And the contrast
 * the lab shows: a pipeline that stores every step in 8 bits does not.
 */
class LayerStackTest {
    private static final int W = 120, H = 90;

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void laminaIsWithinOneLsbOfFloat64(int layers) {
        LayerStack s = LayerStack.of(layers, W, H);
        double[] ref = StackModel.render(s, StackModel.Storage.FLOAT64);
        Comparison c = StackStats.compare(StackEngines.lamina(s), ref, W, H);
        System.out.printf("lamina %d layers: max %.3f levels, SSIM %.6f, dE mean %.4f max %.4f%n", layers,
                c.maxAbsError() * 255, c.ssim(), c.deltaEMean(), c.deltaEMax());
        assertTrue(c.maxAbsError() * 255 <= 1.0, "max error " + c.maxAbsError() * 255 + " levels");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void eightBitsPerStepIsNot(int layers) {
        LayerStack s = LayerStack.of(layers, W, H);
        double[] ref = StackModel.render(s, StackModel.Storage.FLOAT64);
        double[] u8 = StackModel.render(s, StackModel.Storage.U8);
        int[] rgb = new int[u8.length];
        for (int i = 0; i < u8.length; i++) {
            rgb[i] = (int) Math.round(u8[i] * 255);
        }
        Comparison c = StackStats.compare(rgb, ref, W, H);
        Comparison j = StackStats.compare(StackEngines.java2d(s), ref, W, H);
        System.out.printf("u8 model %d layers: max %.3f; java2d max %.3f SSIM %.6f dE max %.3f%n", layers,
                c.maxAbsError() * 255, j.maxAbsError() * 255, j.ssim(), j.deltaEMax());
        assertTrue(c.maxAbsError() * 255 > 1.0, "max error " + c.maxAbsError() * 255 + " levels");
    }
}
