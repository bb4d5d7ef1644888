package dev.lamina.codec.png;

import dev.lamina.model.PngFilter;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The encoder's row filters against the PNG specification's definitions written out plainly here,
 * and its adaptive choice against libpng's heuristic written the same way: filter the row all five
 * ways, sum |filtered byte as signed|, keep the smallest (the first of equal sums).
 */
class PngRowFilterTest {


    /** The filter-type byte and the filtered bytes libpng's heuristic writes. */
    private static byte[] specAdaptive(byte[] row, int r, byte[] prev, int p, int n, int step) {
        int best = -1;
        long bestSum = Long.MAX_VALUE;
        byte[] bestRow = null;
        for (int type = 0; type < 5; type++) {
            byte[] f = PngSpec.filter(type, row, r, prev, p, n, step);
            long sum = 0;
            for (byte v : f) {
                sum += Math.abs((int) v);
            }
            if (sum < bestSum) {
                best = type;
                bestSum = sum;
                bestRow = f;
            }
        }
        byte[] out = new byte[n + 1];
        out[0] = (byte) best;
        System.arraycopy(bestRow, 0, out, 1, n);
        return out;
    }

    private static byte[] expected(PngFilter mode, byte[] row, int r, byte[] prev, int p, int n, int step) {
        if (mode == PngFilter.ADAPTIVE) {
            return specAdaptive(row, r, prev, p, n, step);
        }
        byte[] out = new byte[n + 1];
        out[0] = (byte) mode.ordinal();
        System.arraycopy(PngSpec.filter(mode.ordinal(), row, r, prev, p, n, step), 0, out, 1, n);
        return out;
    }

    /** Runs the encoder's filter with the rows at offsets inside larger arrays, as a strip holds them. */
    private static byte[] actual(PngFilter mode, byte[] row, int r, byte[] prev, int p, int n, int step) {
        byte[] out = new byte[n + 1 + 9];
        Arrays.fill(out, (byte) 0x5A);
        new PngRowFilter(step, n, mode).filter(row, r, prev, p, out, 9);
        return Arrays.copyOfRange(out, 9, out.length);
    }

    @Test
    void everyModeMatchesTheSpecificationOnNoisyAndSmoothRows() {
        SplittableRandom rnd = new SplittableRandom(15);
        int[] lengths = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 64, 100, 257, 1000};
        for (int step = 1; step <= 8; step++) {
            for (int n : lengths) {
                for (int trial = 0; trial < 12; trial++) {
                    byte[] row = new byte[n + 13];
                    byte[] prev = new byte[n + 5];
                    fill(rnd, row, trial);
                    fill(rnd, prev, trial);
                    int r = rnd.nextInt(14);
                    int p = rnd.nextInt(6);
                    byte[] above = trial % 4 == 3 ? null : prev;   // the first row: no row above
                    for (PngFilter mode : PngFilter.values()) {
                        assertArrayEquals(expected(mode, row, r, above, p, n, step),
                                actual(mode, row, r, above, p, n, step),
                                mode + " step " + step + " length " + n + " trial " + trial);
                    }
                }
            }
        }
    }

    /** Noise, smooth gradients with little noise, and flat rows with a few steps: each filter wins on some. */
    private static void fill(SplittableRandom rnd, byte[] b, int kind) {
        switch (kind % 3) {
            case 0 -> rnd.nextBytes(b);
            case 1 -> {
                int v = rnd.nextInt(256);
                for (int i = 0; i < b.length; i++) {
                    v += rnd.nextInt(7) - 3;
                    b[i] = (byte) v;
                }
            }
            default -> {
                int v = rnd.nextInt(256);
                for (int i = 0; i < b.length; i++) {
                    if (rnd.nextInt(20) == 0) {
                        v = rnd.nextInt(256);
                    }
                    b[i] = (byte) v;
                }
            }
        }
    }

    @Test
    void paethMatchesTheSpecificationForAllNeighbourValues() {
        // One byte per pixel; for each (up b, upper-left c) a row whose odd positions see every left value a.
        byte[] row = new byte[512];
        byte[] prev = new byte[512];
        for (int a = 0; a < 256; a++) {
            row[2 * a] = (byte) a;
            row[2 * a + 1] = (byte) (a * 77 + 13);
        }
        for (int b = 0; b < 256; b++) {
            for (int c = 0; c < 256; c++) {
                for (int i = 0; i < 256; i++) {
                    prev[2 * i] = (byte) c;
                    prev[2 * i + 1] = (byte) b;
                }
                assertArrayEquals(expected(PngFilter.PAETH, row, 0, prev, 0, 512, 1),
                        actual(PngFilter.PAETH, row, 0, prev, 0, 512, 1), "b " + b + " c " + c);
                if ((b ^ c) % 17 == 0) {   // the adaptive choice on a sample of them (it is the slower reference)
                    assertArrayEquals(expected(PngFilter.ADAPTIVE, row, 0, prev, 0, 512, 1),
                            actual(PngFilter.ADAPTIVE, row, 0, prev, 0, 512, 1), "b " + b + " c " + c);
                }
            }
        }
    }

    @Test
    void equalSumsKeepTheFirstTypeInTheSpecOrder() {
        byte[] zeros = new byte[24];
        assertEquals(0, actual(PngFilter.ADAPTIVE, zeros, 0, zeros, 0, 24, 3)[0], "all sums 0: none");
        byte[] ramp = new byte[24];
        for (int i = 0; i < 24; i++) {
            ramp[i] = (byte) (100 + i / 3);   // sub leaves 0 0 0 1 1 1 ... after the first pixel
        }
        // the row above equal to this one: up is all zeros, and so is Paeth (which predicts up
        // whenever the upper-left equals the left); up comes first
        assertEquals(2, actual(PngFilter.ADAPTIVE, ramp, 0, ramp, 0, 24, 3)[0]);
        assertArrayEquals(specAdaptive(ramp, 0, ramp, 0, 24, 3), actual(PngFilter.ADAPTIVE, ramp, 0, ramp, 0, 24, 3));
    }
}
