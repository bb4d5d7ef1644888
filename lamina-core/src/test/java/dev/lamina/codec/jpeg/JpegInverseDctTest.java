package dev.lamina.codec.jpeg;

import dev.lamina.simd.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The straight-line 2x2 reduced IDCT (1/8 scale of subsampled chroma) against libjpeg 6b's
 * {@code jpeg_idct_2x2} (jidctred.c) transcribed below with its all-zero column and row
 * shortcuts, on random blocks whose dequantised coefficients stay in the range 8-bit samples
 * give (|coefficient x quantiser| up to about 1100): sparse, dense, DC only, with zero and
 * non-zero odd columns and rows in every combination, and every quantiser 1-255. The 4x4 reduced
 * IDCT (1/2 scale of luma, 1/4 of 4:2:0 chroma) against {@code jpeg_idct_4x4} the same way, so a
 * rewrite of it (a straight-line or block-row form) has an independent reference.
 */
class JpegInverseDctTest {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;

    private static int descale(int x, int n) {
        return (x + (1 << (n - 1))) >> n;
    }

    /** jidctred.c's jpeg_idct_2x2, as written there (shortcuts included). */
    private static void libjpegIdct2(short[] in, int[] q, byte[] out, int outPos, int stride) {
        int[] ws = new int[16];
        for (int c = 0; c < 8; c++) {
            if (c == 2 || c == 4 || c == 6) {
                continue;
            }
            if (in[c + 8] == 0 && in[c + 24] == 0 && in[c + 40] == 0 && in[c + 56] == 0) {
                int dc = (in[c] * q[c]) << PASS1_BITS;
                ws[c] = dc;
                ws[c + 8] = dc;
                continue;
            }
            int tmp10 = (in[c] * q[c]) << (CONST_BITS + 2);
            int tmp0 = in[c + 56] * q[c + 56] * -5906 + in[c + 40] * q[c + 40] * 6967
                    + in[c + 24] * q[c + 24] * -10426 + in[c + 8] * q[c + 8] * 29692;
            ws[c] = descale(tmp10 + tmp0, CONST_BITS - PASS1_BITS + 2);
            ws[c + 8] = descale(tmp10 - tmp0, CONST_BITS - PASS1_BITS + 2);
        }
        for (int r = 0; r < 2; r++) {
            int i = r * 8;
            int p = outPos + r * stride;
            if (ws[i + 1] == 0 && ws[i + 3] == 0 && ws[i + 5] == 0 && ws[i + 7] == 0) {
                byte v = InverseDct.LIMIT[descale(ws[i], PASS1_BITS + 3) & 1023];
                out[p] = v;
                out[p + 1] = v;
                continue;
            }
            int tmp10 = ws[i] << (CONST_BITS + 2);
            int tmp0 = ws[i + 7] * -5906 + ws[i + 5] * 6967 + ws[i + 3] * -10426 + ws[i + 1] * 29692;
            int n = CONST_BITS + PASS1_BITS + 3 + 2;
            out[p] = InverseDct.LIMIT[descale(tmp10 + tmp0, n) & 1023];
            out[p + 1] = InverseDct.LIMIT[descale(tmp10 - tmp0, n) & 1023];
        }
    }

    @Test
    void twoByTwoEqualsLibjpeg() {
        Random rnd = new Random(3);
        // the positions the 2x2 IDCT reads: rows and columns 0, 1, 3, 5, 7
        int[] used = {0, 1, 3, 5, 7};
        int shortcuts = 0;
        for (int t = 0; t < 200_000; t++) {
            int[] q = randomQuant(rnd, t);
            short[] in = new short[64 + 7];
            int o = rnd.nextInt(8);   // blocks at any offset in the coefficient array
            int kind = t % 4;
            int n = kind == 0 ? 0 : kind == 1 ? 1 + rnd.nextInt(4) : kind == 2 ? 5 + rnd.nextInt(10) : 64;
            in[o] = coefficient(rnd, q[0]);
            for (int j = 0; j < n; j++) {
                int k = kind == 3 ? j : rnd.nextInt(2) == 0 ? used[rnd.nextInt(5)] * 8 + used[rnd.nextInt(5)]
                        : rnd.nextInt(64);
                in[o + k] = coefficient(rnd, q[k]);
            }
            int stride = 2 + rnd.nextInt(5);
            byte[] want = new byte[2 + stride + 1];
            byte[] got = new byte[want.length];
            short[] block = java.util.Arrays.copyOfRange(in, o, o + 64);
            libjpegIdct2(block, q, want, 1, stride);
            InverseDct.idct2(in, o, q, got, 1, stride);
            assertArrayEquals(want, got, "block " + t);
            shortcuts += block[8] == 0 && block[24] == 0 && block[40] == 0 && block[56] == 0 ? 1 : 0;
        }
        assertTrue(shortcuts > 20_000, "too few blocks with a zero odd column 0: " + shortcuts);
    }

