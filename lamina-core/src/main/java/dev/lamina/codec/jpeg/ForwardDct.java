package dev.lamina.codec.jpeg;

import static dev.lamina.simd.Islow.CONST_BITS;
import static dev.lamina.simd.Islow.FIX_0_298631336;
import static dev.lamina.simd.Islow.FIX_0_390180644;
import static dev.lamina.simd.Islow.FIX_0_541196100;
import static dev.lamina.simd.Islow.FIX_0_765366865;
import static dev.lamina.simd.Islow.FIX_0_899976223;
import static dev.lamina.simd.Islow.FIX_1_175875602;
import static dev.lamina.simd.Islow.FIX_1_501321110;
import static dev.lamina.simd.Islow.FIX_1_847759065;
import static dev.lamina.simd.Islow.FIX_1_961570560;
import static dev.lamina.simd.Islow.FIX_2_053119869;
import static dev.lamina.simd.Islow.FIX_2_562915447;
import static dev.lamina.simd.Islow.FIX_3_072711026;
import static dev.lamina.simd.Islow.PASS1_BITS;

/**
 * Forward DCT and quantisation bit for bit as libjpeg 6b (jfdctint.c "islow", jcdctmgr.c), which
 * the JDK's ImageIO writer uses: at the same quality our coefficients, and so our PSNR and (with
 * the same Huffman tables) our entropy-coded size, are the JDK's. The division by the quantiser is
 * done by multiplying with a 32-bit reciprocal, exact for every dividend the DCT can produce
 * (below 2^16, divisors below 2^11).
 */
final class ForwardDct {

    private final int[] ws = new int[64];

    /** Divisors (quantiser x 8, as the islow DCT output is scaled by 8) and their reciprocals. */
    static final class Divisors {
        final int[] half = new int[64];
        final long[] recip = new long[64];
        /** The quantiser itself (not x 8). */
        final int[] quant = new int[64];
        /** For {@link #quantiseRow}: floor(n / q) = (n x magic) >>> shift for every n below 2^14. */
        final int[] magic = new int[64];
        final int[] shift = new int[64];

        Divisors(int[] quant) {
            for (int i = 0; i < 64; i++) {
                int d = quant[i] * 8;
                half[i] = d >> 1;
                recip[i] = ((1L << 32) + d - 1) / d;
                this.quant[i] = quant[i];
                shift[i] = magicShift(quant[i]);
                magic[i] = magicFor(quant[i]);
            }
        }

        /**
         * 15 + ceil(log2 q): then 2^shift >= 2^15 q, so the rounding error of the magic (below q)
         * times any n below 2^14 stays under 2^shift, and the product n x magic stays below 2^31.
         */
        static int magicShift(int q) {
            return 15 + (32 - Integer.numberOfLeadingZeros(q - 1));
        }

        static int magicFor(int q) {
            return (int) (((1L << magicShift(q)) + q - 1) / q);
        }
    }

    private static int descale(int x, int n) {
        return (x + (1 << (n - 1))) >> n;
    }

