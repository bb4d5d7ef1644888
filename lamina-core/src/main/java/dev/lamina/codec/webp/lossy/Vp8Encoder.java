package dev.lamina.codec.webp.lossy;

import dev.lamina.model.LaminaException;

/**
 * Lamina's VP8 (lossy WebP) encoder: ARGB pixels to a {@code VP8 } chunk payload, a key frame of
 * RFC 6386 with one token partition. Alpha is not coded here (the container puts it in ALPH).
 *
 * <p>The pipeline follows libwebp's encoder (src/enc), whose constants it keeps so that a quality
 * setting means what it means to {@code cwebp -q}: RGB to 4:2:0 Y'CbCr as libwebp imports it; an
 * analysis that sorts macroblocks into four segments by texture; per-segment quantisers from the
 * quality through libwebp's curve, modulated by the segment's texture ("spatial noise shaping",
 * strength 50 as cwebp's default); a rate-distortion choice of modes per macroblock with rates from
 * token probabilities that are re-estimated from the frame's own statistics eight times as it goes;
 * and the final probabilities sent as updates where they pay. The loop filter level of each segment
 * comes from its quantiser (cwebp's default strength 60), raised where flat blocks show steps.
 *
 * <p>Effort (0-6, cwebp's {@code -m}): 0-1 choose among the 16x16 luma modes only; 2 and up also
 * try the 4x4 modes; 4 and up add the spectral-distortion term to the score, as libwebp does.
 *
 * <p>Memory: the planes, their reconstruction, and the quantised levels of every macroblock until
 * the probabilities are final: about 8 bytes per pixel. Single-threaded and deterministic.
 */
public final class Vp8Encoder {
    private static final int NUM_SEGMENTS = 4;
    private static final int SNS_STRENGTH = 50;
    private static final int FILTER_STRENGTH = 60;
    private static final int LEVELS_PER_MB = 16 + 256 + 128;
    /** The largest width or height of a VP8 frame (14 bits). */
    public static final int MAX_DIMENSION = 16383;

    private final int width;
    private final int height;
    private final int mbW;
    private final int mbH;
    private final int effort;
    private final Vp8Segment[] segments = new Vp8Segment[NUM_SEGMENTS];
    private int numSegments = NUM_SEGMENTS;
    private int[] segmentOf;
    private final int[] segmentProbas = {255, 255, 255};
    private boolean updateMap;
    private int dqUvAc;
    private int dqUvDc;
    private int filterLevel;

    private Vp8Encoder(int width, int height, int effort) {
        this.width = width;
        this.height = height;
        this.mbW = (width + 15) >> 4;
        this.mbH = (height + 15) >> 4;
        this.effort = effort;
        for (int i = 0; i < NUM_SEGMENTS; i++) {
            segments[i] = new Vp8Segment();
        }
    }

