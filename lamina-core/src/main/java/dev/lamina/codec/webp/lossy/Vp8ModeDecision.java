package dev.lamina.codec.webp.lossy;

/**
 * Chooses how one macroblock is coded and quantises it: the 16x16 luma mode or sixteen 4x4 modes,
 * and the chroma mode, each by rate-distortion score (libwebp's RD_OPT_BASIC, quant_enc.c):
 * every candidate is predicted, transformed, quantised and reconstructed, and scored as
 * {@code rate * lambda + 256 * (SSE + spectral distortion)}, the rate priced with the frame's
 * current token probabilities. At effort 0-1 only the 16x16 modes are tried for luma.
 *
 * <p>The result (levels in zigzag order, modes, the reconstruction) is left in the fields for the
 * caller, who records the tokens and stores the reconstruction that later macroblocks predict from.
 */
final class Vp8ModeDecision {
    private static final int[] WEIGHT_Y = {38, 32, 20, 9, 32, 28, 17, 7, 20, 17, 10, 4, 9, 7, 4, 2};
    private static final int FLATNESS_LIMIT_I16 = 0;
    private static final int FLATNESS_LIMIT_I4 = 3;
    private static final int FLATNESS_LIMIT_UV = 2;
    private static final int FLATNESS_PENALTY = 140;
    private static final int RD_DISTO_MULT = 256;
    private static final int MAX_I4_HEADER_BITS = 256 * 16 * 16;

    private final Vp8Probas probas;
    private final Vp8EncoderDsp dsp = new Vp8EncoderDsp();
    private final int[] dcScratch = new int[16];
    private final int[] whtScratch = new int[16];
    /** The source's weighted Hadamard energy per 4x4 block, for the spectral distortion. */
    private final int[] srcEnergy = new int[16];
    private final boolean tryI4;

    // the decision
    boolean isI16;
    int modeI16;
    final int[] modesI4 = new int[16];
    int modeUv;
    final int[] yDc = new int[16];
    final int[] yAc = new int[256];
    final int[] uvLevels = new int[128];
    final int[] recY = new int[256];
    final int[] recU = new int[64];
    final int[] recV = new int[64];

    // scratch
    private final int[] pred = new int[256];
    private final int[] predU = new int[64];
    private final int[] predV = new int[64];
    private final int[] tmpRec = new int[256];
    private final int[] tmpRecU = new int[64];
    private final int[] tmpRecV = new int[64];
    private final int[] tmpDc = new int[16];
    private final int[] tmpAc = new int[256];
    private final int[] tmpUv = new int[128];
    private final int[] coeffs = new int[256];
    private final int[] uvCoeffs = new int[128];
    private final int[] i4Rec = new int[256];
    private final int[] i4Levels = new int[256];
    private final int[] edge = new int[13];
    private final int[] blockPred = new int[16];
    private final int[] blockRec = new int[16];
    private final int[] blockBestRec = new int[16];
    private final int[] blockLevels = new int[16];
    private final int[] blockCoeffs = new int[16];
    private final int[] srcBlock = new int[16];
    private final int[] tnz = new int[9];
    private final int[] derr = new int[6];
    private final int[] bestDerr = new int[6];
    private final int[] lnz = new int[9];

    Vp8ModeDecision(Vp8Probas probas, boolean tryI4) {
        this.probas = probas;
        this.tryI4 = tryI4;
    }

    /** Score bookkeeping of a candidate, as libwebp's VP8ModeScore. */
    private static final class Score {
        long d;
        long sd;
        long r;
        long h;
        long score;

        void set(int lambda) {
            score = (r + h) * lambda + RD_DISTO_MULT * (d + sd);
        }
    }

    /**
     * Decides the macroblock in {@code c}, with neighbour contexts {@code topNz}/{@code leftNz}
     * (nine flags each: 4 luma, 2 U, 2 V, 1 WHT), sub-block modes of the neighbours
     * {@code aboveModes}/{@code leftModes} (four each, DC outside the frame).
     */
    void decide(Vp8MacroblockContext c, Vp8Segment seg, int[] topNz, int[] leftNz, int[] aboveModes, int[] leftModes,
                int[] topDerr, int topDerrOff, int[] leftDerr) {
        Score rd = new Score();
        pickIntra16(c, seg, topNz, leftNz, rd);
        isI16 = true;
        if (tryI4) {
            pickIntra4(c, seg, topNz, leftNz, aboveModes, leftModes, rd);
        }
        pickUv(c, seg, topNz, leftNz, topDerr, topDerrOff, leftDerr);
    }

