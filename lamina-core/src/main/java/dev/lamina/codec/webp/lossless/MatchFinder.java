package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * Backward-reference candidates at a pixel: the run of the pixel to the left, the run of the pixel
 * above (both cheap through the short plane codes) and the longest match among {@code chain}
 * candidates of a hash chain over pixel pairs, within the distance the format can code
 * (1,048,456) and the longest length (4,096). Positions are inserted by the caller as it passes
 * them, so the chain holds only earlier pixels.
 */
final class MatchFinder {
    private static final int HASH_BITS = 18;
    private static final int MAX_DISTANCE = (1 << 20) - 120;
    /** A match this long is taken as found: no chain search while it lasts (flat areas would cost chain x length per pixel). */
    private static final int LONG_MATCH = 256;

    private final int[] argb;
    private final int width;
    private final int chain;
    private final int[] head;
    private final int[] prev;
    /** Match lengths at distance 1 and at distance {@code width}, capped at 4,096: computed once, backwards. */
    private final short[] runLeft;
    private final short[] runAbove;
    /** The chain match of the previous position, to carry through long matches without searching again. */
    private int carriedDistance;
    private int carriedLength;
    /** The position the carried match was found or last carried at: it holds only for the next one. */
    private int carriedAt = -2;
    /** The candidates of the last {@link #find}: distance and the longest length there. */
    final int[] distances = new int[3];
    final int[] lengths = new int[3];
    int count;

    MatchFinder(int[] argb, int width, int chain) {
        this.argb = argb;
        this.width = width;
        this.chain = chain;
        if (chain > 0) {
            head = new int[1 << HASH_BITS];
            Arrays.fill(head, -1);
            prev = new int[argb.length];
        } else {
            head = null;
            prev = null;
        }
        runLeft = runs(argb, 1);
        runAbove = width > 1 ? runs(argb, width) : null;
    }

    /** {@code run[i]}: how many pixels from i on equal those {@code d} before them (at most 4,096). */
    private static short[] runs(int[] argb, int d) {
        int n = argb.length;
        short[] run = new short[n];
        int next = 0;
        for (int i = n - 1; i >= d; i--) {
            next = argb[i] == argb[i - d] ? Math.min(next + 1, Vp8lConstants.MAX_LENGTH) : 0;
            run[i] = (short) next;
        }
        return run;
    }

    private int hash(int i) {
        long key = ((long) argb[i] << 32) ^ (argb[i + 1] & 0xffffffffL);
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - HASH_BITS));
    }

    void insert(int i) {
        if (head == null || i + 1 >= argb.length) {
            return;
        }
        int h = hash(i);
        prev[i] = head[h];
        head[h] = i;
    }

    /** Finds the candidates at {@code i}; returns the longest length among them. */
    int find(int i) {
        count = 0;
        int n = argb.length;
        int max = Math.min(Vp8lConstants.MAX_LENGTH, n - i);
        int best = 0;
        if (i >= 1) {
            best = add(1, Math.min(runLeft[i], max), best);
        }
        if (runAbove != null && i >= width) {
            best = add(width, Math.min(runAbove[i], max), best);
        }
        if (carriedLength > LONG_MATCH && carriedAt == i - 1) {
            // inside a long match: at the next pixel the same distance matches at least one pixel less
            carriedLength = Math.min(carriedLength - 1, max);
            carriedAt = i;
            if (carriedDistance != 1 && carriedDistance != width) {
                best = add(carriedDistance, carriedLength, best);
            }
            return best;
        }
        carriedLength = 0;
        if (head != null && i + 1 < n && best < LONG_MATCH) {
            int bestChain = 0;
            int bestDistance = 0;
            int j = head[hash(i)];
            for (int tries = 0; j >= 0 && tries < chain; tries++, j = prev[j]) {
                int distance = i - j;
                if (distance > MAX_DISTANCE) {
                    break;
                }
                if (bestChain > 0 && argb[j + bestChain] != argb[i + bestChain]) {
                    continue;   // cannot be longer than the best so far
                }
                int l = matchLength(j, i, max);
                if (l > bestChain) {
                    bestChain = l;
                    bestDistance = distance;
                    if (l == max) {
                        break;
                    }
                }
            }
            if (bestChain > best && bestDistance != 1 && bestDistance != width) {
                best = add(bestDistance, bestChain, best);
                carriedDistance = bestDistance;
                carriedLength = bestChain;
                carriedAt = i;
            }
        }
        return best;
    }

    private int add(int distance, int length, int best) {
        if (length > 0) {
            distances[count] = distance;
            lengths[count++] = length;
        }
        return Math.max(best, length);
    }

    /** The index in the candidates of the longest (the first of equals: left, then above, then the chain's). */
    int longest() {
        int k = 0;
        for (int c = 1; c < count; c++) {
            if (lengths[c] > lengths[k]) {
                k = c;
            }
        }
        return k;
    }

    private int matchLength(int from, int at, int max) {
        int l = 0;
        while (l < max && argb[from + l] == argb[at + l]) {
            l++;
        }
        return l;
    }
}