    /** jidctred.c's jpeg_idct_4x4, as written there (shortcuts included, 32-bit sums). */
    private static void libjpegIdct4(short[] in, int[] q, byte[] out, int outPos, int stride) {
        int[] ws = new int[32];
        for (int c = 0; c < 8; c++) {
            if (c == 4) {
                continue;   // "Don't bother to process column 4, because second pass won't use it"
            }
            if (in[c + 8] == 0 && in[c + 16] == 0 && in[c + 24] == 0 && in[c + 40] == 0
                    && in[c + 48] == 0 && in[c + 56] == 0) {
                int dc = (in[c] * q[c]) << PASS1_BITS;
                ws[c] = dc;
                ws[c + 8] = dc;
                ws[c + 16] = dc;
                ws[c + 24] = dc;
                continue;
            }
            int tmp0 = (in[c] * q[c]) << (CONST_BITS + 1);
            int z2 = in[c + 16] * q[c + 16];
            int z3 = in[c + 48] * q[c + 48];
            int tmp2 = z2 * 15137 + z3 * -6270;
            int tmp10 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;
            int z1 = in[c + 56] * q[c + 56];
            z2 = in[c + 40] * q[c + 40];
            z3 = in[c + 24] * q[c + 24];
            int z4 = in[c + 8] * q[c + 8];
            tmp0 = z1 * -1730 + z2 * 11893 + z3 * -17799 + z4 * 8697;
            tmp2 = z1 * -4176 + z2 * -4926 + z3 * 7373 + z4 * 20995;
            int n = CONST_BITS - PASS1_BITS + 1;
            ws[c] = descale(tmp10 + tmp2, n);
            ws[c + 24] = descale(tmp10 - tmp2, n);
            ws[c + 8] = descale(tmp12 + tmp0, n);
            ws[c + 16] = descale(tmp12 - tmp0, n);
        }
        for (int r = 0; r < 4; r++) {
            int i = r * 8;
            int p = outPos + r * stride;
            if (ws[i + 1] == 0 && ws[i + 2] == 0 && ws[i + 3] == 0 && ws[i + 5] == 0 && ws[i + 6] == 0
                    && ws[i + 7] == 0) {
                byte v = InverseDct.LIMIT[descale(ws[i], PASS1_BITS + 3) & 1023];
                out[p] = v;
                out[p + 1] = v;
                out[p + 2] = v;
                out[p + 3] = v;
                continue;
            }
            int tmp0 = ws[i] << (CONST_BITS + 1);
            int tmp2 = ws[i + 2] * 15137 + ws[i + 6] * -6270;
            int tmp10 = tmp0 + tmp2;
            int tmp12 = tmp0 - tmp2;
            int z1 = ws[i + 7];
            int z2 = ws[i + 5];
            int z3 = ws[i + 3];
            int z4 = ws[i + 1];
            tmp0 = z1 * -1730 + z2 * 11893 + z3 * -17799 + z4 * 8697;
            tmp2 = z1 * -4176 + z2 * -4926 + z3 * 7373 + z4 * 20995;
            int n = CONST_BITS + PASS1_BITS + 3 + 1;
            out[p] = InverseDct.LIMIT[descale(tmp10 + tmp2, n) & 1023];
            out[p + 3] = InverseDct.LIMIT[descale(tmp10 - tmp2, n) & 1023];
            out[p + 1] = InverseDct.LIMIT[descale(tmp12 + tmp0, n) & 1023];
            out[p + 2] = InverseDct.LIMIT[descale(tmp12 - tmp0, n) & 1023];
        }
    }