    /**
     * Encodes {@code argb} ({@code width x height}, row by row; alpha ignored) at {@code quality}
     * 0-100 and {@code effort} 0-6; returns the {@code VP8 } chunk payload.
     */
    public static byte[] encode(int[] argb, int width, int height, int quality, int effort) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, "lossy WebP holds at most "
                    + MAX_DIMENSION + "x" + MAX_DIMENSION + " pixels, not " + width + "x" + height);
        }
        if (quality < 0 || quality > 100) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "WebP quality must be 0 to 100, not " + quality);
        }
        if (effort < 0 || effort > 6) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "lossy WebP effort must be 0 to 6, not " + effort);
        }
        return new Vp8Encoder(width, height, effort).run(argb, quality);
    }

    private byte[] run(int[] argb, int quality) {
        Vp8YuvConverter yuv = Vp8YuvConverter.convert(argb, width, height);
        Vp8SegmentAnalysis analysis = Vp8SegmentAnalysis.run(yuv, mbW, mbH, segments, numSegments);
        segmentOf = analysis.segmentOf;
        setSegmentParams(quality, analysis);
        setSegmentProbas();

        Vp8Probas probas = new Vp8Probas();
        short[] levels = new short[mbW * mbH * LEVELS_PER_MB];
        boolean[] isI16 = new boolean[mbW * mbH];
        int[] uvModes = new int[mbW * mbH];
        int predsW = mbW * 4;
        int[] preds = new int[predsW * mbH * 4];
        int[] ry = new int[yuv.y.length];
        int[] ru = new int[yuv.u.length];
        int[] rv = new int[yuv.v.length];

        Vp8ModeDecision decision = new Vp8ModeDecision(probas, effort >= 2);
        Vp8MacroblockContext ctx = new Vp8MacroblockContext();
        int[] topNz = new int[mbW * 9];
        int[] leftNz = new int[9];
        int[] tnz = new int[9];
        int[] aboveModes = new int[4];
        int[] leftModes = new int[4];
        int[] levelBuf = new int[16];
        // chroma DC error diffusion, as libwebp below quality 99: [column][u0, u1, v0, v1]
        int[] topDerr = quality <= 98 ? new int[mbW * 4] : null;
        int[] leftDerr = new int[4];
        int refreshEvery = Math.max((mbW * mbH) >> 3, 96);
        int count = refreshEvery;
        for (int my = 0; my < mbH; my++) {
            java.util.Arrays.fill(leftNz, 0);
            java.util.Arrays.fill(leftDerr, 0);
            for (int mx = 0; mx < mbW; mx++) {
                int mb = my * mbW + mx;
                if (--count < 0) {
                    probas.finalizeProbas();
                    count = refreshEvery;
                }
                ctx.load(yuv, ry, ru, rv, mx, my, mbW);
                for (int k = 0; k < 4; k++) {
                    aboveModes[k] = my > 0 ? preds[(my * 4 - 1) * predsW + mx * 4 + k] : 0;
                    leftModes[k] = mx > 0 ? preds[(my * 4 + k) * predsW + mx * 4 - 1] : 0;
                }
                System.arraycopy(topNz, mx * 9, tnz, 0, 9);
                Vp8Segment seg = segments[segmentOf[mb]];
                decision.decide(ctx, seg, tnz, leftNz, aboveModes, leftModes, topDerr, mx * 4, leftDerr);

                isI16[mb] = decision.isI16;
                uvModes[mb] = decision.modeUv;
                for (int k = 0; k < 16; k++) {
                    preds[(my * 4 + (k >> 2)) * predsW + mx * 4 + (k & 3)] = decision.isI16 ? decision.modeI16 : decision.modesI4[k];
                }
                int base = mb * LEVELS_PER_MB;
                store(levels, base, decision.yDc, 16);
                store(levels, base + 16, decision.yAc, 256);
                store(levels, base + 272, decision.uvLevels, 128);
                recordTokens(probas, decision.isI16, decision.yDc, decision.yAc, decision.uvLevels, tnz, leftNz, levelBuf);
                System.arraycopy(tnz, 0, topNz, mx * 9, 9);
                storeReconstruction(decision, yuv, ry, ru, rv, mx, my);
            }
        }
        probas.finalizeProbas();
        adjustFilterStrength();

        Vp8BoolWriter tokens = new Vp8BoolWriter(mbW * mbH * 64);
        java.util.Arrays.fill(topNz, 0);
        int[] dc = new int[16];
        int[] ac = new int[256];
        int[] uv = new int[128];
        for (int my = 0; my < mbH; my++) {
            java.util.Arrays.fill(leftNz, 0);
            for (int mx = 0; mx < mbW; mx++) {
                int mb = my * mbW + mx;
                int base = mb * LEVELS_PER_MB;
                load(levels, base, dc, 16);
                load(levels, base + 16, ac, 256);
                load(levels, base + 272, uv, 128);
                System.arraycopy(topNz, mx * 9, tnz, 0, 9);
                writeTokens(tokens, probas, isI16[mb], dc, ac, uv, tnz, leftNz);
                System.arraycopy(tnz, 0, topNz, mx * 9, 9);
            }
        }
        byte[] part1 = tokens.finish();
        byte[] part0 = partition0(probas, isI16, preds, uvModes);
        return frame(part0, part1);
    }

    private static void store(short[] dst, int off, int[] src, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i] = (short) src[i];
        }
    }

    private static void load(short[] src, int off, int[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[off + i];
        }
    }

    /** Counts the macroblock's tokens into the statistics and updates the non-zero contexts. */
    private static void recordTokens(Vp8Probas probas, boolean i16, int[] dc, int[] ac, int[] uv, int[] tnz, int[] lnz, int[] buf) {
        int type;
        int first;
        if (i16) {
            boolean nz = probas.record(1, tnz[8] + lnz[8], dc, 0, 0);
            tnz[8] = lnz[8] = nz ? 1 : 0;
            type = 0;
            first = 1;
        } else {
            type = 3;
            first = 0;
        }
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                boolean nz = probas.record(type, tnz[x] + lnz[y], ac, (y * 4 + x) * 16, first);
                tnz[x] = lnz[y] = nz ? 1 : 0;
            }
        }
        for (int ch = 0; ch <= 2; ch += 2) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    boolean nz = probas.record(2, tnz[4 + ch + x] + lnz[4 + ch + y], uv, (ch * 2 + x + y * 2) * 16, 0);
                    tnz[4 + ch + x] = lnz[4 + ch + y] = nz ? 1 : 0;
                }
            }
        }
    }

    private static void writeTokens(Vp8BoolWriter bw, Vp8Probas probas, boolean i16, int[] dc, int[] ac, int[] uv, int[] tnz, int[] lnz) {
        int type;
        int first;
        if (i16) {
            boolean nz = probas.write(bw, 1, tnz[8] + lnz[8], dc, 0, 0);
            tnz[8] = lnz[8] = nz ? 1 : 0;
            type = 0;
            first = 1;
        } else {
            type = 3;
            first = 0;
        }
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                boolean nz = probas.write(bw, type, tnz[x] + lnz[y], ac, (y * 4 + x) * 16, first);
                tnz[x] = lnz[y] = nz ? 1 : 0;
            }
        }
        for (int ch = 0; ch <= 2; ch += 2) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    boolean nz = probas.write(bw, 2, tnz[4 + ch + x] + lnz[4 + ch + y], uv, (ch * 2 + x + y * 2) * 16, 0);
                    tnz[4 + ch + x] = lnz[4 + ch + y] = nz ? 1 : 0;
                }
            }
        }
    }

    private static void storeReconstruction(Vp8ModeDecision d, Vp8YuvConverter yuv, int[] ry, int[] ru, int[] rv, int mx, int my) {
        int y0 = my * 16 * yuv.yStride + mx * 16;
        for (int j = 0; j < 16; j++) {
            System.arraycopy(d.recY, j * 16, ry, y0 + j * yuv.yStride, 16);
        }
        int c0 = my * 8 * yuv.uvStride + mx * 8;
        for (int j = 0; j < 8; j++) {
            System.arraycopy(d.recU, j * 8, ru, c0 + j * yuv.uvStride, 8);
            System.arraycopy(d.recV, j * 8, rv, c0 + j * yuv.uvStride, 8);
        }
    }

    // ---- quantisers, segments and loop filter (libwebp quant_enc.c, filter_enc.c) ----

    /** libwebp's quality curve: linear pieces that put "good" at 75, then a cube root (size ~ step^3). */
    private static double qualityToCompression(double c) {
        double linear = c < 0.75 ? c * (2. / 3.) : 2. * c - 1.;
        return Math.pow(linear, 1 / 3.);
    }

    private void setSegmentParams(int quality, Vp8SegmentAnalysis analysis) {
        double amp = 0.9 * SNS_STRENGTH / 100. / 128.;
        double cBase = qualityToCompression(quality / 100.);
        for (int i = 0; i < numSegments; i++) {
            double expn = 1. - amp * segments[i].alpha;
            double c = Math.pow(cBase, expn);
            segments[i].quant = Vp8Segment.clip((int) (127. * (1. - c)), 0, 127);
        }
        int dqAc = (analysis.meanUvAlpha - 64) * (6 - (-4)) / (100 - 30);
        dqAc = dqAc * SNS_STRENGTH / 100;
        dqUvAc = Vp8Segment.clip(dqAc, -4, 6);
        dqUvDc = Vp8Segment.clip(-4 * SNS_STRENGTH / 100, -15, 15);

        int level0 = 5 * FILTER_STRENGTH;
        for (int i = 0; i < numSegments; i++) {
            Vp8Segment m = segments[i];
            int qstep = Vp8EncoderTables.AC_TABLE[Vp8Segment.clip(m.quant, 0, 127)] >> 2;
            int baseStrength = Vp8EncoderTables.LEVELS_FROM_DELTA[Math.min(qstep, 63)];
            int f = baseStrength * level0 / (256 + m.beta);
            m.filterStrength = f < 2 ? 0 : Math.min(f, 63);
        }
        simplifySegments();
        int tlambdaScale = effort >= 4 ? SNS_STRENGTH : 0;
        for (int i = 0; i < numSegments; i++) {
            segments[i].setupMatrices(0, 0, 0, dqUvDc, dqUvAc, tlambdaScale);
        }
    }

    /** Merges segments that ended up with the same quantiser and filter level. */
    private void simplifySegments() {
        int[] map = {0, 1, 2, 3};
        int finalCount = 1;
        for (int s1 = 1; s1 < numSegments; s1++) {
            int s2;
            boolean found = false;
            for (s2 = 0; s2 < finalCount; s2++) {
                if (segments[s1].quant == segments[s2].quant && segments[s1].filterStrength == segments[s2].filterStrength) {
                    found = true;
                    break;
                }
            }
            map[s1] = s2;
            if (!found) {
                if (finalCount != s1) {
                    Vp8Segment t = segments[finalCount];
                    segments[finalCount] = segments[s1];
                    segments[s1] = t;
                }
                finalCount++;
            }
        }
        if (finalCount < numSegments) {
            for (int i = 0; i < segmentOf.length; i++) {
                segmentOf[i] = map[segmentOf[i]];
            }
            numSegments = finalCount;
        }
    }

    private void setSegmentProbas() {
        int[] p = new int[NUM_SEGMENTS];
        for (int s : segmentOf) {
            p[s]++;
        }
        if (numSegments > 1) {
            segmentProbas[0] = proba(p[0] + p[1], p[2] + p[3]);
            segmentProbas[1] = proba(p[0], p[1]);
            segmentProbas[2] = proba(p[2], p[3]);
            updateMap = segmentProbas[0] != 255 || segmentProbas[1] != 255 || segmentProbas[2] != 255;
            if (!updateMap) {
                java.util.Arrays.fill(segmentOf, 0);
            }
        } else {
            updateMap = false;
        }
    }

    private static int proba(int a, int b) {
        int total = a + b;
        return total == 0 ? 255 : (255 * a + total / 2) / total;
    }

    /** Raises each segment's filter level to smooth the steps of its blocky macroblocks; the frame level is the highest. */
    private void adjustFilterStrength() {
        int max = 0;
        for (int s = 0; s < numSegments; s++) {
            Vp8Segment m = segments[s];
            int delta = (m.maxEdge * m.y2.q[1]) >> 3;
            int level = Vp8EncoderTables.LEVELS_FROM_DELTA[Math.min(delta, 63)];
            m.filterStrength = Math.max(m.filterStrength, level);
            max = Math.max(max, m.filterStrength);
        }
        filterLevel = max;
    }

    // ---- the bitstream (RFC 6386 sections 9 and 19.2) ----

    private byte[] partition0(Vp8Probas probas, boolean[] isI16, int[] preds, int[] uvModes) {
        Vp8BoolWriter bw = new Vp8BoolWriter(mbW * mbH);
        bw.putUniform(false);   // colour space
        bw.putUniform(false);   // clamping required
        if (bw.putUniform(numSegments > 1)) {
            bw.putUniform(updateMap);
            bw.putUniform(true);    // update segment feature data
            bw.putUniform(true);    // absolute values
            for (int s = 0; s < NUM_SEGMENTS; s++) {
                bw.putSignedBits(segments[Math.min(s, numSegments - 1)].quant, 7);
            }
            for (int s = 0; s < NUM_SEGMENTS; s++) {
                bw.putSignedBits(segments[Math.min(s, numSegments - 1)].filterStrength, 6);
            }
            if (updateMap) {
                for (int s = 0; s < 3; s++) {
                    if (bw.putUniform(segmentProbas[s] != 255)) {
                        bw.putBits(segmentProbas[s], 8);
                    }
                }
            }
        }
        bw.putUniform(false);       // normal (not simple) loop filter
        bw.putBits(filterLevel, 6);
        bw.putBits(0, 3);           // sharpness
        bw.putUniform(false);       // no loop-filter deltas
        bw.putBits(0, 2);           // one token partition
        bw.putBits(segments[0].quant, 7);
        bw.putSignedBits(0, 4);     // y1 dc delta
        bw.putSignedBits(0, 4);     // y2 dc delta
        bw.putSignedBits(0, 4);     // y2 ac delta
        bw.putSignedBits(dqUvDc, 4);
        bw.putSignedBits(dqUvAc, 4);
        bw.putUniform(false);       // refresh entropy probs: irrelevant for a single key frame
        probas.writeUpdates(bw);
        bw.putUniform(false);       // no skip flags: every macroblock codes its tokens
        int predsW = mbW * 4;
        for (int my = 0; my < mbH; my++) {
            for (int mx = 0; mx < mbW; mx++) {
                int mb = my * mbW + mx;
                if (updateMap) {
                    int s = segmentOf[mb];
                    if (bw.put(s >= 2, segmentProbas[0])) {
                        bw.put(s & 1, segmentProbas[2]);
                    } else {
                        bw.put(s & 1, segmentProbas[1]);
                    }
                }
                if (bw.put(isI16[mb], 145)) {
                    int mode = preds[my * 4 * predsW + mx * 4];
                    if (bw.put(mode == 1 || mode == 3, 156)) {
                        bw.put(mode == 1, 128);
                    } else {
                        bw.put(mode == 2, 163);
                    }
                } else {
                    for (int y = 0; y < 4; y++) {
                        int row = my * 4 + y;
                        int left = mx > 0 ? preds[row * predsW + mx * 4 - 1] : 0;
                        for (int x = 0; x < 4; x++) {
                            int top = row > 0 ? preds[(row - 1) * predsW + mx * 4 + x] : 0;
                            int mode = preds[row * predsW + mx * 4 + x];
                            putI4Mode(bw, mode, (top * 10 + left) * 9);
                            left = mode;
                        }
                    }
                }
                int uvMode = uvModes[mb];
                if (bw.put(uvMode != 0, 142)) {
                    if (bw.put(uvMode != 2, 114)) {
                        bw.put(uvMode != 3, 183);
                    }
                }
            }
        }
        return bw.finish();
    }

    /** The sub-block mode tree of RFC 6386 section 11.2, in libwebp's mode numbering. */
    private static void putI4Mode(Vp8BoolWriter bw, int mode, int p) {
        int[] prob = Vp8EncoderTables.BMODE_PROBA;
        if (bw.put(mode != 0, prob[p])) {
            if (bw.put(mode != 1, prob[p + 1])) {
                if (bw.put(mode != 2, prob[p + 2])) {
                    if (!bw.put(mode >= 6, prob[p + 3])) {
                        if (bw.put(mode != 3, prob[p + 4])) {
                            bw.put(mode != 4, prob[p + 5]);
                        }
                    } else if (bw.put(mode != 6, prob[p + 6])) {
                        if (bw.put(mode != 7, prob[p + 7])) {
                            bw.put(mode != 8, prob[p + 8]);
                        }
                    }
                }
            }
        }
    }

    private byte[] frame(byte[] part0, byte[] part1) {
        if (part0.length >= 1 << 19) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, "lossy WebP: the " + width + "x" + height
                    + " image's mode partition is over VP8's 512 KiB limit; use lossless or a smaller image");
        }
        byte[] out = new byte[10 + part0.length + part1.length];
        int bits = (1 << 4) | (part0.length << 5);   // key frame, profile 0, shown
        out[0] = (byte) bits;
        out[1] = (byte) (bits >> 8);
        out[2] = (byte) (bits >> 16);
        out[3] = (byte) 0x9d;
        out[4] = 0x01;
        out[5] = 0x2a;
        out[6] = (byte) width;
        out[7] = (byte) (width >> 8);
        out[8] = (byte) height;
        out[9] = (byte) (height >> 8);
        System.arraycopy(part0, 0, out, 10, part0.length);
        System.arraycopy(part1, 0, out, 10 + part0.length, part1.length);
        return out;
    }
}
