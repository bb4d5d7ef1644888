package dev.lamina.codec.jpeg;

import static dev.lamina.simd.Islow.CONST_BITS;
import static dev.lamina.simd.Islow.FIX_0_211164243;
import static dev.lamina.simd.Islow.FIX_0_298631336;
import static dev.lamina.simd.Islow.FIX_0_390180644;
import static dev.lamina.simd.Islow.FIX_0_509795579;
import static dev.lamina.simd.Islow.FIX_0_541196100;
import static dev.lamina.simd.Islow.FIX_0_601344887;
import static dev.lamina.simd.Islow.FIX_0_720959822;
import static dev.lamina.simd.Islow.FIX_0_765366865;
import static dev.lamina.simd.Islow.FIX_0_850430095;
import static dev.lamina.simd.Islow.FIX_0_899976223;
import static dev.lamina.simd.Islow.FIX_1_061594337;
import static dev.lamina.simd.Islow.FIX_1_175875602;
import static dev.lamina.simd.Islow.FIX_1_272758580;
import static dev.lamina.simd.Islow.FIX_1_451774981;
import static dev.lamina.simd.Islow.FIX_1_501321110;
import static dev.lamina.simd.Islow.FIX_1_847759065;
import static dev.lamina.simd.Islow.FIX_1_961570560;
import static dev.lamina.simd.Islow.FIX_2_053119869;
import static dev.lamina.simd.Islow.FIX_2_172734803;
import static dev.lamina.simd.Islow.FIX_2_562915447;
import static dev.lamina.simd.Islow.FIX_3_072711026;
import static dev.lamina.simd.Islow.FIX_3_624509785;
import static dev.lamina.simd.Islow.PASS1_BITS;

import dev.lamina.simd.Idct4;
import dev.lamina.simd.Idct8;
import dev.lamina.simd.Vectors;

/**
 * Inverse DCTs, integer, bit for bit as libjpeg 6b's jidctint.c ("islow", 8x8 output) and
 * jidctred.c (4x4, 2x2 and 1x1 outputs for DCT-domain scaling), so decoded samples equal those of
 * the JDK's ImageIO (which embeds libjpeg 6b). Coefficients are quantised, in natural order;
 * dequantisation happens here as in libjpeg. The decoder runs the 8x8 and 4x4 ones a block row
 * at a time ({@link #idct8Row}, {@link #idct4Row}: vectorised, no shortcuts, same values;
 * {@link #idct2Row}), clearing the coefficients as they read them; the one-block forms serve
 * blocks that are box-averaged afterwards. One instance per thread (it has
 * work arrays, about 36 KiB). The block-row IDCTs have Vector API forms ({@link Vectors}), used when
 * the JVM runs vector kernels: the same samples, measured faster (docs/jpeg.md).
 */
final class InverseDct {

    /**
     * libjpeg's post-IDCT range limit, indexed by (value & 1023): value + 128 clamped to 0..255 for
     * values in -512..511, wrapping beyond (only corrupt data gets there) exactly as libjpeg does.
     */
    static final byte[] LIMIT = new byte[1024];

    static {
        for (int i = 0; i < 1024; i++) {
            int x = i < 512 ? i : i - 1024;
            LIMIT[i] = (byte) Math.max(0, Math.min(255, x + 128));
        }
        // libjpeg: x in 512..895 (as unsigned index) maps to 0, 896..1023 to 0..127, 128..511 to 255
    }

    private final int[] ws = new int[64];
    /** The vector block-row IDCTs, or null for this class's scalar ones. */
    private final Idct8 vector8;
    private final Idct4 vector4;

    /** With the vector kernels when this JVM runs them ({@link Vectors}). */
    InverseDct() {
        this(Vectors.idct8(), Vectors.idct4());
    }

    /** With the given vector block-row IDCTs, or the scalar ones for null (tests run both). */
    InverseDct(Idct8 vector8, Idct4 vector4) {
        this.vector8 = vector8;
        this.vector4 = vector4;
    }

    private static int descale(int x, int n) {
        return (x + (1 << (n - 1))) >> n;
    }

