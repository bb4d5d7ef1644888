package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * LZ77 parsing by least estimated cost (the higher efforts), after libwebp's "trace backwards":
 * symbol costs come from the statistics of a first, greedy parse; then a shortest path over the
 * pixel positions chooses, for every position, between a literal (or a colour-cache hit) and
 * each length of the backward references found there (the pixel to the left, the pixel above,
 * the longest hash-chain match). Whether a pixel is a cache hit does not depend on the parse
 * (every pixel enters the cache, whatever codes it), so hits are part of the literal's cost.
 */
final class OptimalParse {
    /** Every length up to this is tried for each reference; beyond it only the longest. */
    private static final int ALL_LENGTHS_UP_TO = 48;

    private OptimalParse() {
    }

    static Tokens parse(int[] argb, int width, Tokens first, int cacheBits, int chain) {
        Histograms h = new Histograms(cacheBits);
        for (int i = 0; i < first.count; i++) {
            h.add(first, i);
        }
        double[] green = costs(h.green);
        double[] red = costs(h.red);
        double[] blue = costs(h.blue);
        double[] alpha = costs(h.alpha);
        double[] distance = costs(h.distance);
        int n = argb.length;
        // literal (or cache hit) cost of each pixel; hits are marked by a non-negative key
        float[] literal = new float[n];
        int[] hitKey = new int[n];
        Arrays.fill(hitKey, -1);
        int[] cache = cacheBits > 0 ? new int[1 << cacheBits] : null;
        int shift = 32 - cacheBits;
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            double c = green[(p >>> 8) & 0xff] + red[(p >>> 16) & 0xff] + blue[p & 0xff] + alpha[p >>> 24];
            if (cache != null) {
                int key = (p * Vp8lConstants.CACHE_HASH) >>> shift;
                if (cache[key] == p) {
                    hitKey[i] = key;
                    c = green[Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES + key];
                }
                cache[key] = p;
            }
            literal[i] = (float) c;
        }
        double[] lengthCost = new double[Vp8lConstants.MAX_LENGTH + 1];
        for (int l = 1; l <= Vp8lConstants.MAX_LENGTH; l++) {
            lengthCost[l] = green[Vp8lConstants.LITERALS + Tokens.prefixSymbol(l)] + Tokens.prefixExtraBits(l);
        }
        // doubles: the sums reach tens of millions of bits, where a float cannot add a fraction of a bit
        double[] cost = new double[n + 1];
        Arrays.fill(cost, Double.MAX_VALUE);
        cost[0] = 0;
        int[] fromLength = new int[n + 1];   // 0: literal
        int[] fromDistance = new int[n + 1];
        MatchFinder finder = new MatchFinder(argb, width, chain);
        for (int i = 0; i < n; i++) {
            double c = cost[i];
            double lit = c + literal[i];
            if (lit < cost[i + 1]) {
                cost[i + 1] = lit;
                fromLength[i + 1] = 0;
            }
            finder.find(i);
            for (int k = 0; k < finder.count; k++) {
                int d = finder.distances[k];
                int max = finder.lengths[k];
                int code = Tokens.distanceCode(width, d);
                double base = c + distance[Tokens.prefixSymbol(code)] + Tokens.prefixExtraBits(code);
                int upTo = Math.min(max, ALL_LENGTHS_UP_TO);
                for (int l = 1; l <= upTo; l++) {
                    relax(cost, fromLength, fromDistance, i + l, base + lengthCost[l], l, d);
                }
                if (max > upTo) {
                    relax(cost, fromLength, fromDistance, i + max, base + lengthCost[max], max, d);
                }
            }
            finder.insert(i);
        }
        // Walk back from the end, then emit in order.
        int steps = 0;
        for (int i = n; i > 0; i -= Math.max(1, fromLength[i])) {
            steps++;
        }
        int[] order = new int[steps];
        for (int i = n, k = steps; i > 0; i -= Math.max(1, fromLength[i])) {
            order[--k] = i;
        }
        Tokens out = new Tokens(steps);
        for (int end : order) {
            int len = fromLength[end];
            if (len == 0) {
                int i = end - 1;
                if (hitKey[i] >= 0) {
                    out.add(-1 - hitKey[i], 0);
                } else {
                    out.add(0, argb[i]);
                }
            } else {
                out.add(len, Tokens.distanceCode(width, fromDistance[end]));
            }
        }
        return out;
    }

    private static void relax(double[] cost, int[] fromLength, int[] fromDistance, int at, double c, int length, int distance) {
        if (c < cost[at]) {
            cost[at] = c;
            fromLength[at] = length;
            fromDistance[at] = distance;
        }
    }

    /** -log2 of each symbol's frequency, unseen symbols priced as if seen about once in four. */
    private static double[] costs(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        double denominator = total + 0.25 * counts.length;
        for (int s = 0; s < counts.length; s++) {
            out[s] = -Math.log((counts[s] + 0.25) / denominator) * 1.4426950408889634;
        }
        return out;
    }
}