    /**
     * The straight-line 4x4 (1/2 scale of luma and of 4:4:4 chroma) against jpeg_idct_4x4 with its
     * shortcuts: sparse, dense, DC-only blocks, blocks with AC only in row or column 4 (which the
     * 4x4 never reads, so they take both shortcuts), and extreme blocks: every coefficient at the
     * largest dequantised magnitude 8-bit samples give (1024 + q/2), signs random or all alike.
     */
    @Test
    void fourByFourEqualsLibjpeg() {
        Random rnd = new Random(4);
        int[] used = {0, 1, 2, 3, 5, 6, 7};
        int columnShortcuts = 0;
        int rowShortcuts = 0;
        InverseDct idct = new InverseDct();
        for (int t = 0; t < 200_000; t++) {
            int[] q = randomQuant(rnd, t);
            short[] in = new short[64 + 7];
            int o = rnd.nextInt(8);
            int kind = t % 6;
            if (kind == 5) {
                int sign = rnd.nextInt(3) - 1;
                for (int k = 0; k < 64; k++) {
                    int s = sign != 0 ? sign : rnd.nextBoolean() ? 1 : -1;
                    in[o + k] = (short) (s * ((1024 + q[k] / 2) / q[k]));
                }
            } else {
                int n = kind == 0 ? 0 : kind == 1 ? 1 + rnd.nextInt(4) : kind == 2 ? 5 + rnd.nextInt(10) : 64;
                in[o] = coefficient(rnd, q[0]);
                for (int j = 0; j < n; j++) {
                    int k = kind == 3 ? j
                            : kind == 4 ? (rnd.nextBoolean() ? 32 + rnd.nextInt(8) : rnd.nextInt(8) * 8 + 4)
                            : rnd.nextInt(2) == 0 ? used[rnd.nextInt(7)] * 8 + used[rnd.nextInt(7)]
                            : rnd.nextInt(64);
                    in[o + k] = coefficient(rnd, q[k]);
                }
            }
            int stride = 4 + rnd.nextInt(5);
            byte[] want = new byte[3 * stride + 4 + 1];
            byte[] got = new byte[want.length];
            short[] block = java.util.Arrays.copyOfRange(in, o, o + 64);
            libjpegIdct4(block, q, want, 1, stride);
            idct.idct4(in, o, q, got, 1, stride);
            assertArrayEquals(want, got, "block " + t);
            columnShortcuts += block[8] == 0 && block[16] == 0 && block[24] == 0 && block[40] == 0
                    && block[48] == 0 && block[56] == 0 ? 1 : 0;
            boolean rowsZero = true;
            for (int k = 1; k < 8; k++) {
                rowsZero &= k == 4 || block[k] == 0;
            }
            rowShortcuts += rowsZero ? 1 : 0;
        }
        assertTrue(columnShortcuts > 20_000, "too few blocks with a zero AC column 0: " + columnShortcuts);
        assertTrue(rowShortcuts > 20_000, "too few blocks with a zero AC row 0: " + rowShortcuts);
    }

    /**
     * The block-row 4x4 ({@code idct4Row}, used at 1/2 and 1/4 scale) against jpeg_idct_4x4 block
     * by block: rows of 1-200 blocks (across its 64-block chunks) at any offset, each block of
     * one of the kinds of {@link #fourByFourEqualsLibjpeg}, written into a band wider than the
     * row so that a write outside a block's 4x4 shows; the scalar form and the vector one.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void fourByFourBlockRowEqualsLibjpeg(boolean vector) throws ReflectiveOperationException {
        Random rnd = new Random(5);
        int[] used = {0, 1, 2, 3, 5, 6, 7};
        InverseDct idct = new InverseDct(null, vector ? Vectors.newVectorIdct4() : null);
        for (int t = 0; t < 3_000; t++) {
            int[] q = randomQuant(rnd, t);
            int blocks = t % 10 == 0 ? 1 + rnd.nextInt(200) : 1 + rnd.nextInt(70);
            int o = rnd.nextInt(3) * 64;
            // kind 4: only row or column 4, which a 4-point output never reads
            short[] in = randomBlockRow(rnd, q, blocks, o, used,
                    r -> r.nextBoolean() ? 32 + r.nextInt(8) : r.nextInt(8) * 8 + 4);
            int stride = blocks * 4 + rnd.nextInt(9);
            int outPos = rnd.nextInt(5);
            byte[] want = new byte[outPos + 4 * stride];
            java.util.Arrays.fill(want, (byte) 0x5A);
            byte[] got = want.clone();
            for (int b = 0; b < blocks; b++) {
                short[] block = java.util.Arrays.copyOfRange(in, o + b * 64, o + b * 64 + 64);
                libjpegIdct4(block, q, want, outPos + 4 * b, stride);
            }
            idct.idct4Row(in, o, blocks, q, got, outPos, stride);
            assertArrayEquals(want, got, "row " + t + " of " + blocks + " blocks");
            assertCleared(in, o, blocks, used);
        }
    }

    /** Quantisers for round {@code t}: every fifth round all the largest, else random up to it. */
    private static int[] randomQuant(Random rnd, int t) {
        int[] q = new int[64];
        int qmax = 1 + rnd.nextInt(255);
        for (int k = 0; k < 64; k++) {
            q[k] = t % 5 == 0 ? qmax : 1 + rnd.nextInt(qmax);
        }
        return q;
    }