    /** Full 8x8 islow IDCT of the block at {@code in[o]} into {@code out[outPos]} with {@code stride}. */
    void idct8(short[] in, int o, int[] q, byte[] out, int outPos, int stride) {
        int[] w = ws;
        for (int c = 0; c < 8; c++) {
            int i = o + c;
            if (in[i + 8] == 0 && in[i + 16] == 0 && in[i + 24] == 0 && in[i + 32] == 0
                    && in[i + 40] == 0 && in[i + 48] == 0 && in[i + 56] == 0) {
                int dc = (in[i] * q[c]) << PASS1_BITS;
                w[c] = dc;
                w[c + 8] = dc;
                w[c + 16] = dc;
                w[c + 24] = dc;
                w[c + 32] = dc;
                w[c + 40] = dc;
                w[c + 48] = dc;
                w[c + 56] = dc;
                continue;
            }
            int z2 = in[i + 16] * q[c + 16];
            int z3 = in[i + 48] * q[c + 48];
            int z1 = (z2 + z3) * FIX_0_541196100;
            int tmp2 = z1 + z3 * -FIX_1_847759065;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = in[i] * q[c];
            z3 = in[i + 32] * q[c + 32];
            int tmp0 = (z2 + z3) << CONST_BITS;
            int tmp1 = (z2 - z3) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;

            tmp0 = in[i + 56] * q[c + 56];
            tmp1 = in[i + 40] * q[c + 40];
            tmp2 = in[i + 24] * q[c + 24];
            tmp3 = in[i + 8] * q[c + 8];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;
            int n = CONST_BITS - PASS1_BITS;
            w[c] = descale(tmp10 + tmp3, n);
            w[c + 56] = descale(tmp10 - tmp3, n);
            w[c + 8] = descale(tmp11 + tmp2, n);
            w[c + 48] = descale(tmp11 - tmp2, n);
            w[c + 16] = descale(tmp12 + tmp1, n);
            w[c + 40] = descale(tmp12 - tmp1, n);
            w[c + 24] = descale(tmp13 + tmp0, n);
            w[c + 32] = descale(tmp13 - tmp0, n);
        }
        byte[] lim = LIMIT;
        int n = CONST_BITS + PASS1_BITS + 3;
        for (int r = 0; r < 8; r++) {
            int i = r * 8;
            int p = outPos + r * stride;
            if (w[i + 1] == 0 && w[i + 2] == 0 && w[i + 3] == 0 && w[i + 4] == 0
                    && w[i + 5] == 0 && w[i + 6] == 0 && w[i + 7] == 0) {
                byte v = lim[descale(w[i], PASS1_BITS + 3) & 1023];
                out[p] = v;
                out[p + 1] = v;
                out[p + 2] = v;
                out[p + 3] = v;
                out[p + 4] = v;
                out[p + 5] = v;
                out[p + 6] = v;
                out[p + 7] = v;
                continue;
            }
            int z2 = w[i + 2];
            int z3 = w[i + 6];
            int z1 = (z2 + z3) * FIX_0_541196100;
            int tmp2 = z1 + z3 * -FIX_1_847759065;
            int tmp3 = z1 + z2 * FIX_0_765366865;
            int tmp0 = (w[i] + w[i + 4]) << CONST_BITS;
            int tmp1 = (w[i] - w[i + 4]) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;

            tmp0 = w[i + 7];
            tmp1 = w[i + 5];
            tmp2 = w[i + 3];
            tmp3 = w[i + 1];
            z1 = tmp0 + tmp3;
            z2 = tmp1 + tmp2;
            z3 = tmp0 + tmp2;
            int z4 = tmp1 + tmp3;
            int z5 = (z3 + z4) * FIX_1_175875602;
            tmp0 *= FIX_0_298631336;
            tmp1 *= FIX_2_053119869;
            tmp2 *= FIX_3_072711026;
            tmp3 *= FIX_1_501321110;
            z1 *= -FIX_0_899976223;
            z2 *= -FIX_2_562915447;
            z3 *= -FIX_1_961570560;
            z4 *= -FIX_0_390180644;
            z3 += z5;
            z4 += z5;
            tmp0 += z1 + z3;
            tmp1 += z2 + z4;
            tmp2 += z2 + z3;
            tmp3 += z1 + z4;
            out[p] = lim[descale(tmp10 + tmp3, n) & 1023];
            out[p + 7] = lim[descale(tmp10 - tmp3, n) & 1023];
            out[p + 1] = lim[descale(tmp11 + tmp2, n) & 1023];
            out[p + 6] = lim[descale(tmp11 - tmp2, n) & 1023];
            out[p + 2] = lim[descale(tmp12 + tmp1, n) & 1023];
            out[p + 5] = lim[descale(tmp12 - tmp1, n) & 1023];
            out[p + 3] = lim[descale(tmp13 + tmp0, n) & 1023];
            out[p + 4] = lim[descale(tmp13 - tmp0, n) & 1023];
        }
    }