    /**
     * DCT of the 8x8 samples at {@code in[p]} (row stride {@code stride}), quantised into
     * {@code out[o]} in zig-zag order. Returns the block's non-zero map: bit k set when the coefficient at zig-zag
     * position k is not zero, so the Huffman coder jumps from one to the next.
     */
    long forward(byte[] in, int p, int stride, Divisors div, short[] out, int o) {
        int[] d = ws;
        for (int r = 0; r < 8; r++) {
            int s = p + r * stride;
            int e = r * 8;
            int s0 = (in[s] & 0xFF) - 128;
            int s1 = (in[s + 1] & 0xFF) - 128;
            int s2 = (in[s + 2] & 0xFF) - 128;
            int s3 = (in[s + 3] & 0xFF) - 128;
            int s4 = (in[s + 4] & 0xFF) - 128;
            int s5 = (in[s + 5] & 0xFF) - 128;
            int s6 = (in[s + 6] & 0xFF) - 128;
            int s7 = (in[s + 7] & 0xFF) - 128;
            int tmp0 = s0 + s7;
            int tmp7 = s0 - s7;
            int tmp1 = s1 + s6;
            int tmp6 = s1 - s6;
            int tmp2 = s2 + s5;
            int tmp5 = s2 - s5;
            int tmp3 = s3 + s4;
            int tmp4 = s3 - s4;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            d[e] = (tmp10 + tmp11) << PASS1_BITS;
            d[e + 4] = (tmp10 - tmp11) << PASS1_BITS;
            int z1 = (tmp12 + tmp13) * FIX_0_541196100;
            d[e + 2] = descale(z1 + tmp13 * FIX_0_765366865, CONST_BITS - PASS1_BITS);
            d[e + 6] = descale(z1 + tmp12 * -FIX_1_847759065, CONST_BITS - PASS1_BITS);
            z1 = tmp4 + tmp7;
            int z2 = tmp5 + tmp6;
            int z3 = tmp4 + tmp6;
            int z4 = tmp5 + tmp7;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp4 *= FIX_0_298631336;
            tmp5 *= FIX_2_053119869;
            tmp6 *= FIX_3_072711026;
            tmp7 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            d[e + 7] = descale(tmp4 + z1 + z3, CONST_BITS - PASS1_BITS);
            d[e + 5] = descale(tmp5 + z2 + z4, CONST_BITS - PASS1_BITS);
            d[e + 3] = descale(tmp6 + z2 + z3, CONST_BITS - PASS1_BITS);
            d[e + 1] = descale(tmp7 + z1 + z4, CONST_BITS - PASS1_BITS);
        }
        int[] half = div.half;
        long[] recip = div.recip;
        for (int c = 0; c < 8; c++) {
            int tmp0 = d[c] + d[c + 56];
            int tmp7 = d[c] - d[c + 56];
            int tmp1 = d[c + 8] + d[c + 48];
            int tmp6 = d[c + 8] - d[c + 48];
            int tmp2 = d[c + 16] + d[c + 40];
            int tmp5 = d[c + 16] - d[c + 40];
            int tmp3 = d[c + 24] + d[c + 32];
            int tmp4 = d[c + 24] - d[c + 32];
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            d[c] = descale(tmp10 + tmp11, PASS1_BITS);
            d[c + 32] = descale(tmp10 - tmp11, PASS1_BITS);
            int z1 = (tmp12 + tmp13) * FIX_0_541196100;
            d[c + 16] = descale(z1 + tmp13 * FIX_0_765366865, CONST_BITS + PASS1_BITS);
            d[c + 48] = descale(z1 + tmp12 * -FIX_1_847759065, CONST_BITS + PASS1_BITS);
            z1 = tmp4 + tmp7;
            int z2 = tmp5 + tmp6;
            int z3 = tmp4 + tmp6;
            int z4 = tmp5 + tmp7;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp4 *= FIX_0_298631336;
            tmp5 *= FIX_2_053119869;
            tmp6 *= FIX_3_072711026;
            tmp7 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            d[c + 56] = descale(tmp4 + z1 + z3, CONST_BITS + PASS1_BITS);
            d[c + 40] = descale(tmp5 + z2 + z4, CONST_BITS + PASS1_BITS);
            d[c + 24] = descale(tmp6 + z2 + z3, CONST_BITS + PASS1_BITS);
            d[c + 8] = descale(tmp7 + z1 + z4, CONST_BITS + PASS1_BITS);
        }
        // quantise in zig-zag order: blocks are stored that way, and the non-zero map is built
        // with the loop counter as the bit number
        int[] zz = ZigZag.NATURAL;
        long mask = 0;
        for (int k = 0; k < 64; k++) {
            int nat = zz[k];
            short q = quantise(d[nat], half[nat], recip[nat]);
            out[o + k] = q;
            mask |= (long) ((q | -q) >>> 31) << k;
        }
        return mask;
    }

    // ---- a whole row of blocks at a time ----
    //
    // The same islow arithmetic, laid out so that C2's SuperWord vectorises it: each stage is a
    // loop over the blocks of a block row in which every array is indexed by the block number
    // alone (one int array per sample position), so lanes are blocks and no shuffles are needed.
    // Only the first stage of pass 1 (strided byte loads) and the zig-zag scatter stay scalar.

    private final int[][] rowWs = new int[64][0];
    private final int[][] coef = new int[64][0];
    private final int[][] tmp = new int[8][0];
    private int capacity;

    private void ensure(int blocks) {
        if (capacity < blocks) {
            capacity = blocks;
            for (int i = 0; i < 64; i++) {
                rowWs[i] = new int[blocks];
                coef[i] = new int[blocks];
            }
            for (int i = 0; i < 8; i++) {
                tmp[i] = new int[blocks];
            }
        }
    }

