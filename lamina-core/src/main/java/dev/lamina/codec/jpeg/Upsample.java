package dev.lamina.codec.jpeg;

/**
 * Chroma upsampling as libjpeg 6b's jdsample.c does it: "fancy" (triangle filter) for 2x1 and 2x2
 * when the component is more than two samples wide and the output is not 1/8 scale, plain
 * replication for everything else (4:4:0 and 4:1:1 included, as libjpeg 6b's int_upsample).
 * Rows above the top and below the bottom repeat the edge row (libjpeg's context pointers).
 */
final class Upsample {
    private Upsample() {
    }

    /** libjpeg h2v1_fancy_upsample: each output pair is 3/4 nearer + 1/4 further input sample. */
    static void h2v1Fancy(byte[] in, int ip, int inWidth, byte[] out) {
        int o = 0;
        int v = in[ip] & 0xFF;
        out[o++] = (byte) v;
        out[o++] = (byte) ((v * 3 + (in[ip + 1] & 0xFF) + 2) >> 2);
        for (int i = 1; i < inWidth - 1; i++) {
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
        int o = 0;
        int thisSum = (in[near] & 0xFF) * 3 + (in[far] & 0xFF);
        int nextSum = (in[near + 1] & 0xFF) * 3 + (in[far + 1] & 0xFF);
        out[o++] = (byte) ((thisSum * 4 + 8) >> 4);
        out[o++] = (byte) ((thisSum * 3 + nextSum + 7) >> 4);
        int lastSum = thisSum;
        thisSum = nextSum;
        for (int i = 2; i < inWidth; i++) {
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
