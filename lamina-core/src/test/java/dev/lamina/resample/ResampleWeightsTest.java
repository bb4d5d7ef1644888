package dev.lamina.resample;

import dev.lamina.model.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResampleWeightsTest {

    @Test
    void nearestIsPillowsRule() {
        // floor((x + 0.5) * 5 / 3) = floor(0.83), floor(2.5), floor(4.17)
        assertArrayEquals(new int[]{0, 2, 4}, ResampleWeights.of(Kernel.NEAREST, 5, 3).first);
        // floor((x + 0.5) * 3 / 5) = 0.3, 0.9, 1.5, 2.1, 2.7
        assertArrayEquals(new int[]{0, 0, 1, 2, 2}, ResampleWeights.of(Kernel.NEAREST, 3, 5).first);
        // 4x: the second of each four
        assertArrayEquals(new int[]{2, 6}, ResampleWeights.of(Kernel.NEAREST, 8, 2).first);
    }

    /** Linear 8 -> 2: centre 1.5, kernel stretched 4x, window 0..5 with weights (1 - |i - 1.5| / 4). */
    @Test
    void linearDownscaleWindowByHand() {
        ResampleWeights w = ResampleWeights.of(Kernel.LINEAR, 8, 2);
        assertEquals(0, w.first[0]);
        assertEquals(6, w.count[0]);
        double[] raw = {0.625, 0.875, 0.875, 0.625, 0.375, 0.125};   // sums to 3.5
        for (int i = 0; i < 6; i++) {
            assertEquals(raw[i] / 3.5, w.weights[w.offset[0] + i], 1e-15);
        }
        // the second output mirrors the first (centre 5.5, window 2..7)
        assertEquals(2, w.first[1]);
        assertEquals(6, w.count[1]);
        assertEquals(raw[0] / 3.5, w.weights[w.offset[1] + 5], 1e-15);
    }

    /** Linear 2 -> 4 (up 2x): centres -0.25, 0.25, 0.75, 1.25; the outer ones are clipped and renormalised. */
    @Test
    void linearUpscaleByHand() {
        ResampleWeights w = ResampleWeights.of(Kernel.LINEAR, 2, 4);
        // centre -0.25: input 0 weighs 0.75, input 1 nothing (distance 1.25): alone, so 1
        assertEquals(0, w.first[0]);
        assertEquals(1, w.count[0]);
        assertEquals(1.0, w.weights[w.offset[0]], 0);
        // centre 0.25: 0.75 and 0.25
        assertEquals(0, w.first[1]);
        assertEquals(2, w.count[1]);
        assertEquals(0.75, w.weights[w.offset[1]], 1e-15);
        assertEquals(0.25, w.weights[w.offset[1] + 1], 1e-15);
    }

    /**
     * 30 -> 10 (scale exactly 3): output 5 sits on input 16 and the stretched window reaches 9
     * inputs either side, where the kernels are exactly zero; those ends are dropped.
     */
    @Test
    void zeroWeightEndsAreTrimmed() {
        ResampleWeights lanczos = ResampleWeights.of(Kernel.LANCZOS3, 30, 10);
        assertEquals(8, lanczos.first[5]);
        assertEquals(17, lanczos.count[5]);
        ResampleWeights linear = ResampleWeights.of(Kernel.LINEAR, 30, 10);
        assertEquals(14, linear.first[5]);
        assertEquals(5, linear.count[5]);
        // weights 1/3, 2/3, 1, 2/3, 1/3 over their sum 3
        assertEquals(1.0 / 9.0, linear.weights[linear.offset[5]], 1e-15);
        assertEquals(1.0 / 3.0, linear.weights[linear.offset[5] + 2], 1e-15);
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void everyWindowIsInsideTheImageAndSumsToOne(Kernel k) {
        int[][] sizes = {{1, 7}, {7, 1}, {640, 197}, {197, 640}, {9, 23}, {24, 6}, {5, 5}};
        for (int[] s : sizes) {
            ResampleWeights w = ResampleWeights.of(k, s[0], s[1]);
            for (int o = 0; o < s[1]; o++) {
                assertTrue(w.first[o] >= 0 && w.first[o] + w.count[o] <= s[0] && w.count[o] >= 1,
                        k + " " + s[0] + "->" + s[1] + " output " + o);
                double sum = 0;
                for (int t = 0; t < w.count[o]; t++) {
                    sum += w.weights[w.offset[o] + t];
                }
                assertEquals(1.0, sum, 1e-12, k + " " + s[0] + "->" + s[1] + " output " + o);
            }
        }
    }
}