    /**
     * DCT and quantisation of {@code blocks} blocks side by side, the first with its top-left
     * sample at {@code src[p]} (row stride {@code stride}): block b is stored at
     * {@code out[o + 64 b]} in zig-zag order, its non-zero map (as {@link #forward}) at
     * {@code nonZero[n + b]}. Exactly {@link #forward} on each block.
     */
    void forwardRow(byte[] src, int p, int stride, int blocks, Divisors div, short[] out, int o, long[] nonZero, int n) {
        ensure(blocks);
        int[][] w = rowWs;
        for (int r = 0; r < 8; r++) {
            int e = r * 8;
            rowButterfly(src, p + r * stride, tmp, blocks);
            int[][] t = tmp;
            int round1 = 1 << (CONST_BITS - PASS1_BITS - 1);
            int shift1 = CONST_BITS - PASS1_BITS;
            rowDcAnd4(t[0], t[1], t[2], t[3], w[e], w[e + 4], blocks);
            even26(t[0], t[1], t[2], t[3], w[e + 2], w[e + 6], round1, shift1, blocks);
            odd13(t[4], t[5], t[6], t[7], w[e + 1], w[e + 3], round1, shift1, blocks);
            odd57(t[4], t[5], t[6], t[7], w[e + 5], w[e + 7], round1, shift1, blocks);
        }
        int[][] c = coef;
        int[][] t = tmp;
        for (int u = 0; u < 8; u++) {
            butterfly(w[u], w[u + 56], w[u + 24], w[u + 32], t[0], t[7], t[3], t[4], blocks);
            butterfly(w[u + 8], w[u + 48], w[u + 16], w[u + 40], t[1], t[6], t[2], t[5], blocks);
            columnDcAnd4(t[0], t[1], t[2], t[3], c[u], c[u + 32], blocks);
            even26(t[0], t[1], t[2], t[3], c[u + 16], c[u + 48], 1 << (CONST_BITS + PASS1_BITS - 1),
                    CONST_BITS + PASS1_BITS, blocks);
            int round2 = 1 << (CONST_BITS + PASS1_BITS - 1);
            int shift2 = CONST_BITS + PASS1_BITS;
            odd13(t[4], t[5], t[6], t[7], c[u + 8], c[u + 24], round2, shift2, blocks);
            odd57(t[4], t[5], t[6], t[7], c[u + 40], c[u + 56], round2, shift2, blocks);
        }
        for (int i = 0; i < 64; i++) {
            quantiseRow(c[i], div.quant[i] * 4, div.magic[i], div.shift[i], blocks);
        }
        // to zig-zag order, one coefficient position at a time: the non-zero maps are built in a
        // loop of their own, which the JIT vectorises
        int[] zz = ZigZag.NATURAL;
        java.util.Arrays.fill(nonZero, n, n + blocks, 0L);
        for (int k = 0; k < 64; k++) {
            int[] q = c[zz[k]];
            for (int b = 0, ob = o + k; b < blocks; b++, ob += 64) {
                out[ob] = (short) q[b];
            }
            for (int b = 0; b < blocks; b++) {
                nonZero[n + b] |= (long) ((q[b] | -q[b]) >>> 31) << k;
            }
        }
    }