    /** libjpeg's jpeg_idct_4x4: a 4x4 output from the low-frequency part of the block. */
    void idct4(short[] in, int o, int[] q, byte[] out, int outPos, int stride) {
        int[] w = ws;
        for (int c = 0; c < 8; c++) {
            if (c == 4) {
                continue;   // column 4 does not contribute to a 4-point output
            }
            int i = o + c;
            if (in[i + 8] == 0 && in[i + 16] == 0 && in[i + 24] == 0 && in[i + 40] == 0
                    && in[i + 48] == 0 && in[i + 56] == 0) {
                int dc = (in[i] * q[c]) << PASS1_BITS;
                w[c] = dc;
                w[c + 8] = dc;
                w[c + 16] = dc;
                w[c + 24] = dc;
                continue;
            }
            int tmp0 = (in[i] * q[c]) << (CONST_BITS + 1);
            int z2 = in[i + 16] * q[c + 16];
            int z3 = in[i + 48] * q[c + 48];
            int tmp2 = z2 * FIX_1_847759065 + z3 * -FIX_0_765366865;
            int tmp10 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;
            int z1 = in[i + 56] * q[c + 56];
            z2 = in[i + 40] * q[c + 40];
            z3 = in[i + 24] * q[c + 24];
            int z4 = in[i + 8] * q[c + 8];
            tmp0 = z1 * -FIX_0_211164243 + z2 * FIX_1_451774981 + z3 * -FIX_2_172734803 + z4 * FIX_1_061594337;
            tmp2 = z1 * -FIX_0_509795579 + z2 * -FIX_0_601344887 + z3 * FIX_0_899976223 + z4 * FIX_2_562915447;
            int n = CONST_BITS - PASS1_BITS + 1;
            w[c] = descale(tmp10 + tmp2, n);
            w[c + 24] = descale(tmp10 - tmp2, n);
            w[c + 8] = descale(tmp12 + tmp0, n);
            w[c + 16] = descale(tmp12 - tmp0, n);
        }
        byte[] lim = LIMIT;
        for (int r = 0; r < 4; r++) {
            int i = r * 8;
            int p = outPos + r * stride;
            if (w[i + 1] == 0 && w[i + 2] == 0 && w[i + 3] == 0 && w[i + 5] == 0 && w[i + 6] == 0 && w[i + 7] == 0) {
                byte v = lim[descale(w[i], PASS1_BITS + 3) & 1023];
                out[p] = v;
                out[p + 1] = v;
                out[p + 2] = v;
                out[p + 3] = v;
                continue;
            }
            int tmp0 = w[i] << (CONST_BITS + 1);
            int tmp2 = w[i + 2] * FIX_1_847759065 + w[i + 6] * -FIX_0_765366865;
            int tmp10 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;
            int z1 = w[i + 7];
            int z2 = w[i + 5];
            int z3 = w[i + 3];
            int z4 = w[i + 1];
            tmp0 = z1 * -FIX_0_211164243 + z2 * FIX_1_451774981 + z3 * -FIX_2_172734803 + z4 * FIX_1_061594337;
            tmp2 = z1 * -FIX_0_509795579 + z2 * -FIX_0_601344887 + z3 * FIX_0_899976223 + z4 * FIX_2_562915447;
            int n = CONST_BITS + PASS1_BITS + 3 + 1;
            out[p] = lim[descale(tmp10 + tmp2, n) & 1023];
            out[p + 3] = lim[descale(tmp10 - tmp2, n) & 1023];
            out[p + 1] = lim[descale(tmp12 + tmp0, n) & 1023];
            out[p + 2] = lim[descale(tmp12 - tmp0, n) & 1023];
        }
    }

    /** Blocks per pass of {@link #idct4Row}: its work arrays (about 20 KiB) then stay in L1. */
    private static final int CHUNK = 64;
    private static final java.lang.invoke.VarHandle INT_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /**
     * The block-row IDCTs' dequantised coefficients by natural position and pass 1's output by
     * position (row x 8 + column), one lane per block.
     */
    private final int[][] g8 = new int[64][CHUNK];
    private final int[][] w8 = new int[64][CHUNK];
    private final int[] ta = new int[CHUNK];
    private final int[] tb = new int[CHUNK];
    private final int[] tc = new int[CHUNK];
    private final int[] td = new int[CHUNK];
    private final int[] te = new int[CHUNK];
    private final int[] tf = new int[CHUNK];

    /**
     * {@link #idct4} for {@code blocks} consecutive blocks (64 coefficients apart from {@code in[o]})
     * whose 4x4 outputs lie side by side in one row band of {@code out} (block b at
     * {@code outPos + 4b}): the IDCT of a block row at a time, one array per coefficient position
     * indexed by block, so the loops after the (strided, scalar) gather have blocks as lanes and
     * C2 vectorises them (loops of at most four arrays in, as ForwardDct.forwardRow). No
     * shortcuts, and the same values as jpeg_idct_4x4: pass 1 splits the DC term off exactly
     * (descale(4x * 2^12 + t, 12) = 4x + descale(t, 12)), pass 2 splits w * 2^14 as
     * (w >> 5) * 2^19 + (w & 31) * 2^14 (descale(w * 2^14 + t, 19) = (w >> 5) +
     * descale((w & 31) * 2^14 + t, 19)), and the range limit table is computed: the table maps x
     * to clamp(((x + 512) & 1023) - 384, 0, 255). Leaves the coefficients it reads zero (as
     * {@link #idct8Row}).
     */
    void idct4Row(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride) {
        if (vector4 != null) {
            vector4.rows(in, o, blocks, q, out, outPos, stride);
            return;
        }
        for (int b0 = 0; b0 < blocks; b0 += CHUNK) {
            idct4Chunk(in, o + b0 * 64, Math.min(CHUNK, blocks - b0), q, out, outPos + b0 * 4, stride);
        }
    }