    private void pickIntra16(Vp8MacroblockContext c, Vp8Segment seg, int[] topNz, int[] leftNz, Score rd) {
        boolean flat = isFlatSource16(c.srcY);
        for (int n = 0; n < 16; n++) {
            srcEnergy[n] = dsp.ttransform(c.srcY, (n >> 2) * 64 + (n & 3) * 4, 16, WEIGHT_Y);
        }
        Score cur = new Score();
        long best = Long.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            Vp8EncoderPredict.luma16(c, mode, pred);
            reconstructIntra16(c.srcY, pred, seg, tmpRec, tmpDc, tmpAc);
            cur.d = Vp8EncoderDsp.sse(c.srcY, 0, 16, tmpRec, 0, 16, 16, 16);
            cur.sd = (seg.tlambda * (long) dsp.tdisto16x16(srcEnergy, tmpRec, WEIGHT_Y) + 128) >> 8;
            cur.h = Vp8EncoderTables.FIXED_COST_I16[mode];
            cur.r = costLuma16(tmpDc, tmpAc, topNz, leftNz);
            if (flat) {
                flat = isFlat(tmpAc, 16, FLATNESS_LIMIT_I16);
                if (flat) {
                    cur.d *= 2;
                    cur.sd *= 2;
                }
            }
            cur.set(seg.lambdaI16);
            if (mode == 0 || cur.score < best) {
                best = cur.score;
                modeI16 = mode;
                rd.d = cur.d;
                rd.sd = cur.sd;
                rd.h = cur.h;
                rd.r = cur.r;
                System.arraycopy(tmpRec, 0, recY, 0, 256);
                System.arraycopy(tmpDc, 0, yDc, 0, 16);
                System.arraycopy(tmpAc, 0, yAc, 0, 256);
            }
        }
        rd.set(seg.lambdaMode);
        boolean dcOnly = false;
        boolean anyAc = false;
        for (int i = 0; i < 256; i++) {
            anyAc |= yAc[i] != 0;
        }
        for (int i = 0; i < 16; i++) {
            dcOnly |= yDc[i] != 0;
        }
        if (dcOnly && !anyAc && rd.d > seg.minDisto) {
            // a blocky macroblock (only DCs) with high distortion: remember the step for the loop filter
            int v = Math.max(Math.abs(yDc[1]), Math.max(Math.abs(yDc[2]), Math.abs(yDc[4])));
            seg.maxEdge = Math.max(seg.maxEdge, v);
        }
    }

    /** Forward transforms, WHT, quantisation and reconstruction of a 16x16 prediction; levels zigzag. */
    private void reconstructIntra16(int[] src, int[] p, Vp8Segment seg, int[] rec, int[] dcLevels, int[] acLevels) {
        int[] dc = dcScratch;
        for (int n = 0; n < 16; n++) {
            int off = (n >> 2) * 64 + (n & 3) * 4;
            dsp.fdct(src, off, 16, p, off, 16, coeffs, n * 16);
            dc[n] = coeffs[n * 16];
            coeffs[n * 16] = 0;
        }
        int[] wht = whtScratch;
        dsp.fwht(dc, wht);
        Vp8EncoderDsp.quantize(wht, 0, dcLevels, 0, seg.y2);
        for (int n = 0; n < 16; n++) {
            Vp8EncoderDsp.quantize(coeffs, n * 16, acLevels, n * 16, seg.y1);
        }
        dsp.iwht(wht, dc);
        for (int n = 0; n < 16; n++) {
            coeffs[n * 16] = dc[n];
            int off = (n >> 2) * 64 + (n & 3) * 4;
            dsp.idctAdd(p, off, 16, coeffs, n * 16, rec, off, 16);
        }
    }

    private int costLuma16(int[] dcLevels, int[] acLevels, int[] topNz, int[] leftNz) {
        System.arraycopy(topNz, 0, tnz, 0, 9);
        System.arraycopy(leftNz, 0, lnz, 0, 9);
        int r = probas.residualCost(1, tnz[8] + lnz[8], dcLevels, 0, 0);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int off = (y * 4 + x) * 16;
                r += probas.residualCost(0, tnz[x] + lnz[y], acLevels, off, 1);
                int nz = Vp8Probas.last(acLevels, off) >= 0 ? 1 : 0;
                tnz[x] = nz;
                lnz[y] = nz;
            }
        }
        return r;
    }

    private void pickIntra4(Vp8MacroblockContext c, Vp8Segment seg, int[] topNz, int[] leftNz,
                            int[] aboveModes, int[] leftModes, Score rd) {
        Score best = new Score();
        best.h = 211;   // the cost of signalling i4 rather than i16: bitCost(0, 145)
        best.set(seg.lambdaMode);
        System.arraycopy(topNz, 0, tnz, 0, 9);
        System.arraycopy(leftNz, 0, lnz, 0, 9);
        int[] modes = new int[16];
        int headerBits = 0;
        Score blk = new Score();
        Score cand = new Score();
        for (int i4 = 0; i4 < 16; i4++) {
            int bx = i4 & 3;
            int by = i4 >> 2;
            int off = by * 64 + bx * 4;
            loadEdge(c, bx, by);
            int top = by == 0 ? aboveModes[bx] : modes[i4 - 4];
            int left = bx == 0 ? leftModes[by] : modes[i4 - 1];
            int costBase = (top * 10 + left) * 10;
            int bestMode = -1;
            int ctx = tnz[bx] + lnz[by];
            for (int yy = 0; yy < 4; yy++) {
                System.arraycopy(c.srcY, off + yy * 16, srcBlock, yy * 4, 4);
            }
            for (int mode = 0; mode < 10; mode++) {
                Vp8EncoderPredict.luma4(edge, mode, blockPred);
                dsp.fdct(srcBlock, 0, 4, blockPred, 0, 4, blockCoeffs, 0);
                Vp8EncoderDsp.quantize(blockCoeffs, 0, blockLevels, 0, seg.y1);
                dsp.idctAdd(blockPred, 0, 4, blockCoeffs, 0, blockRec, 0, 4);
                cand.d = Vp8EncoderDsp.sse(srcBlock, 0, 4, blockRec, 0, 4, 4, 4);
                cand.sd = (seg.tlambda * (long) (Math.abs(dsp.ttransform(blockRec, 0, 4, WEIGHT_Y) - srcEnergy[i4]) >> 5) + 128) >> 8;
                cand.h = Vp8EncoderTables.FIXED_COST_I4[costBase + mode];
                cand.r = mode > 0 && isFlat(blockLevels, 1, FLATNESS_LIMIT_I4) ? FLATNESS_PENALTY : 0;
                cand.set(seg.lambdaI4);
                if (bestMode >= 0 && cand.score >= blk.score) {
                    continue;
                }
                cand.r += probas.residualCost(3, ctx, blockLevels, 0, 0);
                cand.set(seg.lambdaI4);
                if (bestMode < 0 || cand.score < blk.score) {
                    blk.d = cand.d;
                    blk.sd = cand.sd;
                    blk.r = cand.r;
                    blk.h = cand.h;
                    blk.score = cand.score;
                    bestMode = mode;
                    System.arraycopy(blockRec, 0, blockBestRec, 0, 16);
                    System.arraycopy(blockLevels, 0, i4Levels, i4 * 16, 16);
                }
            }
            blk.set(seg.lambdaMode);
            best.d += blk.d;
            best.sd += blk.sd;
            best.r += blk.r;
            best.h += blk.h;
            best.score += blk.score;
            if (best.score >= rd.score) {
                return;   // i16 stays
            }
            headerBits += (int) blk.h;
            if (headerBits > MAX_I4_HEADER_BITS) {
                return;
            }
            for (int yy = 0; yy < 4; yy++) {
                System.arraycopy(blockBestRec, yy * 4, i4Rec, off + yy * 16, 4);
            }
            modes[i4] = bestMode;
            int nz = Vp8Probas.last(i4Levels, i4 * 16) >= 0 ? 1 : 0;
            tnz[bx] = nz;
            lnz[by] = nz;
        }
        isI16 = false;
        System.arraycopy(modes, 0, modesI4, 0, 16);
        System.arraycopy(i4Rec, 0, recY, 0, 256);
        System.arraycopy(i4Levels, 0, yAc, 0, 256);
        rd.d = best.d;
        rd.sd = best.sd;
        rd.r = best.r;
        rd.h = best.h;
        rd.score = best.score;
    }

    /** The 13 edge samples of sub-block (bx, by) from the macroblock's edges and the i4 reconstruction so far. */
    private void loadEdge(Vp8MacroblockContext c, int bx, int by) {
        // left column, bottom to top: e[0] = L (row 3) .. e[3] = I (row 0)
        for (int k = 0; k < 4; k++) {
            int row = by * 4 + k;
            edge[3 - k] = bx == 0 ? c.leftY[row] : i4Rec[row * 16 + bx * 4 - 1];
        }
        // corner
        if (by == 0) {
            edge[4] = c.topY[bx * 4];
        } else if (bx == 0) {
            edge[4] = c.leftY[by * 4 - 1];
        } else {
            edge[4] = i4Rec[(by * 4 - 1) * 16 + bx * 4 - 1];
        }
        // above and above-right
        for (int k = 0; k < 4; k++) {
            edge[5 + k] = by == 0 ? c.topY[1 + bx * 4 + k] : i4Rec[(by * 4 - 1) * 16 + bx * 4 + k];
        }
        for (int k = 0; k < 4; k++) {
            int v;
            if (by == 0) {
                v = c.topY[1 + bx * 4 + 4 + k];
            } else if (bx < 3) {
                v = i4Rec[(by * 4 - 1) * 16 + bx * 4 + 4 + k];
            } else {
                v = c.topY[17 + k];
            }
            edge[9 + k] = v;
        }
    }

    private void pickUv(Vp8MacroblockContext c, Vp8Segment seg, int[] topNz, int[] leftNz,
                        int[] topDerr, int topDerrOff, int[] leftDerr) {
        long best = Long.MAX_VALUE;
        Score cur = new Score();
        for (int mode = 0; mode < 4; mode++) {
            Vp8EncoderPredict.chroma8(c, mode, predU, predV);
            reconstructUv(c, seg, predU, predV, tmpRecU, tmpRecV, tmpUv, topDerr, topDerrOff, leftDerr);
            cur.d = Vp8EncoderDsp.sse(c.srcU, 0, 8, tmpRecU, 0, 8, 8, 8) + Vp8EncoderDsp.sse(c.srcV, 0, 8, tmpRecV, 0, 8, 8, 8);
            cur.sd = 0;
            cur.h = Vp8EncoderTables.FIXED_COST_UV[mode];
            cur.r = costUv(tmpUv, topNz, leftNz);
            if (mode > 0 && isFlat(tmpUv, 8, FLATNESS_LIMIT_UV)) {
                cur.r += FLATNESS_PENALTY * 8;
            }
            cur.set(seg.lambdaUv);
            if (mode == 0 || cur.score < best) {
                best = cur.score;
                modeUv = mode;
                System.arraycopy(tmpUv, 0, uvLevels, 0, 128);
                System.arraycopy(tmpRecU, 0, recU, 0, 64);
                System.arraycopy(tmpRecV, 0, recV, 0, 64);
                System.arraycopy(derr, 0, bestDerr, 0, 6);
            }
        }
        if (topDerr != null) {
            // pass the chosen mode's DC errors on to the blocks right and below
            for (int ch = 0; ch < 2; ch++) {
                int e1 = bestDerr[ch * 3];
                int e2 = bestDerr[ch * 3 + 1];
                int e3 = bestDerr[ch * 3 + 2];
                leftDerr[ch * 2] = e1;
                leftDerr[ch * 2 + 1] = (3 * e3) >> 2;
                topDerr[topDerrOff + ch * 2] = e2;
                topDerr[topDerrOff + ch * 2 + 1] = e3 - leftDerr[ch * 2 + 1];
            }
        }
    }

    /**
     * libwebp's DC error diffusion for chroma (below quality 99): each 4x4 block's DC is nudged by
     * the quantisation error of its upper and left neighbours (7/16 and 8/16 of it) before it is
     * quantised, so that flat chroma areas do not band into blocks.
     */
    private void diffuseDc(int[] coeffs, Vp8Matrix m, int[] topDerr, int topOff, int[] leftDerr) {
        for (int ch = 0; ch < 2; ch++) {
            int t0 = topDerr[topOff + ch * 2];
            int t1 = topDerr[topOff + ch * 2 + 1];
            int l0 = leftDerr[ch * 2];
            int l1 = leftDerr[ch * 2 + 1];
            int b = ch * 4 * 16;
            coeffs[b] += (7 * t0 + 8 * l0) >> 3;
            int err0 = quantizeSingle(coeffs, b, m);
            coeffs[b + 16] += (7 * t1 + 8 * err0) >> 3;
            int err1 = quantizeSingle(coeffs, b + 16, m);
            coeffs[b + 32] += (7 * err0 + 8 * l1) >> 3;
            int err2 = quantizeSingle(coeffs, b + 32, m);
            coeffs[b + 48] += (7 * err1 + 8 * err2) >> 3;
            int err3 = quantizeSingle(coeffs, b + 48, m);
            derr[ch * 3] = err1;
            derr[ch * 3 + 1] = err2;
            derr[ch * 3 + 2] = err3;
        }
    }

    /** Quantises one DC in place to its dequantised value; returns half the error. */
    private static int quantizeSingle(int[] v, int at, Vp8Matrix m) {
        int value = v[at];
        boolean sign = value < 0;
        int mag = sign ? -value : value;
        if (mag > m.zthresh[0]) {
            int qv = (int) (((long) mag * m.iq[0] + m.bias[0]) >> Vp8EncoderDsp.QFIX) * m.q[0];
            int err = mag - qv;
            v[at] = sign ? -qv : qv;
            return (sign ? -err : err) >> 1;
        }
        v[at] = 0;
        return (sign ? -mag : mag) >> 1;
    }

    /** Chroma blocks 0-3 are U, 4-7 V, each 2x2 in raster order. */
    private void reconstructUv(Vp8MacroblockContext c, Vp8Segment seg, int[] pu, int[] pv, int[] ru, int[] rv, int[] levels,
                               int[] topDerr, int topDerrOff, int[] leftDerr) {
        for (int n = 0; n < 8; n++) {
            int[] src = n < 4 ? c.srcU : c.srcV;
            int[] p = n < 4 ? pu : pv;
            int b = n & 3;
            int off = (b >> 1) * 32 + (b & 1) * 4;
            dsp.fdct(src, off, 8, p, off, 8, uvCoeffs, n * 16);
        }
        if (topDerr != null) {
            diffuseDc(uvCoeffs, seg.uv, topDerr, topDerrOff, leftDerr);
        }
        for (int n = 0; n < 8; n++) {
            int[] p = n < 4 ? pu : pv;
            int[] r = n < 4 ? ru : rv;
            int b = n & 3;
            int off = (b >> 1) * 32 + (b & 1) * 4;
            Vp8EncoderDsp.quantize(uvCoeffs, n * 16, levels, n * 16, seg.uv);
            dsp.idctAdd(p, off, 8, uvCoeffs, n * 16, r, off, 8);
        }
    }

    private int costUv(int[] levels, int[] topNz, int[] leftNz) {
        System.arraycopy(topNz, 0, tnz, 0, 9);
        System.arraycopy(leftNz, 0, lnz, 0, 9);
        int r = 0;
        for (int ch = 0; ch <= 2; ch += 2) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    int off = (ch * 2 + x + y * 2) * 16;
                    r += probas.residualCost(2, tnz[4 + ch + x] + lnz[4 + ch + y], levels, off, 0);
                    int nz = Vp8Probas.last(levels, off) >= 0 ? 1 : 0;
                    tnz[4 + ch + x] = nz;
                    lnz[4 + ch + y] = nz;
                }
            }
        }
        return r;
    }

    /** Whether the blocks have at most {@code thresh} non-zero AC levels in all. */
    private static boolean isFlat(int[] levels, int blocks, int thresh) {
        int score = 0;
        for (int b = 0; b < blocks; b++) {
            for (int i = 1; i < 16; i++) {
                if (levels[b * 16 + i] != 0 && ++score > thresh) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isFlatSource16(int[] src) {
        int v = src[0];
        for (int i = 1; i < 256; i++) {
            if (src[i] != v) {
                return false;
            }
        }
        return true;
    }
}