    /**
     * {@code blocks} blocks from {@code o} of a row for the block-row tests, each of one kind: DC
     * only, a few, some or all AC coefficients (half of the sparse ones in the rows and columns
     * {@code used} that the reduced IDCT reads), only coefficients it never reads ({@code unread}
     * picks one), or every coefficient at its extreme.
     */
    private static short[] randomBlockRow(Random rnd, int[] q, int blocks, int o, int[] used,
                                          java.util.function.ToIntFunction<Random> unread) {
        short[] in = new short[o + blocks * 64 + 64];
        for (int b = 0; b < blocks; b++) {
            int base = o + b * 64;
            int kind = rnd.nextInt(6);
            if (kind == 5) {
                int sign = rnd.nextInt(3) - 1;
                for (int k = 0; k < 64; k++) {
                    int s = sign != 0 ? sign : rnd.nextBoolean() ? 1 : -1;
                    in[base + k] = (short) (s * ((1024 + q[k] / 2) / q[k]));
                }
                continue;
            }
            int n = kind == 0 ? 0 : kind == 1 ? 1 + rnd.nextInt(4) : kind == 2 ? 5 + rnd.nextInt(10) : 64;
            in[base] = coefficient(rnd, q[0]);
            for (int j = 0; j < n; j++) {
                int k = kind == 3 ? j
                        : kind == 4 ? unread.applyAsInt(rnd)
                        : rnd.nextInt(2) == 0 ? used[rnd.nextInt(used.length)] * 8 + used[rnd.nextInt(used.length)]
                        : rnd.nextInt(64);
                in[base + k] = coefficient(rnd, q[k]);
            }
        }
        return in;
    }

