package dev.lamina.resample;

import dev.lamina.model.Kernel;
import dev.lamina.simd.RowKernels;
import dev.lamina.simd.Vectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The resampler's vector row kernels ({@link RowKernels}) against their scalar forms, in one JVM:
 * the same doubles bit for bit, over random sizes, scales, kernels, windows and values, with rows
 * of exactly the size the pass needs (where the three-band vector loop must stop and leave the
 * scalar one the last outputs) and padded. The U8 read is held to its definition, i / 255.0. The
 * resize as a whole, with whichever form the JVM picked, is held to the float64 reference in
 * lamina-reference (ResizeRandomTest there runs with and without the vector module).
 */
class RowKernelsTest {

    private static RowKernels vector() {
        try {
            return Vectors.newVectorRowKernels();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Assumptions.abort("no vector row kernels in this JVM: " + e);
            return null;
        }
    }

    @Test
    void u8ReadIsTheQuotient() {
        RowKernels v = vector();
        Random rnd = new Random(5);
        for (int n = 0; n < 70; n++) {
            byte[] src = new byte[n + 9];
            rnd.nextBytes(src);
            int at = rnd.nextInt(10);
            at = Math.min(at, src.length - n);
            double[] dst = new double[n];
            v.u8ToUnit(src, at, dst, n);
            for (int k = 0; k < n; k++) {
                assertEquals(Double.doubleToRawLongBits((src[at + k] & 0xFF) / 255.0), Double.doubleToRawLongBits(dst[k]),
                        "sample " + k + " of " + n);
            }
        }
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        double[] dst = new double[256];
        v.u8ToUnit(all, 0, dst, 256);
        for (int i = 0; i < 256; i++) {
            assertEquals(i / 255.0, dst[i], 0.0, "value " + i);
        }
    }

    @Test
    void horizontalPassIsTheScalarOneBitForBit() {
        RowKernels v = vector();
        Random rnd = new Random(11);
        Kernel[] kernels = {Kernel.LINEAR, Kernel.CUBIC, Kernel.MITCHELL, Kernel.LANCZOS2, Kernel.LANCZOS3, Kernel.NEAREST};
        for (int trial = 0; trial < 600; trial++) {
            int in = 1 + rnd.nextInt(trial < 300 ? 40 : 900);
            int out = 1 + rnd.nextInt(trial % 3 == 0 ? 3 * in : Math.max(1, in));
            Kernel kernel = kernels[rnd.nextInt(kernels.length)];
            ResampleWeights w = ResampleWeights.of(kernel, in, out);
            for (int bands : new int[]{3, 4}) {
                // a strip of the outputs, the input from the first column its windows touch
                int x0 = rnd.nextInt(out), x1 = x0 + 1 + rnd.nextInt(out - x0);
                int inX0 = w.inputStart(x0, x1), inX1 = w.inputEnd(x0, x1);
                int pad = rnd.nextInt(3);
                double[] src = new double[(inX1 - inX0) * bands + pad];
                for (int i = 0; i < src.length; i++) {
                    src[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(2) : rnd.nextDouble() * 1.2 - 0.1;
                }
                double[] expected = new double[(x1 - x0) * bands + pad];
                double[] actual = new double[expected.length];
                ResampleHorizontal.filterRow(src, expected, w, bands, x0, x1, inX0, null);
                ResampleHorizontal.filterRow(src, actual, w, bands, x0, x1, inX0, v);
                String what = kernel + " " + in + " -> " + out + " columns " + x0 + ".." + x1 + ", " + bands + " bands, pad " + pad;
                for (int i = 0; i < (x1 - x0) * bands; i++) {
                    assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                            what + ": sample " + i + " is " + actual[i] + ", scalar " + expected[i]);
                }
            }
        }
    }
}
