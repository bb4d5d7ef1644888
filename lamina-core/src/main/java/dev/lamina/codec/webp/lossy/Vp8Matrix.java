package dev.lamina.codec.webp.lossy;

/**
 * One quantiser of a segment (luma AC, luma DC through the WHT, or chroma): the step of each
 * coefficient, its reciprocal, the rounding bias and the zero threshold that follows from them,
 * and the sharpening that raises high luma frequencies a little (libwebp's VP8Matrix: the biases
 * round below one half, which favours zeros, cheaper to code).
 */
final class Vp8Matrix {
    /** Biases [luma AC, luma DC (WHT), chroma][dc, ac], in 1/256 of a step. */
    private static final int[][] BIAS = {{96, 110}, {96, 108}, {110, 115}};
    private static final int[] FREQ_SHARPENING = {0, 30, 60, 90, 30, 60, 90, 90, 60, 90, 90, 90, 90, 90, 90, 90};
    private static final int SHARPEN_BITS = 11;

    final int[] q = new int[16];
    final int[] iq = new int[16];
    final int[] bias = new int[16];
    final int[] zthresh = new int[16];
    final int[] sharpen = new int[16];

    /**
     * @param type 0 luma AC (sharpened), 1 luma DC (WHT), 2 chroma
     * @return the average step, the base of the segment's lambdas
     */
    int expand(int dcStep, int acStep, int type) {
        q[0] = dcStep;
        q[1] = acStep;
        for (int i = 0; i < 2; i++) {
            iq[i] = (1 << Vp8EncoderDsp.QFIX) / q[i];
            bias[i] = BIAS[type][i] << (Vp8EncoderDsp.QFIX - 8);
            zthresh[i] = ((1 << Vp8EncoderDsp.QFIX) - 1 - bias[i]) / iq[i];
        }
        for (int i = 2; i < 16; i++) {
            q[i] = q[1];
            iq[i] = iq[1];
            bias[i] = bias[1];
            zthresh[i] = zthresh[1];
        }
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            sharpen[i] = type == 0 ? (FREQ_SHARPENING[i] * q[i]) >> SHARPEN_BITS : 0;
            sum += q[i];
        }
        return (sum + 8) >> 4;
    }
}