    private void idct4Chunk(short[] in, int o, int n, int[] q, byte[] out, int outPos, int stride) {
        int[][] g = g8;
        for (int k = 0; k < 64; k++) {
            if ((k & 7) == 4 || (k >> 3) == 4) {
                continue;
            }
            int[] gk = g[k];
            int qk = q[k];
            for (int b = 0, i = o + k; b < n; b++, i += 64) {
                gk[b] = in[i] * qk;
            }
        }
        java.util.Arrays.fill(in, o, o + 64 * n, (short) 0);
        int[][] w = w8;
        int[] a = ta, t = tb, o0 = tc, o2 = td, hi = te, packed = tf;
        for (int c = 0; c < 8; c++) {
            if (c == 4) {
                continue;
            }
            even4Pass1(g[c], g[c + 16], g[c + 48], a, t, n);
            odd4(g[c + 56], g[c + 40], g[c + 24], g[c + 8], o0, o2, n);
            combine4Pass1(a, t, o0, o2, w[c], w[c + 8], w[c + 16], w[c + 24], n);
        }
        for (int r = 0; r < 4; r++) {
            int e = r * 8;
            even4Pass2(w[e], w[e + 2], w[e + 6], hi, a, t, n);
            odd4(w[e + 7], w[e + 5], w[e + 3], w[e + 1], o0, o2, n);
            outer4(hi, a, o2, packed, n);
            inner4(hi, t, o0, packed, n);
            int p = outPos + r * stride;
            for (int b = 0; b < n; b++) {
                INT_LE.set(out, p + 4 * b, packed[b]);
            }
        }
    }

    /** Pass 1's even part: the DC term (4x, split off) and the rest of tmp10 (t; tmp12 = 4x - t). */
    private static void even4Pass1(int[] g0, int[] g2, int[] g6, int[] dc, int[] t, int n) {
        for (int b = 0; b < n; b++) {
            dc[b] = g0[b] << PASS1_BITS;
            t[b] = g2[b] * FIX_1_847759065 + g6[b] * -FIX_0_765366865;
        }
    }

    /** jpeg_idct_4x4's odd part (both passes): tmp0 and tmp2 from z1 = x7, z2 = x5, z3 = x3, z4 = x1. */
    private static void odd4(int[] z1, int[] z2, int[] z3, int[] z4, int[] tmp0, int[] tmp2, int n) {
        for (int b = 0; b < n; b++) {
            tmp0[b] = z1[b] * -FIX_0_211164243 + z2[b] * FIX_1_451774981 + z3[b] * -FIX_2_172734803
                    + z4[b] * FIX_1_061594337;
        }
        for (int b = 0; b < n; b++) {
            tmp2[b] = z1[b] * -FIX_0_509795579 + z2[b] * -FIX_0_601344887 + z3[b] * FIX_0_899976223
                    + z4[b] * FIX_2_562915447;
        }
    }

    private static void combine4Pass1(int[] dc, int[] t, int[] tmp0, int[] tmp2, int[] w0, int[] w1, int[] w2,
            int[] w3, int n) {
        int sh = CONST_BITS - PASS1_BITS + 1;
        int round = 1 << (sh - 1);
        for (int b = 0; b < n; b++) {
            int x = dc[b];
            int e = t[b];
            w0[b] = x + ((e + tmp2[b] + round) >> sh);
            w3[b] = x + ((e - tmp2[b] + round) >> sh);
            w1[b] = x + ((tmp0[b] - e + round) >> sh);
            w2[b] = x + ((-tmp0[b] - e + round) >> sh);
        }
    }

    /** Pass 2's even part: hi = w0 >> 5 (split off), tmp10 and tmp12 with w0's low bits and the rounding. */
    private static void even4Pass2(int[] w0, int[] w2, int[] w6, int[] hi, int[] tmp10, int[] tmp12, int n) {
        int round = 1 << (CONST_BITS + PASS1_BITS + 3);
        for (int b = 0; b < n; b++) {
            int lo = (w0[b] & 31) << (CONST_BITS + 1);
            int t = w2[b] * FIX_1_847759065 + w6[b] * -FIX_0_765366865;
            hi[b] = w0[b] >> 5;
            tmp10[b] = lo + t + round;
            tmp12[b] = lo - t + round;
        }
    }

    private static final int SHIFT2 = CONST_BITS + PASS1_BITS + 3 + 1;

    /** libjpeg's range limit, computed: the LIMIT table's value for x. */
    private static int limit(int x) {
        return Math.min(255, Math.max(0, ((x + 512) & 1023) - 384));
    }

