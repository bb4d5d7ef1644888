package dev.lamina.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API, 256-bit: four double lanes.
 *
 * <p>The horizontal pass puts one pixel's bands in the lanes (r, g, b and the next pixel's r,
 * whose sum is thrown away; or r, g, b, a): a tap is one load, one multiply by the broadcast weight
 * and one add, where the scalar form does three or four of each. The scalar form sums even taps
 * and odd taps apart and adds the two at the end; so do the lanes, so each band's double is the
 * same.
 *
 * <p>A loop-carried vector starts from {@code DoubleVector.zero}, not from a static constant: a
 * loop phi that merges a constant vector object with computed ones is boxed by C2 (measured 6x
 * slower than the scalar form). Loaded only through {@link Vectors}.
 */
final class VectorRowKernels implements RowKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;

    VectorRowKernels() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
            throw new UnsupportedOperationException("no 256-bit double vectors on this CPU");
        }
    }

    @Override
    public String toString() {
        return "vector: jdk.incubator.vector, " + DoubleVector.SPECIES_PREFERRED.vectorBitSize() + "-bit preferred";
    }

    /**
     * Eight samples a turn: zero-extended to ints, converted exactly to doubles, then divided by 255
     * without a division (a vector division is no faster than the scalar form's table, measured):
     * q = v * (1/255) is off by an ulp for 24 of the 256 values, and one step of Markstein's
     * correction, e = fma(-q, 255, v) (exact) and fma(e, 1/255, q), gives the correctly rounded
     * quotient for every one of them (checked for all 256 by RowKernelsTest).
     */
    @Override
    public void u8ToUnit(byte[] src, int i, double[] dst, int n) {
        DoubleVector inverse = DoubleVector.broadcast(D, 1 / 255.0);
        DoubleVector minus255 = DoubleVector.broadcast(D, -255.0);
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            IntVector v = (IntVector) ByteVector.fromArray(B, src, i + k).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
            DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.I2D, D, 0);
            DoubleVector hi = (DoubleVector) v.convertShape(VectorOperators.I2D, D, 1);
            DoubleVector qlo = lo.mul(inverse), qhi = hi.mul(inverse);
            qlo.fma(minus255, lo).fma(inverse, qlo).intoArray(dst, k);
            qhi.fma(minus255, hi).fma(inverse, qhi).intoArray(dst, k + 4);
        }
        for (; k < n; k++) {
            dst[k] = (src[i + k] & 0xFF) / 255.0;
        }
    }

    /** Half a unit plus the tie tolerance: the bias of core's Rounding (not visible from here). */
    private static final double U8_BIAS = 0.5 + 1e-7;

    /**
     * Eight samples a turn: times 255 plus the bias in double (the scalar form's two operations, no
     * fused multiply-add), converted to int with Java's cast (the Vector API's D2I is defined as
     * the cast: truncation, NaN to 0, saturation), the two halves joined into eight int lanes,
     * clamped to 0..255 and narrowed to bytes. RowKernelsTest holds it to Rounding.toU8 on ties,
     * NaN, infinities and random bits, after C2 has compiled it too. 3-4x the scalar loop's speed
     * (a 256-pixel RGB row: 0.93-1.32 to 0.24-0.43 us, KernelCpu).
     */
    @Override
    public void unitToU8(double[] src, byte[] dst, int i, int n) {
        DoubleVector scale = DoubleVector.broadcast(D, 255.0), bias = DoubleVector.broadcast(D, U8_BIAS);
        IntVector zero = IntVector.zero(I), max = IntVector.broadcast(I, 255);
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            DoubleVector lo = DoubleVector.fromArray(D, src, k).mul(scale).add(bias);
            DoubleVector hi = DoubleVector.fromArray(D, src, k + 4).mul(scale).add(bias);
            // part 0 fills int lanes 0-3 (4-7 zero), part -1 lanes 4-7: or-ed, the eight in order
            IntVector v = ((IntVector) lo.convertShape(VectorOperators.D2I, I, 0))
                    .or((IntVector) hi.convertShape(VectorOperators.D2I, I, -1));
            ((ByteVector) v.max(zero).min(max).convertShape(VectorOperators.I2B, B, 0)).intoArray(dst, i + k);
        }
        for (; k < n; k++) {
            int v = (int) (src[k] * 255.0 + U8_BIAS);
            dst[i + k] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    /**
     * One output pixel at a time, the window's taps in pairs (even and odd taps in two sums, as the
     * scalar form), written inline in one loop over the outputs with every index taken from one
     * counter plus an offset fixed for the window: C2 then checks the loads' bounds once per window
     * rather than per load. Summing two output pixels side by side (four chains of adds instead of
     * two, to hide the adds' latency) measured slower, on long windows too, and so did four taps a
     * turn or masked ends with a fixed count per row (816 to 256 pixels, 19-20 taps, 192 rows:
     * 0.55 ms one at a time against 1.06 in pairs and 0.79 scalar; 408 to 256, 9-10 taps: 0.42
     * against 0.51 and 0.58; KernelCpu in docs/benchmarks.md).
     */
    @Override
    public int rgb(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset, int x0, int x1, int inX0) {
        int o = x0;
        for (; o < x1; o++) {
            int s = (first[o] - inX0) * 3, d = (o - x0) * 3, t = offset[o], n = count[o];
            // the last tap of a window loads four lanes from its pixel; a result stores four
            if (s + 3 * n >= src.length || d + 3 >= dst.length) {
                break;
            }
            DoubleVector a0 = DoubleVector.zero(D), a1 = DoubleVector.zero(D);
            int even = n & ~1;
            for (int k = 0; k < even; k += 2) {
                a0 = a0.add(DoubleVector.fromArray(D, src, s + 3 * k).mul(w[t + k]));
                a1 = a1.add(DoubleVector.fromArray(D, src, s + 3 * k + 3).mul(w[t + k + 1]));
            }
            if (even < n) {
                a0 = a0.add(DoubleVector.fromArray(D, src, s + 3 * even).mul(w[t + even]));
            }
            a0.add(a1).intoArray(dst, d);
        }
        return o;
    }

    @Override
    public int rgba(double[] src, double[] dst, double[] w, int[] first, int[] count, int[] offset, int x0, int x1, int inX0) {
        int o = x0, d = 0;
        for (; o + 1 < x1; o += 2, d += 8) {
            int s = (first[o] - inX0) * 4, t = offset[o], n = count[o];
            int u = (first[o + 1] - inX0) * 4, v = offset[o + 1], m = count[o + 1];
            DoubleVector a0 = DoubleVector.zero(D), a1 = DoubleVector.zero(D);
            DoubleVector c0 = DoubleVector.zero(D), c1 = DoubleVector.zero(D);
            int both = Math.min(n, m) & ~1;
            for (int k = 0; k < both; k += 2, s += 8, t += 2, u += 8, v += 2) {
                a0 = a0.add(DoubleVector.fromArray(D, src, s).mul(DoubleVector.broadcast(D, w[t])));
                a1 = a1.add(DoubleVector.fromArray(D, src, s + 4).mul(DoubleVector.broadcast(D, w[t + 1])));
                c0 = c0.add(DoubleVector.fromArray(D, src, u).mul(DoubleVector.broadcast(D, w[v])));
                c1 = c1.add(DoubleVector.fromArray(D, src, u + 4).mul(DoubleVector.broadcast(D, w[v + 1])));
            }
            for (int end = offset[o] + n; t < end; t += 2, s += 8) {
                a0 = a0.add(DoubleVector.fromArray(D, src, s).mul(DoubleVector.broadcast(D, w[t])));
                if (t + 1 < end) {
                    a1 = a1.add(DoubleVector.fromArray(D, src, s + 4).mul(DoubleVector.broadcast(D, w[t + 1])));
                }
            }
            for (int end = offset[o + 1] + m; v < end; v += 2, u += 8) {
                c0 = c0.add(DoubleVector.fromArray(D, src, u).mul(DoubleVector.broadcast(D, w[v])));
                if (v + 1 < end) {
                    c1 = c1.add(DoubleVector.fromArray(D, src, u + 4).mul(DoubleVector.broadcast(D, w[v + 1])));
                }
            }
            a0.add(a1).intoArray(dst, d);
            c0.add(c1).intoArray(dst, d + 4);
        }
        if (o < x1) {
            int s = (first[o] - inX0) * 4, t = offset[o];
            DoubleVector a0 = DoubleVector.zero(D), a1 = DoubleVector.zero(D);
            for (int end = t + count[o]; t < end; t += 2, s += 8) {
                a0 = a0.add(DoubleVector.fromArray(D, src, s).mul(DoubleVector.broadcast(D, w[t])));
                if (t + 1 < end) {
                    a1 = a1.add(DoubleVector.fromArray(D, src, s + 4).mul(DoubleVector.broadcast(D, w[t + 1])));
                }
            }
            a0.add(a1).intoArray(dst, d);
            o++;
        }
        return o;
    }
}
