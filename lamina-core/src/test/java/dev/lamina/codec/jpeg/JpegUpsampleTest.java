package dev.lamina.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.simd.FancyUpsample;
import dev.lamina.simd.Vectors;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fancy upsampling (Upsample.h2v1Fancy, h2v2Fancy), the scalar form and with the vector form,
 * against jdsample.c's h2v1_fancy_upsample and h2v2_fancy_upsample transcribed here sample by
 * sample: rows of every width from 2 to 100 and some wide ones, random, extreme (0 and 255) and
 * smooth, with a guard after the row's 2 x width outputs. The decode tests compare whole images
 * with libjpeg's as well.
 */
class JpegUpsampleTest {

    /** jdsample.c h2v1_fancy_upsample, one row. */
    private static byte[] h2v1(byte[] in, int ip, int w) {
        byte[] out = new byte[2 * w];
        for (int j = 0; j < w; j++) {
            int c = (in[ip + j] & 0xFF) * 3;
            int left = j == 0 ? -1 : in[ip + j - 1] & 0xFF;
            int right = j == w - 1 ? -1 : in[ip + j + 1] & 0xFF;
            out[2 * j] = (byte) (j == 0 ? in[ip] & 0xFF : (c + left + 1) >> 2);
            out[2 * j + 1] = (byte) (j == w - 1 ? in[ip + j] & 0xFF : (c + right + 2) >> 2);
        }
        return out;
    }

    /** jdsample.c h2v2_fancy_upsample, one output row from its nearer and further input rows. */
    private static byte[] h2v2(byte[] in, int near, int far, int w) {
        int[] s = new int[w];
        for (int j = 0; j < w; j++) {
            s[j] = (in[near + j] & 0xFF) * 3 + (in[far + j] & 0xFF);
        }
        byte[] out = new byte[2 * w];
        for (int j = 0; j < w; j++) {
            out[2 * j] = (byte) (j == 0 ? (s[0] * 4 + 8) >> 4 : (s[j] * 3 + s[j - 1] + 8) >> 4);
            out[2 * j + 1] = (byte) (j == w - 1 ? (s[j] * 4 + 7) >> 4 : (s[j] * 3 + s[j + 1] + 7) >> 4);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void fancyUpsamplingEqualsJdsample(boolean vector) throws ReflectiveOperationException {
        FancyUpsample kernel = vector ? Vectors.newVectorFancyUpsample() : null;
        Random rnd = new Random(15);
        int[] wide = {127, 128, 129, 400, 1001};
        for (int t = 0; t < 3_000; t++) {
            int w = t < 990 ? 2 + t % 99 : t % 10 == 0 ? wide[rnd.nextInt(wide.length)] : 2 + rnd.nextInt(120);
            int kind = rnd.nextInt(4);
            int stride = w + rnd.nextInt(5);
            byte[] in = new byte[3 + 2 * stride];
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte) switch (kind) {
                    case 0 -> rnd.nextInt(256);
                    case 1 -> rnd.nextBoolean() ? 0 : 255;
                    case 2 -> 128 + (int) (100 * Math.sin(i / 7.0));
                    default -> rnd.nextInt(3) == 0 ? 255 : rnd.nextInt(4);
                };
            }
            int near = 3 + (rnd.nextBoolean() ? 0 : stride);
            int far = near == 3 ? 3 + stride : 3;
            byte[] got = new byte[2 * w + 40];
            java.util.Arrays.fill(got, (byte) 0x5A);
            Upsample.h2v1Fancy(kernel, in, near, w, got);
            assertArrayEquals(guarded(h2v1(in, near, w), got.length), got, "h2v1, width " + w + ", case " + t);
            java.util.Arrays.fill(got, (byte) 0x5A);
            Upsample.h2v2Fancy(kernel, in, near, far, w, got);
            assertArrayEquals(guarded(h2v2(in, near, far, w), got.length), got, "h2v2, width " + w + ", case " + t);
        }
        if (vector) {
            byte[] row = new byte[2 * 400];
            assertTrue(kernel.h2v2(row, 0, 400, 400, new byte[800]) >= 380, "the vector form does most of a row");
            assertTrue(kernel.h2v1(row, 0, 400, new byte[800]) >= 380, "the vector form does most of a row");
        }
    }

    private static byte[] guarded(byte[] want, int length) {
        byte[] g = new byte[length];
        java.util.Arrays.fill(g, (byte) 0x5A);
        System.arraycopy(want, 0, g, 0, want.length);
        return g;
    }
}