    /** Samples 0 and 3 of a row, packed into bytes 0 and 3 of {@code packed}. */
    private static void outer4(int[] hi, int[] tmp10, int[] tmp2, int[] packed, int n) {
        for (int b = 0; b < n; b++) {
            int s0 = limit(hi[b] + ((tmp10[b] + tmp2[b]) >> SHIFT2));
            int s3 = limit(hi[b] + ((tmp10[b] - tmp2[b]) >> SHIFT2));
            packed[b] = s0 | s3 << 24;
        }
    }

    /** Samples 1 and 2 of a row, added as bytes 1 and 2 of {@code packed}. */
    private static void inner4(int[] hi, int[] tmp12, int[] tmp0, int[] packed, int n) {
        for (int b = 0; b < n; b++) {
            int s1 = limit(hi[b] + ((tmp12[b] + tmp0[b]) >> SHIFT2));
            int s2 = limit(hi[b] + ((tmp12[b] - tmp0[b]) >> SHIFT2));
            packed[b] |= s1 << 8 | s2 << 16;
        }
    }

    private final int[] tg = new int[CHUNK];
    private final int[] th = new int[CHUNK];
    private final int[] ti = new int[CHUNK];
    private final int[] tj = new int[CHUNK];

    /**
     * {@link #idct8} for {@code blocks} consecutive blocks whose outputs lie side by side (block b
     * at {@code outPos + 8b}), a block row at a time as {@link #idct4Row}, without shortcuts and
     * with the same values as jpeg_idct_islow: pass 1 splits the even term off exactly
     * (descale((x + y) * 2^13 + t, 11) = 4(x + y) + descale(t, 11)), pass 2 splits s * 2^13
     * (s = w0 + w4 or w0 - w4) as (s >> 5) * 2^18 + (s & 31) * 2^13, and the range limit is
     * computed. Leaves the blocks' coefficients zero: the decoder clears its coefficient row this
     * way, each block while it is in L1, instead of in a pass over the whole row before decoding
     * it (the vector forms store zeros as they load; {@link #idct4Row} and {@link #idct2Row} too).
     */
    void idct8Row(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride) {
        if (vector8 != null) {
            vector8.rows(in, o, blocks, q, out, outPos, stride);
            return;
        }
        for (int b0 = 0; b0 < blocks; b0 += CHUNK) {
            idct8Chunk(in, o + b0 * 64, Math.min(CHUNK, blocks - b0), q, out, outPos + b0 * 8, stride);
        }
    }

    private void idct8Chunk(short[] in, int o, int n, int[] q, byte[] out, int outPos, int stride) {
        int[][] g = g8;
        for (int k = 0; k < 64; k++) {
            int[] gk = g[k];
            int qk = q[k];
            for (int b = 0, i = o + k; b < n; b++, i += 64) {
                gk[b] = in[i] * qk;
            }
        }
        java.util.Arrays.fill(in, o, o + 64 * n, (short) 0);
        int[][] w = w8;
        int[] e0 = ta, e1 = tb, t2 = tc, t3 = td, o0 = te, o1 = tf, o2 = tg, o3 = th, lo = ti, hi = tj;
        int sh1 = CONST_BITS - PASS1_BITS;
        int r1 = 1 << (sh1 - 1);
        for (int c = 0; c < 8; c++) {
            even8(g[c], g[c + 32], g[c + 16], g[c + 48], e0, e1, t2, t3, n);
            odd8(g[c + 56], g[c + 40], g[c + 24], g[c + 8], o0, o1, o2, o3, n);
            combine8(e0, t3, o3, o0, w[c], w[c + 56], w[c + 24], w[c + 32], r1, sh1, n);
            combine8(e1, t2, o2, o1, w[c + 8], w[c + 48], w[c + 16], w[c + 40], r1, sh1, n);
        }
        for (int r = 0; r < 8; r++) {
            int e = r * 8;
            even8Pass2(w[e], w[e + 4], w[e + 2], w[e + 6], e0, e1, t2, t3, n);
            odd8(w[e + 7], w[e + 5], w[e + 3], w[e + 1], o0, o1, o2, o3, n);
            // e0, e1: the split-off high parts of w0 + w4 and w0 - w4; t3, t2: the rest of tmp10
            // and tmp11 (tmp13's and tmp12's are rebuilt from them in sample8Mirror)
            java.util.Arrays.fill(lo, 0, n, 0);
            java.util.Arrays.fill(hi, 0, n, 0);
            sample8(e0, t3, o3, lo, 0, n, 1);         // 0: tmp10 + tmp3
            sample8(e0, t3, o3, hi, 24, n, -1);       // 7: tmp10 - tmp3
            sample8(e1, t2, o2, lo, 8, n, 1);         // 1: tmp11 + tmp2
            sample8(e1, t2, o2, hi, 16, n, -1);       // 6: tmp11 - tmp2
            sample8Mirror(e1, t2, o1, w[e], w[e + 4], lo, 16, n, 1, -1);   // 2: tmp12 + tmp1
            sample8Mirror(e1, t2, o1, w[e], w[e + 4], hi, 8, n, -1, -1);   // 5: tmp12 - tmp1
            sample8Mirror(e0, t3, o0, w[e], w[e + 4], lo, 24, n, 1, 1);    // 3: tmp13 + tmp0
            sample8Mirror(e0, t3, o0, w[e], w[e + 4], hi, 0, n, -1, 1);    // 4: tmp13 - tmp0
            int p = outPos + r * stride;
            for (int b = 0; b < n; b++) {
                INT_LE.set(out, p + 8 * b, lo[b]);
                INT_LE.set(out, p + 8 * b + 4, hi[b]);
            }
        }
    }

