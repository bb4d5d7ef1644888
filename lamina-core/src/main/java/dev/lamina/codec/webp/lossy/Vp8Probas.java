package dev.lamina.codec.webp.lossy;

import static dev.lamina.codec.webp.lossy.Vp8EncoderTables.BANDS;
import static dev.lamina.codec.webp.lossy.Vp8EncoderTables.COEFF_PROBA0;
import static dev.lamina.codec.webp.lossy.Vp8EncoderTables.COEFF_UPDATE_PROBA;
import static dev.lamina.codec.webp.lossy.Vp8EncoderTables.LEVEL_CODES;
import static dev.lamina.codec.webp.lossy.Vp8EncoderTables.LEVEL_FIXED_COST;
import static dev.lamina.codec.webp.lossy.Vp8EncoderTables.bitCost;

/**
 * The token probabilities of a frame, adapted to it: how often each branch of the coefficient
 * tree was taken ({@link #record}), the probabilities that follow and whether each is worth its
 * update flag and eight bits in the header ({@link #finalizeProbas}, as libwebp's
 * FinalizeTokenProbas), the cost tables the mode decision prices coefficients with, and the
 * writing of the coefficients and of the updates.
 *
 * <p>Coefficient types: 0 luma AC after a WHT (i16), 1 the WHT's DCs, 2 chroma, 3 luma with DC (i4).
 */
final class Vp8Probas {
    static final int MAX_VARIABLE_LEVEL = 67;
    private static final int NODES = 11;

    final int[] coeffs = COEFF_PROBA0.clone();
    private final int[] ones = new int[COEFF_PROBA0.length];
    private final int[] totals = new int[COEFF_PROBA0.length];
    /** Cost of a level at [type][band][ctx][level 0..67], probability-dependent part. */
    private final int[] levelCost = new int[4 * 8 * 3 * (MAX_VARIABLE_LEVEL + 1)];

    Vp8Probas() {
        computeLevelCosts();
    }

    private static int index(int type, int band, int ctx) {
        return ((type * 8 + band) * 3 + ctx) * NODES;
    }

    private static int costIndex(int type, int band, int ctx) {
        return ((type * 8 + band) * 3 + ctx) * (MAX_VARIABLE_LEVEL + 1);
    }

    private void stat(int i, boolean bit) {
        totals[i]++;
        if (bit) {
            ones[i]++;
        }
    }

    /**
     * Counts the branches that coding {@code levels[off + first..off + 15]} (zigzag order) takes;
     * returns whether the block has a non-zero level (its context for the neighbours).
     */
    boolean record(int type, int ctx, int[] levels, int off, int first) {
        int last = last(levels, off);
        int n = first;
        int s = index(type, n, ctx);
        if (last < 0) {
            stat(s, false);
            return false;
        }
        while (n <= last) {
            stat(s, true);
            int v;
            while ((v = levels[off + n++]) == 0) {
                stat(s + 1, false);
                s = index(type, BANDS[n], 0);
            }
            stat(s + 1, true);
            v = Math.abs(v);
            stat(s + 2, v > 1);
            if (v <= 1) {
                s = index(type, BANDS[n], 1);
            } else {
                v = Math.min(v, MAX_VARIABLE_LEVEL);
                int bits = LEVEL_CODES[(v - 1) * 2 + 1];
                int pattern = LEVEL_CODES[(v - 1) * 2];
                for (int i = 0; (pattern >>= 1) != 0; i++) {
                    if ((pattern & 1) != 0) {
                        stat(s + 3 + i, (bits & (2 << i)) != 0);
                    }
                }
                s = index(type, BANDS[n], 2);
            }
        }
        if (n < 16) {
            stat(s, false);
        }
        return true;
    }

    static int last(int[] levels, int off) {
        for (int n = 15; n >= 0; n--) {
            if (levels[off + n] != 0) {
                return n;
            }
        }
        return -1;
    }

    /**
     * Sets each probability to the one the counts so far call for where that saves more than the
     * update costs, else to the default (libwebp's rule), and refreshes the cost tables.
     */
    void finalizeProbas() {
        for (int i = 0; i < coeffs.length; i++) {
            int nb = ones[i];
            int total = totals[i];
            int updateProba = COEFF_UPDATE_PROBA[i];
            int oldP = COEFF_PROBA0[i];
            int newP = nb != 0 ? 255 - (int) ((long) nb * 255 / total) : 255;
            long oldCost = branchCost(nb, total, oldP) + bitCost(0, updateProba);
            long newCost = branchCost(nb, total, newP) + bitCost(1, updateProba) + 8 * 256;
            coeffs[i] = oldCost > newCost ? newP : oldP;
        }
        computeLevelCosts();
    }

    private static long branchCost(int nb, int total, int proba) {
        return (long) nb * bitCost(1, proba) + (long) (total - nb) * bitCost(0, proba);
    }