    /** jidctint.c's jpeg_idct_islow, as written there (shortcuts included, 32-bit sums). */
    private static void libjpegIdct8(short[] in, int[] q, byte[] out, int outPos, int stride) {
        int[] ws = new int[64];
        for (int c = 0; c < 8; c++) {
            if (in[c + 8] == 0 && in[c + 16] == 0 && in[c + 24] == 0 && in[c + 32] == 0
                    && in[c + 40] == 0 && in[c + 48] == 0 && in[c + 56] == 0) {
                int dc = (in[c] * q[c]) << PASS1_BITS;
                for (int r = 0; r < 8; r++) {
                    ws[c + 8 * r] = dc;
                }
                continue;
            }
            int z2 = in[c + 16] * q[c + 16];
            int z3 = in[c + 48] * q[c + 48];
            int z1 = (z2 + z3) * 4433;
            int tmp2 = z1 + z3 * -15137;
            int tmp3 = z1 + z2 * 6270;
            z2 = in[c] * q[c];
            z3 = in[c + 32] * q[c + 32];
            int tmp0 = (z2 + z3) << CONST_BITS;
            int tmp1 = (z2 - z3) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            tmp0 = in[c + 56] * q[c + 56];
            tmp1 = in[c + 40] * q[c + 40];
            tmp2 = in[c + 24] * q[c + 24];
            tmp3 = in[c + 8] * q[c + 8];
            int[] odd = islowOdd(tmp0, tmp1, tmp2, tmp3);
            int n = CONST_BITS - PASS1_BITS;
            ws[c] = descale(tmp10 + odd[3], n);
            ws[c + 56] = descale(tmp10 - odd[3], n);
            ws[c + 8] = descale(tmp11 + odd[2], n);
            ws[c + 48] = descale(tmp11 - odd[2], n);
            ws[c + 16] = descale(tmp12 + odd[1], n);
            ws[c + 40] = descale(tmp12 - odd[1], n);
            ws[c + 24] = descale(tmp13 + odd[0], n);
            ws[c + 32] = descale(tmp13 - odd[0], n);
        }
        for (int r = 0; r < 8; r++) {
            int i = r * 8;
            int p = outPos + r * stride;
            boolean zero = true;
            for (int k = 1; k < 8; k++) {
                zero &= ws[i + k] == 0;
            }
            if (zero) {
                byte v = InverseDct.LIMIT[descale(ws[i], PASS1_BITS + 3) & 1023];
                java.util.Arrays.fill(out, p, p + 8, v);
                continue;
            }
            int z2 = ws[i + 2];
            int z3 = ws[i + 6];
            int z1 = (z2 + z3) * 4433;
            int tmp2 = z1 + z3 * -15137;
            int tmp3 = z1 + z2 * 6270;
            int tmp0 = (ws[i] + ws[i + 4]) << CONST_BITS;
            int tmp1 = (ws[i] - ws[i + 4]) << CONST_BITS;
            int tmp10 = tmp0 + tmp3;
            int tmp13 = tmp0 - tmp3;
            int tmp11 = tmp1 + tmp2;
            int tmp12 = tmp1 - tmp2;
            int[] odd = islowOdd(ws[i + 7], ws[i + 5], ws[i + 3], ws[i + 1]);
            int n = CONST_BITS + PASS1_BITS + 3;
            out[p] = InverseDct.LIMIT[descale(tmp10 + odd[3], n) & 1023];
            out[p + 7] = InverseDct.LIMIT[descale(tmp10 - odd[3], n) & 1023];
            out[p + 1] = InverseDct.LIMIT[descale(tmp11 + odd[2], n) & 1023];
            out[p + 6] = InverseDct.LIMIT[descale(tmp11 - odd[2], n) & 1023];
            out[p + 2] = InverseDct.LIMIT[descale(tmp12 + odd[1], n) & 1023];
            out[p + 5] = InverseDct.LIMIT[descale(tmp12 - odd[1], n) & 1023];
            out[p + 3] = InverseDct.LIMIT[descale(tmp13 + odd[0], n) & 1023];
            out[p + 4] = InverseDct.LIMIT[descale(tmp13 - odd[0], n) & 1023];
        }
    }

    /** jpeg_idct_islow's odd part: tmp0..tmp3 from the inputs at rows (or columns) 7, 5, 3, 1. */
    private static int[] islowOdd(int tmp0, int tmp1, int tmp2, int tmp3) {
        int z1 = tmp0 + tmp3;
        int z2 = tmp1 + tmp2;
        int z3 = tmp0 + tmp2;
        int z4 = tmp1 + tmp3;
        int z5 = (z3 + z4) * 9633;
        tmp0 *= 2446;
        tmp1 *= 16819;
        tmp2 *= 25172;
        tmp3 *= 12299;
        z1 *= -7373;
        z2 *= -20995;
        z3 *= -16069;
        z4 *= -3196;
        z3 += z5;
        z4 += z5;
        return new int[] {tmp0 + z1 + z3, tmp1 + z2 + z4, tmp2 + z2 + z3, tmp3 + z1 + z4};
    }

