package dev.lamina.codec.webp.lossy;

/**
 * Splits the macroblocks into up to four segments by how much they suffer from quantisation
 * (libwebp's analysis_enc.c): each macroblock's "alpha" is read from the histogram of its
 * prediction residual's DCT coefficients (a spread-out histogram means texture, where coarser
 * steps go unnoticed), and a few rounds of k-means on the alphas place the segments' centres.
 * Segments with busier content are later quantised harder and filtered more.
 */
final class Vp8SegmentAnalysis {
    private static final int MAX_ALPHA = 255;
    private static final int MAX_COEFF_THRESH = 31;
    private static final int MAX_ITERS_K_MEANS = 6;

    /** Per macroblock: its segment; and over the frame the mean luma-mix and chroma alphas. */
    final int[] segmentOf;
    int meanAlpha;
    int meanUvAlpha;

    private Vp8SegmentAnalysis(int mbs) {
        segmentOf = new int[mbs];
    }

    static Vp8SegmentAnalysis run(Vp8YuvConverter yuv, int mbW, int mbH, Vp8Segment[] segments, int numSegments) {
        Vp8SegmentAnalysis a = new Vp8SegmentAnalysis(mbW * mbH);
        int[] alphas = new int[MAX_ALPHA + 1];
        int[] mbAlpha = new int[mbW * mbH];
        Vp8MacroblockContext ctx = new Vp8MacroblockContext();
        Vp8EncoderDsp dsp = new Vp8EncoderDsp();
        long alphaSum = 0;
        long uvAlphaSum = 0;
        int[] pred = new int[256];
        int[] predU = new int[64];
        int[] predV = new int[64];
        for (int my = 0; my < mbH; my++) {
            for (int mx = 0; mx < mbW; mx++) {
                ctx.load(yuv, yuv.y, yuv.u, yuv.v, mx, my, mbW);
                int best = -1;
                for (int mode = 0; mode < 2; mode++) {   // DC and TM, as libwebp's analysis
                    Vp8EncoderPredict.luma16(ctx, mode, pred);
                    best = Math.max(best, alpha(dsp, ctx.srcY, pred, 16, 16));
                }
                int bestUv = -1;
                for (int mode = 0; mode < 2; mode++) {
                    Vp8EncoderPredict.chroma8(ctx, mode, predU, predV);
                    bestUv = Math.max(bestUv, alphaUv(dsp, ctx.srcU, ctx.srcV, predU, predV));
                }
                int mixed = (3 * best + bestUv + 2) >> 2;
                mixed = Vp8Segment.clip(MAX_ALPHA - mixed, 0, MAX_ALPHA);
                alphas[mixed]++;
                mbAlpha[my * mbW + mx] = mixed;
                alphaSum += mixed;
                uvAlphaSum += bestUv;
            }
        }
        int total = mbW * mbH;
        a.meanAlpha = (int) (alphaSum / total);
        a.meanUvAlpha = (int) (uvAlphaSum / total);
        a.assign(alphas, mbAlpha, segments, numSegments);
        return a;
    }

    private static int alpha(Vp8EncoderDsp dsp, int[] src, int[] pred, int stride, int size) {
        int[] dist = new int[MAX_COEFF_THRESH + 1];
        int[] out = new int[16];
        for (int by = 0; by < size; by += 4) {
            for (int bx = 0; bx < size; bx += 4) {
                dsp.fdct(src, by * stride + bx, stride, pred, by * stride + bx, stride, out, 0);
                for (int k = 0; k < 16; k++) {
                    dist[Math.min(Math.abs(out[k]) >> 3, MAX_COEFF_THRESH)]++;
                }
            }
        }
        return histogramAlpha(dist);
    }

    private static int alphaUv(Vp8EncoderDsp dsp, int[] srcU, int[] srcV, int[] predU, int[] predV) {
        int[] dist = new int[MAX_COEFF_THRESH + 1];
        int[] out = new int[16];
        for (int c = 0; c < 2; c++) {
            int[] src = c == 0 ? srcU : srcV;
            int[] pred = c == 0 ? predU : predV;
            for (int by = 0; by < 8; by += 4) {
                for (int bx = 0; bx < 8; bx += 4) {
                    dsp.fdct(src, by * 8 + bx, 8, pred, by * 8 + bx, 8, out, 0);
                    for (int k = 0; k < 16; k++) {
                        dist[Math.min(Math.abs(out[k]) >> 3, MAX_COEFF_THRESH)]++;
                    }
                }
            }
        }
        return histogramAlpha(dist);
    }

    private static int histogramAlpha(int[] dist) {
        int maxValue = 0;
        int lastNonZero = 1;
        for (int k = 0; k <= MAX_COEFF_THRESH; k++) {
            if (dist[k] > 0) {
                maxValue = Math.max(maxValue, dist[k]);
                lastNonZero = k;
            }
        }
        return maxValue > 1 ? 2 * MAX_ALPHA * lastNonZero / maxValue : 0;
    }

    private void assign(int[] alphas, int[] mbAlpha, Vp8Segment[] segments, int nb) {
        int[] centers = new int[nb];
        int[] map = new int[MAX_ALPHA + 1];
        int minA = 0;
        while (minA <= MAX_ALPHA && alphas[minA] == 0) {
            minA++;
        }
        int maxA = MAX_ALPHA;
        while (maxA > minA && alphas[maxA] == 0) {
            maxA--;
        }
        int rangeA = maxA - minA;
        for (int k = 0, n = 1; k < nb; k++, n += 2) {
            centers[k] = minA + (n * rangeA) / (2 * nb);
        }
        int weightedAverage = 0;
        int[] accum = new int[nb];
        int[] distAccum = new int[nb];
        for (int k = 0; k < MAX_ITERS_K_MEANS; k++) {
            java.util.Arrays.fill(accum, 0);
            java.util.Arrays.fill(distAccum, 0);
            int n = 0;
            for (int a = minA; a <= maxA; a++) {
                if (alphas[a] != 0) {
                    while (n + 1 < nb && Math.abs(a - centers[n + 1]) < Math.abs(a - centers[n])) {
                        n++;
                    }
                    map[a] = n;
                    distAccum[n] += a * alphas[a];
                    accum[n] += alphas[a];
                }
            }
            int displaced = 0;
            weightedAverage = 0;
            int totalWeight = 0;
            for (n = 0; n < nb; n++) {
                if (accum[n] != 0) {
                    int newCenter = (distAccum[n] + accum[n] / 2) / accum[n];
                    displaced += Math.abs(centers[n] - newCenter);
                    centers[n] = newCenter;
                    weightedAverage += newCenter * accum[n];
                    totalWeight += accum[n];
                }
            }
            weightedAverage = (weightedAverage + totalWeight / 2) / totalWeight;
            if (displaced < 5) {
                break;
            }
        }
        for (int i = 0; i < mbAlpha.length; i++) {
            segmentOf[i] = map[mbAlpha[i]];
        }
        int min = centers[0];
        int max = centers[0];
        if (nb > 1) {
            for (int c : centers) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        if (max == min) {
            max = min + 1;
        }
        for (int n = 0; n < nb; n++) {
            segments[n].alpha = Vp8Segment.clip(255 * (centers[n] - weightedAverage) / (max - min), -127, 127);
            segments[n].beta = Vp8Segment.clip(255 * (centers[n] - min) / (max - min), 0, 255);
        }
    }
}