    private void computeLevelCosts() {
        for (int type = 0; type < 4; type++) {
            for (int band = 0; band < 8; band++) {
                for (int ctx = 0; ctx < 3; ctx++) {
                    int p = index(type, band, ctx);
                    int t = costIndex(type, band, ctx);
                    int cost0 = ctx > 0 ? bitCost(1, coeffs[p]) : 0;
                    int costBase = bitCost(1, coeffs[p + 1]) + cost0;
                    levelCost[t] = bitCost(0, coeffs[p + 1]) + cost0;
                    for (int v = 1; v <= MAX_VARIABLE_LEVEL; v++) {
                        levelCost[t + v] = costBase + variableLevelCost(v, p);
                    }
                }
            }
        }
    }

    private int variableLevelCost(int level, int p) {
        int pattern = LEVEL_CODES[(level - 1) * 2];
        int bits = LEVEL_CODES[(level - 1) * 2 + 1];
        int cost = 0;
        for (int i = 2; pattern != 0; i++) {
            if ((pattern & 1) != 0) {
                cost += bitCost(bits & 1, coeffs[p + i]);
            }
            bits >>= 1;
            pattern >>= 1;
        }
        return cost;
    }

    private int levelCost(int type, int n, int ctx, int level) {
        return LEVEL_FIXED_COST[level] + levelCost[costIndex(type, BANDS[n], ctx) + Math.min(level, MAX_VARIABLE_LEVEL)];
    }

    /** Estimated bits (in 1/256) of coding the block with the current probabilities. */
    int residualCost(int type, int ctx0, int[] levels, int off, int first) {
        int last = last(levels, off);
        int n = first;
        int p0 = coeffs[index(type, n, ctx0)];
        if (last < 0) {
            return bitCost(0, p0);
        }
        int cost = ctx0 == 0 ? bitCost(1, p0) : 0;
        int ctx = ctx0;
        for (; n < last; n++) {
            int v = Math.abs(levels[off + n]);
            cost += levelCost(type, n, ctx, v);
            ctx = v >= 2 ? 2 : v;
        }
        int v = Math.abs(levels[off + n]);
        cost += levelCost(type, n, ctx, v);
        if (n < 15) {
            cost += bitCost(0, coeffs[index(type, BANDS[n + 1], v == 1 ? 1 : 2)]);
        }
        return cost;
    }

    /** Writes the probability updates of the frame header (RFC 6386 section 13.4). */
    void writeUpdates(Vp8BoolWriter bw) {
        for (int i = 0; i < coeffs.length; i++) {
            boolean update = coeffs[i] != COEFF_PROBA0[i];
            if (bw.put(update, COEFF_UPDATE_PROBA[i])) {
                bw.putBits(coeffs[i], 8);
            }
        }
    }

    /** Codes one block's levels (RFC 6386 section 13); returns whether it had a non-zero level. */
    boolean write(Vp8BoolWriter bw, int type, int ctx, int[] levels, int off, int first) {
        int last = last(levels, off);
        int n = first;
        int p = index(type, n, ctx);
        if (!bw.put(last >= 0, coeffs[p])) {
            return false;
        }
        while (n < 16) {
            int c = levels[off + n++];
            boolean sign = c < 0;
            int v = sign ? -c : c;
            if (!bw.put(v != 0, coeffs[p + 1])) {
                p = index(type, BANDS[n], 0);
                continue;
            }
            if (!bw.put(v > 1, coeffs[p + 2])) {
                p = index(type, BANDS[n], 1);
            } else {
                if (!bw.put(v > 4, coeffs[p + 3])) {
                    if (bw.put(v != 2, coeffs[p + 4])) {
                        bw.put(v == 4, coeffs[p + 5]);
                    }
                } else if (!bw.put(v > 10, coeffs[p + 6])) {
                    if (!bw.put(v > 6, coeffs[p + 7])) {
                        bw.put(v == 6, 159);
                    } else {
                        bw.put(v >= 9, 165);
                        bw.put((v & 1) == 0, 145);
                    }
                } else {
                    int mask;
                    int[] tab;
                    if (v < 3 + (8 << 1)) {
                        bw.put(0, coeffs[p + 8]);
                        bw.put(0, coeffs[p + 9]);
                        v -= 3 + (8 << 0);
                        mask = 1 << 2;
                        tab = Vp8EncoderTables.CAT3;
                    } else if (v < 3 + (8 << 2)) {
                        bw.put(0, coeffs[p + 8]);
                        bw.put(1, coeffs[p + 9]);
                        v -= 3 + (8 << 1);
                        mask = 1 << 3;
                        tab = Vp8EncoderTables.CAT4;
                    } else if (v < 3 + (8 << 3)) {
                        bw.put(1, coeffs[p + 8]);
                        bw.put(0, coeffs[p + 10]);
                        v -= 3 + (8 << 2);
                        mask = 1 << 4;
                        tab = Vp8EncoderTables.CAT5;
                    } else {
                        bw.put(1, coeffs[p + 8]);
                        bw.put(1, coeffs[p + 10]);
                        v -= 3 + (8 << 3);
                        mask = 1 << 10;
                        tab = Vp8EncoderTables.CAT6;
                    }
                    for (int t = 0; mask != 0; mask >>= 1, t++) {
                        bw.put((v & mask) != 0 ? 1 : 0, tab[t]);
                    }
                }
                p = index(type, BANDS[n], 2);
            }
            bw.putUniform(sign);
            if (n == 16 || !bw.put(n <= last, coeffs[p])) {
                return true;
            }
        }
        return true;
    }
}
