package dev.lamina.codec.jpeg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The straight-line 2x2 reduced IDCT (1/8 scale of subsampled chroma) against libjpeg 6b's
 * {@code jpeg_idct_2x2} (jidctred.c) transcribed below with its all-zero column and row
 * shortcuts, on random blocks whose dequantised coefficients stay in the range 8-bit samples
 * give (|coefficient x quantiser| up to about 1100): sparse, dense, DC only, with zero and
 * non-zero odd columns and rows in every combination, and every quantiser 1-255.
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
            int[] q = new int[64];
            int qmax = 1 + rnd.nextInt(255);
            for (int k = 0; k < 64; k++) {
                q[k] = t % 5 == 0 ? qmax : 1 + rnd.nextInt(qmax);
            }
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

    /** A quantised coefficient whose dequantised value is in -1100..1100. */
    private static short coefficient(Random rnd, int q) {
        int v = rnd.nextInt(4) == 0 ? rnd.nextInt(2201) - 1100 : (int) Math.round(rnd.nextGaussian() * 60);
        return (short) Math.round(v / (double) q);
    }
}