    /** Pass 1's even part: 4(x + y), 4(x - y) split off, and tmp2, tmp3 (x = in[0], y = in[4]). */
    private static void even8(int[] x, int[] y, int[] z2, int[] z3, int[] e0, int[] e1, int[] tmp2, int[] tmp3,
            int n) {
        for (int b = 0; b < n; b++) {
            int z1 = (z2[b] + z3[b]) * FIX_0_541196100;
            tmp2[b] = z1 + z3[b] * -FIX_1_847759065;
            tmp3[b] = z1 + z2[b] * FIX_0_765366865;
            e0[b] = (x[b] + y[b]) << PASS1_BITS;
            e1[b] = (x[b] - y[b]) << PASS1_BITS;
        }
    }

    /**
     * Pass 2's even part: the high parts (s >> 5) of s = w0 + w4 and w0 - w4 (their products by
     * 2^13 split as in idct8Row's comment) and tmp10's and tmp11's rest: low part + tmp3 or tmp2
     * + rounding.
     */
    private static void even8Pass2(int[] w0, int[] w4, int[] z2, int[] z3, int[] hi0, int[] hi1, int[] rest11,
            int[] rest10, int n) {
        int round = 1 << (CONST_BITS + PASS1_BITS + 3 - 1);
        for (int b = 0; b < n; b++) {
            int z1 = (z2[b] + z3[b]) * FIX_0_541196100;
            int tmp2 = z1 + z3[b] * -FIX_1_847759065;
            int tmp3 = z1 + z2[b] * FIX_0_765366865;
            int s0 = w0[b] + w4[b];
            int s1 = w0[b] - w4[b];
            hi0[b] = s0 >> 5;
            hi1[b] = s1 >> 5;
            rest10[b] = ((s0 & 31) << CONST_BITS) + tmp3 + round;
            rest11[b] = ((s1 & 31) << CONST_BITS) + tmp2 + round;
        }
    }

    /** jpeg_idct_islow's odd part (both passes), from t0 = x7, t1 = x5, t2 = x3, t3 = x1; two loops of two. */
    private static void odd8(int[] t0, int[] t1, int[] t2, int[] t3, int[] o0, int[] o1, int[] o2, int[] o3, int n) {
        for (int b = 0; b < n; b++) {
            int z1 = t0[b] + t3[b];
            int z2 = t1[b] + t2[b];
            int z3 = t0[b] + t2[b];
            int z4 = t1[b] + t3[b];
            int z5 = (z3 + z4) * FIX_1_175875602;
            o0[b] = t0[b] * FIX_0_298631336 + z1 * -FIX_0_899976223 + z3 * -FIX_1_961570560 + z5;
            o1[b] = t1[b] * FIX_2_053119869 + z2 * -FIX_2_562915447 + z4 * -FIX_0_390180644 + z5;
        }
        for (int b = 0; b < n; b++) {
            int z1 = t0[b] + t3[b];
            int z2 = t1[b] + t2[b];
            int z3 = t0[b] + t2[b];
            int z4 = t1[b] + t3[b];
            int z5 = (z3 + z4) * FIX_1_175875602;
            o2[b] = t2[b] * FIX_3_072711026 + z2 * -FIX_2_562915447 + z3 * -FIX_1_961570560 + z5;
            o3[b] = t3[b] * FIX_1_501321110 + z1 * -FIX_0_899976223 + z4 * -FIX_0_390180644 + z5;
        }
    }

    /** Pass 1's outputs from one even half: e + descale(tmpE +- odd) and e + descale(-tmpE +- odd'). */
    private static void combine8(int[] e, int[] tmpE, int[] oddA, int[] oddB, int[] wa, int[] wb, int[] wc, int[] wd,
            int round, int sh, int n) {
        for (int b = 0; b < n; b++) {
            int x = e[b];
            int t = tmpE[b];
            wa[b] = x + ((t + oddA[b] + round) >> sh);
            wb[b] = x + ((t - oddA[b] + round) >> sh);
            wc[b] = x + ((oddB[b] - t + round) >> sh);
            wd[b] = x + ((-oddB[b] - t + round) >> sh);
        }
    }

