package dev.lamina.codec.jpeg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block-row DCT ({@link ForwardDct#forwardRow}, laid out for the JIT) against the one-block
 * transcription of jfdctint.c / jcdctmgr.c ({@link ForwardDct#forward}, which JpegEncoderTest ties
 * to the JDK's writer), on smooth, random and extreme blocks, at every IJG quality.
 */
class JpegForwardDctTest {

    /** Division by 8q rounded half up (jcdctmgr.c), in long arithmetic: the definition. */
    private static int libjpegQuantise(int t, int q) {
        int d = 8 * q;
        long a = Math.abs((long) t);
        int r = (int) ((a + d / 2) / d);
        return t < 0 ? -r : r;
    }

    @Test
    void blockRowEqualsOneBlockAtATime() {
        Random rnd = new Random(42);
        int blocks = 37;
        int stride = blocks * 8 + 5;
        byte[] plane = new byte[stride * 8 * 6];
        // rows of blocks: random, smooth, flat black, flat white, 0/255 checkerboards, stripes
        for (int i = 0; i < plane.length; i++) {
            int x = i % stride;
            int y = i / stride;
            int v = switch (y / 8) {
                case 0 -> rnd.nextInt(256);
                case 1 -> (x * 3 + y * 5 + rnd.nextInt(8)) & 255;
                case 2 -> (x / 8) % 2 == 0 ? 0 : 255;
                case 3 -> ((x + y) & 1) == 0 ? 0 : 255;
                case 4 -> (x & 1) == 0 ? 255 : 0;
                default -> (x / 8 + y) % 3 == 0 ? 0 : ((x / 8) % 2 == 0 ? 255 : rnd.nextInt(256));
            };
            plane[i] = (byte) v;
        }
        ForwardDct one = new ForwardDct();
        ForwardDct row = new ForwardDct();
        long nonZeroSeen = 0;
        for (int quality = 1; quality <= 100; quality++) {
            for (int[] base : new int[][] {QuantTables.LUMINANCE, QuantTables.CHROMINANCE}) {
                ForwardDct.Divisors div = new ForwardDct.Divisors(QuantTables.scaled(base, quality));
                for (int by = 0; by < 6; by++) {
                    short[] want = new short[blocks * 64];
                    long[] wantNz = new long[blocks];
                    for (int b = 0; b < blocks; b++) {
                        wantNz[b] = one.forward(plane, by * 8 * stride + b * 8, stride, div, want, b * 64);
                        nonZeroSeen += Long.bitCount(wantNz[b]);
                    }
                    short[] got = new short[blocks * 64 + 64];
                    long[] gotNz = new long[blocks + 1];
                    row.forwardRow(plane, by * 8 * stride, stride, blocks, div, got, 64, gotNz, 1);
                    assertArrayEquals(want, java.util.Arrays.copyOfRange(got, 64, got.length),
                            "quality " + quality + " block row " + by);
                    assertArrayEquals(wantNz, java.util.Arrays.copyOfRange(gotNz, 1, gotNz.length));
                }
            }
        }
        assertTrue(nonZeroSeen > 100_000, "too few non-zero coefficients: " + nonZeroSeen);
    }

    @Test
    void intQuantiserIsLibjpegsForEveryDividendAndQuantiser() {
        // every quantiser a table can hold, every DCT output in range (|t| <= 2^16)
        for (int q = 1; q <= 255; q++) {
            int[] quant = new int[64];
            java.util.Arrays.fill(quant, q);
            ForwardDct.Divisors div = new ForwardDct.Divisors(quant);
            int[] t = new int[2 * 65536 + 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = i - 65536;
            }
            ForwardDct.quantiseRow(t, 4 * q, div.magic[0], div.shift[0], t.length);
            for (int i = 0; i < t.length; i++) {
                if (t[i] != libjpegQuantise(i - 65536, q)) {
                    assertEquals(libjpegQuantise(i - 65536, q), t[i], "t=" + (i - 65536) + " q=" + q);
                }
            }
        }
    }
}