    /**
     * The block-row 8x8 ({@code idct8Row}: every decode with an 8x8 output, so full scale and
     * subsampled chroma at 1/2) against jpeg_idct_islow block by block, as the 4x4 one above:
     * sparse, dense, DC-only, extreme blocks and blocks whose only AC sits in one row or column;
     * the scalar form and the vector one (dev.lamina.simd), both loaded in this JVM.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eightByEightBlockRowEqualsLibjpeg(boolean vector) throws ReflectiveOperationException {
        Random rnd = new Random(6);
        InverseDct idct = new InverseDct(vector ? Vectors.newVectorIdct8() : null, null);
        long dcOnlyRows = 0;
        for (int t = 0; t < 2_000; t++) {
            int[] q = randomQuant(rnd, t);
            int blocks = t % 10 == 0 ? 1 + rnd.nextInt(200) : 1 + rnd.nextInt(70);
            int o = rnd.nextInt(3) * 64;
            short[] in = new short[o + blocks * 64 + 64];
            for (int b = 0; b < blocks; b++) {
                int base = o + b * 64;
                int kind = rnd.nextInt(6);
                if (kind == 5) {
                    int sign = rnd.nextInt(3) - 1;
                    for (int k = 0; k < 64; k++) {
                        int s = sign != 0 ? sign : rnd.nextBoolean() ? 1 : -1;
                        in[base + k] = (short) (s * ((1024 + q[k] / 2) / q[k]));
                    }
                    continue;
                }
                int n = kind == 0 ? 0 : kind == 1 ? 1 + rnd.nextInt(4) : kind == 2 ? 5 + rnd.nextInt(10) : 64;
                in[base] = coefficient(rnd, q[0]);
                int line = rnd.nextInt(8);
                for (int j = 0; j < n; j++) {
                    int k = kind == 3 ? j
                            : kind == 4 ? (rnd.nextBoolean() ? line * 8 + rnd.nextInt(8) : rnd.nextInt(8) * 8 + line)
                            : rnd.nextInt(64);
                    in[base + k] = coefficient(rnd, q[k]);
                }
                dcOnlyRows += kind == 0 ? 1 : 0;
            }
            int stride = blocks * 8 + rnd.nextInt(9);
            int outPos = rnd.nextInt(5);
            byte[] want = new byte[outPos + 8 * stride];
            java.util.Arrays.fill(want, (byte) 0x5A);
            byte[] got = want.clone();
            for (int b = 0; b < blocks; b++) {
                short[] block = java.util.Arrays.copyOfRange(in, o + b * 64, o + b * 64 + 64);
                libjpegIdct8(block, q, want, outPos + 8 * b, stride);
            }
            idct.idct8Row(in, o, blocks, q, got, outPos, stride);
            assertArrayEquals(want, got, "row " + t + " of " + blocks + " blocks");
            assertCleared(in, o, blocks, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        }
        assertTrue(dcOnlyRows > 1000, "too few DC-only blocks: " + dcOnlyRows);
    }

    /**
     * The block-row IDCTs leave the coefficients they read zero (the decoder's coefficient row is
     * cleared that way): rows and columns {@code used} of every block.
     */
    private static void assertCleared(short[] in, int o, int blocks, int[] used) {
        for (int b = 0; b < blocks; b++) {
            for (int r : used) {
                for (int c : used) {
                    assertEquals(0, in[o + 64 * b + 8 * r + c], "block " + b + " coefficient " + (8 * r + c));
                }
            }
        }
    }

    /**
     * The block-row 2x2 ({@code idct2Row}: luma of a 4:2:0 file at 1/4, chroma at 1/8) against
     * jpeg_idct_2x2 transcribed with its shortcuts, block by block, as the 4x4 one: sparse, dense,
     * DC-only, extreme blocks and blocks whose only AC coefficients are ones the 2x2 never reads.
     */
    @Test
    void twoByTwoBlockRowEqualsLibjpeg() {
        Random rnd = new Random(7);
        int[] used = {0, 1, 3, 5, 7};
        InverseDct idct = new InverseDct(null, null);
        for (int t = 0; t < 3_000; t++) {
            int[] q = randomQuant(rnd, t);
            int blocks = t % 10 == 0 ? 1 + rnd.nextInt(250) : 1 + rnd.nextInt(70);
            int o = rnd.nextInt(3) * 64;
            // kind 4: only even rows and columns, which a 2-point output never reads
            short[] in = randomBlockRow(rnd, q, blocks, o, used, r -> 8 * (2 * r.nextInt(4)) + 2 * r.nextInt(4));
            int stride = blocks * 2 + rnd.nextInt(9);
            int outPos = rnd.nextInt(5);
            byte[] want = new byte[outPos + 2 * stride];
            java.util.Arrays.fill(want, (byte) 0x5A);
            byte[] got = want.clone();
            for (int b = 0; b < blocks; b++) {
                short[] block = java.util.Arrays.copyOfRange(in, o + b * 64, o + b * 64 + 64);
                libjpegIdct2(block, q, want, outPos + 2 * b, stride);
            }
            idct.idct2Row(in, o, blocks, q, got, outPos, stride);
            assertArrayEquals(want, got, "row " + t + " of " + blocks + " blocks");
            assertCleared(in, o, blocks, used);
        }
    }

