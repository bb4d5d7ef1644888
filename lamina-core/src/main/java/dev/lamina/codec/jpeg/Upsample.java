package dev.lamina.codec.jpeg;

import dev.lamina.simd.FancyUpsample;
import dev.lamina.simd.Vectors;

/**
 * Chroma upsampling as libjpeg 6b's jdsample.c does it: "fancy" (triangle filter) for 2x1 and 2x2
 * when the component is more than two samples wide and the output is not 1/8 scale, plain
 * replication for everything else (4:4:0 and 4:1:1 included, as libjpeg 6b's int_upsample).
 * Rows above the top and below the bottom repeat the edge row (libjpeg's context pointers). The
 * fancy filters have a Vector API form ({@link Vectors#fancyUpsample}, used when the JVM runs
 * vector kernels) for the samples between a row's edges: the same samples.
 */
final class Upsample {
    private Upsample() {
    }

    /** The vector form when this JVM runs vector kernels ({@link Vectors}), else null. */
    private static final FancyUpsample VECTOR = Vectors.fancyUpsample();

    /** libjpeg h2v1_fancy_upsample: each output pair is 3/4 nearer + 1/4 further input sample. */
    static void h2v1Fancy(byte[] in, int ip, int inWidth, byte[] out) {
        h2v1Fancy(VECTOR, in, ip, inWidth, out);
    }

    /** As above with the given vector form doing what it can between the edges, or none (null; the tests run both). */
    static void h2v1Fancy(FancyUpsample vector, byte[] in, int ip, int inWidth, byte[] out) {
        int v = in[ip] & 0xFF;
        out[0] = (byte) v;
        out[1] = (byte) ((v * 3 + (in[ip + 1] & 0xFF) + 2) >> 2);
        int from = 1 + (vector == null ? 0 : vector.h2v1(in, ip, inWidth, out));
        int o = 2 * from;
        for (int i = from; i < inWidth - 1; i++) {
            int c = (in[ip + i] & 0xFF) * 3;
            out[o++] = (byte) ((c + (in[ip + i - 1] & 0xFF) + 1) >> 2);
            out[o++] = (byte) ((c + (in[ip + i + 1] & 0xFF) + 2) >> 2);
        }
        v = in[ip + inWidth - 1] & 0xFF;
        out[o++] = (byte) ((v * 3 + (in[ip + inWidth - 2] & 0xFF) + 1) >> 2);
        out[o] = (byte) v;
    }

    /**
     * libjpeg h2v2_fancy_upsample for one output row: {@code near} is the input row the output row
     * lies in, {@code far} the input row above (even output rows) or below (odd ones).
     */
    static void h2v2Fancy(byte[] in, int near, int far, int inWidth, byte[] out) {
        h2v2Fancy(VECTOR, in, near, far, inWidth, out);
    }

    /** As above with the given vector form doing what it can between the edges, or none (null). */
    static void h2v2Fancy(FancyUpsample vector, byte[] in, int near, int far, int inWidth, byte[] out) {
        int thisSum = (in[near] & 0xFF) * 3 + (in[far] & 0xFF);
        int nextSum = (in[near + 1] & 0xFF) * 3 + (in[far + 1] & 0xFF);
        out[0] = (byte) ((thisSum * 4 + 8) >> 4);
        out[1] = (byte) ((thisSum * 3 + nextSum + 7) >> 4);
        // input samples 1 .. done were done by the vector form: go on from sample done + 1, whose
        // left neighbour is sample done
        int done = vector == null ? 0 : vector.h2v2(in, near, far, inWidth, out);
        int o = 2 + 2 * done;
        int lastSum = (in[near + done] & 0xFF) * 3 + (in[far + done] & 0xFF);
        thisSum = (in[near + done + 1] & 0xFF) * 3 + (in[far + done + 1] & 0xFF);
        for (int i = done + 2; i < inWidth; i++) {
            nextSum = (in[near + i] & 0xFF) * 3 + (in[far + i] & 0xFF);
            out[o++] = (byte) ((thisSum * 3 + lastSum + 8) >> 4);
            out[o++] = (byte) ((thisSum * 3 + nextSum + 7) >> 4);
            lastSum = thisSum;
            thisSum = nextSum;
        }
        out[o++] = (byte) ((thisSum * 3 + lastSum + 8) >> 4);
        out[o] = (byte) ((thisSum * 4 + 7) >> 4);
    }

    /** Replicates each of {@code inWidth} samples {@code factor} times. */
    static void replicate(byte[] in, int ip, int inWidth, int factor, byte[] out) {
        int o = 0;
        for (int i = 0; i < inWidth; i++) {
            byte v = in[ip + i];
            for (int k = 0; k < factor; k++) {
                out[o++] = v;
            }
        }
    }
}
