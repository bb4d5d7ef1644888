package dev.lamina.resample;

import dev.lamina.model.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kernels' published values and properties, worked out by hand. */
class KernelFunctionTest {

    private static final double EPS = 1e-15;

    @Test
    void catmullRomValues() {
        // Keys' cubic with a = -0.5: 1.5|x|^3 - 2.5|x|^2 + 1 inside 1, -0.5|x|^3 + 2.5|x|^2 - 4|x| + 2 to 2
        assertEquals(1.0, KernelFunction.value(Kernel.CUBIC, 0), EPS);
        assertEquals(0.5625, KernelFunction.value(Kernel.CUBIC, 0.5), EPS);
        assertEquals(0.5625, KernelFunction.value(Kernel.CUBIC, -0.5), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.CUBIC, 1), EPS);
        assertEquals(-0.0625, KernelFunction.value(Kernel.CUBIC, 1.5), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.CUBIC, 2), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.CUBIC, 2.5), EPS);
    }

    @Test
    void mitchellValues() {
        assertEquals(8.0 / 9.0, KernelFunction.value(Kernel.MITCHELL, 0), EPS);
        assertEquals(1.0 / 18.0, KernelFunction.value(Kernel.MITCHELL, 1), EPS);
        assertEquals(1.0 / 18.0, KernelFunction.value(Kernel.MITCHELL, -1), EPS);
        // (7/8 - 3 + 16/3) / 6 = 77/144
        assertEquals(77.0 / 144.0, KernelFunction.value(Kernel.MITCHELL, 0.5), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.MITCHELL, 2), EPS);
    }

    @Test
    void lanczosValues() {
        assertEquals(1.0, KernelFunction.value(Kernel.LANCZOS3, 0), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.LANCZOS3, 1), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.LANCZOS3, 2), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.LANCZOS3, 3), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.LANCZOS3, 3.5), EPS);
        // sinc(1/2) sinc(1/6) = (2 / pi) (3 / pi) = 6 / pi^2
        assertEquals(6 / (Math.PI * Math.PI), KernelFunction.value(Kernel.LANCZOS3, 0.5), EPS);
        // sinc(1/2) sinc(1/4) = (2 / pi) (2 sqrt 2 / pi)
        assertEquals(4 * Math.sqrt(2) / (Math.PI * Math.PI), KernelFunction.value(Kernel.LANCZOS2, -0.5), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.LANCZOS2, 1), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.LANCZOS2, 2), EPS);
    }

    @Test
    void linearValues() {
        assertEquals(1.0, KernelFunction.value(Kernel.LINEAR, 0), EPS);
        assertEquals(0.75, KernelFunction.value(Kernel.LINEAR, -0.25), EPS);
        assertEquals(0.0, KernelFunction.value(Kernel.LINEAR, 1), EPS);
    }

    /** The cubic splines and the triangle are partitions of unity: integer shifts sum to 1 everywhere. */
    @ParameterizedTest
    @EnumSource(value = Kernel.class, names = {"LINEAR", "CUBIC", "MITCHELL"})
    void partitionOfUnity(Kernel k) {
        for (double d = 0; d < 1; d += 0.0625) {
            double sum = 0;
            for (int shift = -3; shift <= 3; shift++) {
                sum += KernelFunction.value(k, d + shift);
            }
            assertEquals(1.0, sum, 1e-12, k + " at " + d);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kernel.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
    void zeroAtAndBeyondTheSupport(Kernel k) {
        assertEquals(0.0, KernelFunction.value(k, k.support), EPS);
        assertEquals(0.0, KernelFunction.value(k, -k.support - 0.25), EPS);
        assertEquals(KernelFunction.value(k, 0.3), KernelFunction.value(k, -0.3), 0.0, "symmetric");
    }
}