    /**
     * The block-row 2x2 against the one-block {@code idct2} (pass 2 in 64 bits) on coefficients
     * anywhere in their range with quantisers up to 16 bits, where sums overflow 32 bits: the
     * row form's 32-bit pass 2 must give the same samples for every input, corrupt ones included.
     */
    @Test
    void twoByTwoBlockRowEqualsOneBlockFormOnAnyCoefficients() {
        InverseDct idct = new InverseDct(null, null);
        Random rnd = new Random(16);
        for (int t = 0; t < 20_000; t++) {
            int[] q = new int[64];
            int qmax = t % 3 == 0 ? 65535 : t % 3 == 1 ? 255 : 16;
            for (int k = 0; k < 64; k++) {
                q[k] = 1 + rnd.nextInt(qmax);
            }
            int blocks = 1 + rnd.nextInt(6);
            short[] in = new short[blocks * 64];
            for (int k = 0; k < in.length; k++) {
                int kind = rnd.nextInt(4);
                in[k] = (short) (kind == 0 ? 0 : kind == 1 ? rnd.nextInt(65536) : rnd.nextInt(21) - 10);
            }
            int stride = blocks * 2 + rnd.nextInt(5);
            byte[] want = new byte[3 + 2 * stride];
            java.util.Arrays.fill(want, (byte) 0x5A);
            byte[] got = want.clone();
            for (int b = 0; b < blocks; b++) {
                InverseDct.idct2(in, 64 * b, q, want, 3 + 2 * b, stride);
            }
            idct.idct2Row(in, 0, blocks, q, got, 3, stride);
            assertArrayEquals(want, got, "case " + t);
        }
    }

    /** A quantised coefficient whose dequantised value is in -1100..1100. */
    private static short coefficient(Random rnd, int q) {
        int v = rnd.nextInt(4) == 0 ? rnd.nextInt(2201) - 1100 : (int) Math.round(rnd.nextGaussian() * 60);
        return (short) Math.round(v / (double) q);
    }

    /**
     * The vector block-row IDCTs against the scalar ones on blocks anywhere in the coefficients'
     * range, with quantisers up to 16 bits: where libjpeg's 32-bit sums wrap (only corrupt data
     * gets there) both must wrap the same way, so a decode never depends on which one ran. The
     * in-range samples are held to libjpeg by the tests above.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void vectorIdctsEqualScalarOnAnyCoefficients(boolean fourByFour) throws ReflectiveOperationException {
        InverseDct vector = new InverseDct(Vectors.newVectorIdct8(), Vectors.newVectorIdct4());
        InverseDct scalar = new InverseDct(null, null);
        Random rnd = new Random(15);
        for (int t = 0; t < 20_000; t++) {
            int[] q = new int[64];
            int qmax = t % 3 == 0 ? 65535 : t % 3 == 1 ? 255 : 16;
            for (int k = 0; k < 64; k++) {
                q[k] = 1 + rnd.nextInt(qmax);
            }
            int blocks = 1 + rnd.nextInt(6);
            short[] in = new short[blocks * 64 + 64];
            for (int k = 0; k < blocks * 64; k++) {
                int kind = rnd.nextInt(4);
                in[k] = (short) (kind == 0 ? 0 : kind == 1 ? rnd.nextInt(65536) : rnd.nextInt(21) - 10);
            }
            int stride = blocks * 8 + rnd.nextInt(5);
            byte[] want = new byte[3 + 8 * stride];
            java.util.Arrays.fill(want, (byte) 0x5A);
            byte[] got = want.clone();
            int o = rnd.nextInt(2) * 64;
            int n = Math.max(1, blocks - o / 64);
            short[] copy = in.clone();   // each form clears the coefficients it reads
            if (fourByFour) {
                scalar.idct4Row(in, o, n, q, want, 3, stride);
                vector.idct4Row(copy, o, n, q, got, 3, stride);
            } else {
                scalar.idct8Row(in, o, n, q, want, 3, stride);
                vector.idct8Row(copy, o, n, q, got, 3, stride);
            }
            assertArrayEquals(want, got, "case " + t);
        }
    }
}