    private static final int SHIFT8 = CONST_BITS + PASS1_BITS + 3;

    /** A sample from hi + (rest +- odd) >> 18, into byte {@code shift / 8} of {@code packed}. */
    private static void sample8(int[] hi, int[] rest, int[] odd, int[] packed, int shift, int n, int sign) {
        for (int b = 0; b < n; b++) {
            packed[b] |= limit(hi[b] + ((rest[b] + sign * odd[b]) >> SHIFT8)) << shift;
        }
    }

    /**
     * A sample from tmp12 or tmp13 (low part - tmp2 or tmp3): {@code rest} holds low + tmpE +
     * round, so low - tmpE + round = 2 x low + 2 x round - rest, the low part rebuilt from w0 and
     * w4 (sign {@code w4sign}).
     */
    private static void sample8Mirror(int[] hi, int[] rest, int[] odd, int[] w0, int[] w4, int[] packed, int shift,
            int n, int sign, int w4sign) {
        int round = 1 << (SHIFT8 - 1);
        for (int b = 0; b < n; b++) {
            int low = ((w0[b] + w4sign * w4[b]) & 31) << CONST_BITS;
            int mirrored = 2 * low + 2 * round - rest[b];
            packed[b] |= limit(hi[b] + ((mirrored + sign * odd[b]) >> SHIFT8)) << shift;
        }
    }

    /**
     * libjpeg's jpeg_idct_2x2, without its shortcuts for all-zero columns and rows: at 1/8 scale
     * (4:2:0 chroma) most blocks hold a few AC coefficients in varying places, so those tests
     * were mispredicted about every other block; straight-line arithmetic costs less. The
     * results are the same: a shortcut's value is what the full formula gives with zero odd
     * terms, because the even term is split off exactly (pass 1: descale(4x * 2^13 + t, 13) =
     * 4x + descale(t, 13)) or kept in 64 bits (pass 2), so neither can overflow where libjpeg's
     * shortcut would not have. (Only corrupt data, with dequantised coefficients far outside what
     * 8-bit samples give, could make libjpeg's own 32-bit sums wrap: there the results may differ.)
     */
    static void idct2(short[] in, int o, int[] q, byte[] out, int outPos, int stride) {
        // pass 1: columns 0, 1, 3, 5 and 7 to two rows each (the even columns do not reach a
        // 2x2 output)
        int n1 = CONST_BITS - PASS1_BITS + 2;
        int e0 = (in[o] * q[0]) << PASS1_BITS;
        int t0 = oddColumn(in, o, q, 0);
        int e1 = (in[o + 1] * q[1]) << PASS1_BITS;
        int t1 = oddColumn(in, o + 1, q, 1);
        int e3 = (in[o + 3] * q[3]) << PASS1_BITS;
        int t3 = oddColumn(in, o + 3, q, 3);
        int e5 = (in[o + 5] * q[5]) << PASS1_BITS;
        int t5 = oddColumn(in, o + 5, q, 5);
        int e7 = (in[o + 7] * q[7]) << PASS1_BITS;
        int t7 = oddColumn(in, o + 7, q, 7);
        oddRow(e0 + descale(t0, n1), e1 + descale(t1, n1), e3 + descale(t3, n1), e5 + descale(t5, n1),
                e7 + descale(t7, n1), out, outPos);
        oddRow(e0 + descale(-t0, n1), e1 + descale(-t1, n1), e3 + descale(-t3, n1), e5 + descale(-t5, n1),
                e7 + descale(-t7, n1), out, outPos + stride);
    }

    /** The odd part of jpeg_idct_2x2's column pass for the column at {@code in[i]}. */
    private static int oddColumn(short[] in, int i, int[] q, int c) {
        return in[i + 56] * q[c + 56] * -FIX_0_720959822
                + in[i + 40] * q[c + 40] * FIX_0_850430095
                + in[i + 24] * q[c + 24] * -FIX_1_272758580
                + in[i + 8] * q[c + 8] * FIX_3_624509785;
    }

    /** jpeg_idct_2x2's row pass: one row of the work array (columns 0, 1, 3, 5, 7) to two samples. */
    private static void oddRow(int w0, int w1, int w3, int w5, int w7, byte[] out, int p) {
        long even = (long) w0 << (CONST_BITS + 2);
        long odd = (long) w7 * -FIX_0_720959822 + (long) w5 * FIX_0_850430095
                + (long) w3 * -FIX_1_272758580 + (long) w1 * FIX_3_624509785;
        int n = CONST_BITS + PASS1_BITS + 3 + 2;
        long round = 1L << (n - 1);
        out[p] = LIMIT[(int) ((even + odd + round) >> n) & 1023];
        out[p + 1] = LIMIT[(int) ((even - odd + round) >> n) & 1023];
    }