    /** Pass 1's first stage: sums and differences of mirrored samples (scalar: the loads are strided). */
    private static void rowButterfly(byte[] src, int p, int[][] t, int blocks) {
        int[] t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7];
        for (int b = 0, s = p; b < blocks; b++, s += 8) {
            int x0 = src[s] & 0xFF;
            int x1 = src[s + 1] & 0xFF;
            int x2 = src[s + 2] & 0xFF;
            int x3 = src[s + 3] & 0xFF;
            int x4 = src[s + 4] & 0xFF;
            int x5 = src[s + 5] & 0xFF;
            int x6 = src[s + 6] & 0xFF;
            int x7 = src[s + 7] & 0xFF;
            t0[b] = x0 + x7;
            t7[b] = x0 - x7;
            t1[b] = x1 + x6;
            t6[b] = x1 - x6;
            t2[b] = x2 + x5;
            t5[b] = x2 - x5;
            t3[b] = x3 + x4;
            t4[b] = x3 - x4;
        }
    }

    /*
     * The stages after the first butterfly are loops of four arrays in and at most four out, with
     * few enough operations: C2 (JDK 25) vectorises loops of that shape, but not the eight-in,
     * eight-out loop of a whole pass, nor (it turned out) the odd part in one loop or pass 1's even
     * part in one loop. The odd part is computed twice (two outputs per loop): still cheaper.
     */

    /** Pass 1, outputs 0 and 4; the level shift (-128 a sample) only changes the sums of four: -512. */
    private static void rowDcAnd4(int[] t0, int[] t1, int[] t2, int[] t3, int[] d0, int[] d4, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int tmp10 = t0[b] + t3[b] - 512;
            int tmp11 = t1[b] + t2[b] - 512;
            d0[b] = (tmp10 + tmp11) << PASS1_BITS;
            d4[b] = (tmp10 - tmp11) << PASS1_BITS;
        }
    }

    /** Outputs 2 and 6 of either pass. */
    private static void even26(int[] t0, int[] t1, int[] t2, int[] t3, int[] d2, int[] d6, int round, int shift,
                               int blocks) {
        for (int b = 0; b < blocks; b++) {
            int tmp13 = t0[b] - t3[b];
            int tmp12 = t1[b] - t2[b];
            int z1 = (tmp12 + tmp13) * FIX_0_541196100;
            d2[b] = (z1 + tmp13 * FIX_0_765366865 + round) >> shift;
            d6[b] = (z1 + tmp12 * -FIX_1_847759065 + round) >> shift;
        }
    }

    /** Outputs 1 and 3 of either pass, from the differences t4..t7. */
    private static void odd13(int[] t4, int[] t5, int[] t6, int[] t7, int[] d1, int[] d3, int round, int shift,
                              int blocks) {
        for (int b = 0; b < blocks; b++) {
            int tmp4 = t4[b];
            int tmp5 = t5[b];
            int tmp6 = t6[b];
            int tmp7 = t7[b];
            int z1 = (tmp4 + tmp7) * -FIX_0_899976223;
            int z2 = (tmp5 + tmp6) * -FIX_2_562915447;
            int z5 = (tmp4 + tmp5 + tmp6 + tmp7) * FIX_1_175875602;
            int z3 = (tmp4 + tmp6) * -FIX_1_961570560 + z5;
            int z4 = (tmp5 + tmp7) * -FIX_0_390180644 + z5;
            d3[b] = (tmp6 * FIX_3_072711026 + z2 + z3 + round) >> shift;
            d1[b] = (tmp7 * FIX_1_501321110 + z1 + z4 + round) >> shift;
        }
    }

    /** Outputs 5 and 7 of either pass. */
    private static void odd57(int[] t4, int[] t5, int[] t6, int[] t7, int[] d5, int[] d7, int round, int shift,
                              int blocks) {
        for (int b = 0; b < blocks; b++) {
            int tmp4 = t4[b];
            int tmp5 = t5[b];
            int tmp6 = t6[b];
            int tmp7 = t7[b];
            int z1 = (tmp4 + tmp7) * -FIX_0_899976223;
            int z2 = (tmp5 + tmp6) * -FIX_2_562915447;
            int z5 = (tmp4 + tmp5 + tmp6 + tmp7) * FIX_1_175875602;
            int z3 = (tmp4 + tmp6) * -FIX_1_961570560 + z5;
            int z4 = (tmp5 + tmp7) * -FIX_0_390180644 + z5;
            d7[b] = (tmp4 * FIX_0_298631336 + z1 + z3 + round) >> shift;
            d5[b] = (tmp5 * FIX_2_053119869 + z2 + z4 + round) >> shift;
        }
    }
    private static void butterfly(int[] a, int[] b, int[] c, int[] d, int[] sumAb, int[] diffAb, int[] sumCd,
                                  int[] diffCd, int blocks) {
        for (int i = 0; i < blocks; i++) {
            int x = a[i];
            int y = b[i];
            int z = c[i];
            int w = d[i];
            sumAb[i] = x + y;
            diffAb[i] = x - y;
            sumCd[i] = z + w;
            diffCd[i] = z - w;
        }
    }

    /** Pass 2, outputs 0 and 4. */
    private static void columnDcAnd4(int[] t0, int[] t1, int[] t2, int[] t3, int[] d0, int[] d4, int blocks) {
        final int round = 1 << (PASS1_BITS - 1);
        for (int b = 0; b < blocks; b++) {
            int tmp10 = t0[b] + t3[b];
            int tmp11 = t1[b] + t2[b];
            d0[b] = (tmp10 + tmp11 + round) >> PASS1_BITS;
            d4[b] = (tmp10 - tmp11 + round) >> PASS1_BITS;
        }
    }

    /**
     * libjpeg's quantiser on one coefficient of each block, in place, in int arithmetic only (so
     * it vectorises): the DCT output t is 8x the coefficient and the divisor 8q, and
     * floor((|t| + 4q) / 8q) = floor(floor((|t| + 4q) / 8) / q), the inner quotient below 2^14.
     */
    static void quantiseRow(int[] t, int halfDivisor, int magic, int shift, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int v = t[b];
            int sign = v >> 31;
            int a = ((v ^ sign) - sign + halfDivisor) >> 3;
            int q = (a * magic) >>> shift;
            t[b] = (q ^ sign) - sign;
        }
    }

    /**
     * libjpeg's quantiser: |t| / q rounded half up, sign restored; branch-free (the signs of AC
     * coefficients are random, a branch would be mispredicted half the time).
     */
    private static short quantise(int t, int half, long recip) {
        int sign = t >> 31;
        long a = (t ^ sign) - sign + half;
        int q = (int) ((a * recip) >>> 32);
        return (short) ((q ^ sign) - sign);
    }
}
