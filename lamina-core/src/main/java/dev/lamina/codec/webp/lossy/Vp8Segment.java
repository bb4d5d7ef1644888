package dev.lamina.codec.webp.lossy;

/**
 * What one of the (up to four) segments codes with: its quantiser index and loop-filter level, the
 * three quantisers that follow, and the rate-distortion multipliers of the mode decision
 * (libwebp's VP8SegmentInfo and SetupMatrices, whose constants are kept so that a quality setting
 * trades rate and distortion as {@code cwebp}'s does).
 */
final class Vp8Segment {
    int quant;
    int filterStrength;
    /** Susceptibility to quantisation from the analysis, -127..127, and complexity 0..255. */
    int alpha;
    int beta;
    final Vp8Matrix y1 = new Vp8Matrix();
    final Vp8Matrix y2 = new Vp8Matrix();
    final Vp8Matrix uv = new Vp8Matrix();
    int lambdaI4;
    int lambdaI16;
    int lambdaUv;
    int lambdaMode;
    int tlambda;
    int minDisto;
    /** Largest DC step seen in flat, blocky 16x16 macroblocks: raises the loop filter to hide it. */
    int maxEdge;

    void setupMatrices(int dqY1Dc, int dqY2Dc, int dqY2Ac, int dqUvDc, int dqUvAc, int tlambdaScale) {
        int[] dc = Vp8EncoderTables.DC_TABLE;
        int[] ac = Vp8EncoderTables.AC_TABLE;
        int qI4 = y1.expand(dc[clip(quant + dqY1Dc, 0, 127)], ac[clip(quant, 0, 127)], 0);
        int qI16 = y2.expand(dc[clip(quant + dqY2Dc, 0, 127)] * 2, Vp8EncoderTables.AC_TABLE2[clip(quant + dqY2Ac, 0, 127)], 1);
        int qUv = uv.expand(dc[clip(quant + dqUvDc, 0, 117)], ac[clip(quant + dqUvAc, 0, 127)], 2);
        lambdaI4 = Math.max(1, (3 * qI4 * qI4) >> 7);
        lambdaI16 = Math.max(1, 3 * qI16 * qI16);
        lambdaUv = Math.max(1, (3 * qUv * qUv) >> 6);
        lambdaMode = Math.max(1, (qI4 * qI4) >> 7);
        tlambda = Math.max(1, (tlambdaScale * qI4) >> 5);
        minDisto = 20 * y1.q[0];
        maxEdge = 0;
    }

    static int clip(int v, int lo, int hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
