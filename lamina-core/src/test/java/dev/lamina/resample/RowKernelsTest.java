package dev.lamina.resample;

import dev.lamina.core.Rounding;
import dev.lamina.model.Kernel;
import dev.lamina.simd.RowKernels;
import dev.lamina.simd.Vectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The resampler's vector row kernels ({@link RowKernels}) against their scalar forms, in one JVM:
 * the same doubles bit for bit, over random sizes, scales, kernels, windows and values, with rows
 * of exactly the size the pass needs (where the three-band vector loop must stop and leave the
 * scalar one the last outputs) and padded. The U8 read is held to its definition, i / 255.0, and
 * the U8 write to core's rounding rule (Rounding.toU8). The
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

    /**
     * The U8 write against Rounding.toU8, value by value: every tie k + 0.5 of -300..600 (the ones a
     * clamp meets included) and the doubles around it (a few ulps, and within and just outside the
     * tie tolerance), NaN, infinities, signed zeros, the int cast's saturation (+-2^31 / 255 and
     * beyond), random values in -0.2..1.2 and random bit patterns, at every start offset of a
     * turn of eight. Run again after ten thousand calls, when C2 has compiled the vector form (the
     * first calls run the Vector API's Java fallback, not the compiled intrinsics).
     */
    @Test
    void u8WriteIsTheRoundingRule() {
        RowKernels v = vector();
        List<Double> values = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, Math.nextDown(1.0),
                Math.nextUp(1.0), 2.0, -1.0, 1e10, -1e10, Integer.MAX_VALUE / 255.0, Integer.MIN_VALUE / 255.0,
                Math.nextUp(Integer.MAX_VALUE / 255.0), Math.nextDown(Integer.MIN_VALUE / 255.0)));
        for (int q = -300; q <= 600; q++) {
            double tie = (q + 0.5) / 255.0;
            values.add(q / 255.0);
            double below = tie, above = tie;
            for (int u = 0; u < 4; u++) {
                values.add(below);
                values.add(above);
                below = Math.nextDown(below);
                above = Math.nextUp(above);
            }
            for (double off : new double[]{-2e-7, -1.01e-7, -0.99e-7, -0.5e-7, 0.5e-7, 2e-7}) {
                values.add(tie + off / 255.0);
            }
        }
        Random rnd = new Random(17);
        for (int r = 0; r < 20000; r++) {
            values.add(rnd.nextDouble() * 1.4 - 0.2);
            values.add(Double.longBitsToDouble(rnd.nextLong()));
        }
        double[] all = values.stream().mapToDouble(Double::doubleValue).toArray();
        checkWrite(v, all);
        double[] row = new double[768];
        byte[] out = new byte[768];
        for (int call = 0; call < 10_000; call++) {
            System.arraycopy(all, (call * 768) % (all.length - 768), row, 0, 768);
            v.unitToU8(row, out, 0, 768);
        }
        checkWrite(v, all);
    }

    private static void checkWrite(RowKernels v, double[] all) {
        for (int start = 0; start < 8; start++) {
            int n = all.length - start;
            double[] src = java.util.Arrays.copyOfRange(all, start, all.length);
            byte[] dst = new byte[n + 5];
            v.unitToU8(src, dst, 5, n);
            for (int k = 0; k < n; k++) {
                assertEquals(Rounding.toU8(src[k]), dst[5 + k] & 0xFF, "value " + src[k] + " (bits " + Double.doubleToRawLongBits(src[k]) + ")");
            }
        }
    }
}