    /**
     * Pass 1's constants of {@link #idct2Row} times the quantisers, by column j (0, 1, 3, 5, 7):
     * q at 5j, then q times the constants of rows 1, 3, 5 and 7 at 5j + 1.. 5j + 4.
     */
    private final int[] q2 = new int[25];

    /**
     * {@link #idct2} for {@code blocks} consecutive blocks whose 2x2 outputs lie side by side
     * (block b at {@code outPos + 2b}), with the same values. Tighter per block: pass 1's
     * quantiser and constant are one factor (in * q * FIX = in * (q * FIX) in 32-bit wrapping
     * arithmetic, one multiply less per coefficient), and pass 2 runs in 32 bits instead of 64:
     * a sample is the range limit of (sum >> 20) & 1023, bits 20-29 of the sum, which only depend
     * on the sum modulo 2^32, so the 32-bit wrapping sum gives the 64-bit one's samples for every
     * input. Leaves the blocks' coefficients zero (see {@link #idct8Row}).
     */
    void idct2Row(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride) {
        int[] k = q2;
        for (int j = 0; j < 5; j++) {
            int c = j == 0 ? 0 : 2 * j - 1;
            k[5 * j] = q[c];
            k[5 * j + 1] = q[c + 8] * FIX_3_624509785;
            k[5 * j + 2] = q[c + 24] * -FIX_1_272758580;
            k[5 * j + 3] = q[c + 40] * FIX_0_850430095;
            k[5 * j + 4] = q[c + 56] * -FIX_0_720959822;
        }
        byte[] lim = LIMIT;
        int n1 = CONST_BITS - PASS1_BITS + 2;
        int r1 = 1 << (n1 - 1);
        int n2 = CONST_BITS + PASS1_BITS + 3 + 2;
        int r2 = 1 << (n2 - 1);
        for (int b = 0; b < blocks; b++) {
            int i = o + 64 * b;
            int p = outPos + 2 * b;
            // pass 1: columns 0, 1, 3, 5, 7, the even term split off exactly (as idct2)
            int e0 = (in[i] * k[0]) << PASS1_BITS;
            int t0 = in[i + 8] * k[1] + in[i + 24] * k[2] + in[i + 40] * k[3] + in[i + 56] * k[4];
            int e1 = (in[i + 1] * k[5]) << PASS1_BITS;
            int t1 = in[i + 9] * k[6] + in[i + 25] * k[7] + in[i + 41] * k[8] + in[i + 57] * k[9];
            int e3 = (in[i + 3] * k[10]) << PASS1_BITS;
            int t3 = in[i + 11] * k[11] + in[i + 27] * k[12] + in[i + 43] * k[13] + in[i + 59] * k[14];
            int e5 = (in[i + 5] * k[15]) << PASS1_BITS;
            int t5 = in[i + 13] * k[16] + in[i + 29] * k[17] + in[i + 45] * k[18] + in[i + 61] * k[19];
            int e7 = (in[i + 7] * k[20]) << PASS1_BITS;
            int t7 = in[i + 15] * k[21] + in[i + 31] * k[22] + in[i + 47] * k[23] + in[i + 63] * k[24];
            // pass 2, row 0 then row 1: even = w0 * 2^15, odd from w1, w3, w5, w7
            int w0 = e0 + ((t0 + r1) >> n1);
            int even = (w0 << (CONST_BITS + 2)) + r2;
            int odd = (e7 + ((t7 + r1) >> n1)) * -FIX_0_720959822 + (e5 + ((t5 + r1) >> n1)) * FIX_0_850430095
                    + (e3 + ((t3 + r1) >> n1)) * -FIX_1_272758580 + (e1 + ((t1 + r1) >> n1)) * FIX_3_624509785;
            out[p] = lim[((even + odd) >> n2) & 1023];
            out[p + 1] = lim[((even - odd) >> n2) & 1023];
            w0 = e0 + ((r1 - t0) >> n1);
            even = (w0 << (CONST_BITS + 2)) + r2;
            odd = (e7 + ((r1 - t7) >> n1)) * -FIX_0_720959822 + (e5 + ((r1 - t5) >> n1)) * FIX_0_850430095
                    + (e3 + ((r1 - t3) >> n1)) * -FIX_1_272758580 + (e1 + ((r1 - t1) >> n1)) * FIX_3_624509785;
            out[p + stride] = lim[((even + odd) >> n2) & 1023];
            out[p + stride + 1] = lim[((even - odd) >> n2) & 1023];
        }
        java.util.Arrays.fill(in, o, o + 64 * blocks, (short) 0);
    }

    /** libjpeg's jpeg_idct_1x1: the DC term alone. */
    static void idct1(short[] in, int o, int[] q, byte[] out, int outPos) {
        out[outPos] = LIMIT[descale(in[o] * q[0], 3) & 1023];
    }
}
