package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * LZ77 over pixels for the encoder: at each pixel the longest earlier match among the pixel to
 * the left, the pixel above (both cheap through the short plane codes) and the candidates of a
 * hash chain over pixel pairs; lazy evaluation at the higher efforts (a literal first when the
 * next pixel starts a longer match). Matches are capped at 4,096 pixels and the distances at what
 * the format can code (1,048,456).
 */
final class BackwardReferences {
    private static final int HASH_BITS = 18;
    private static final int MAX_DISTANCE = (1 << 20) - 120;
    private static final int MIN_MATCH = 3;

    private BackwardReferences() {
    }

    /**
     * Tokens for {@code argb} ({@code width} wide); {@code chain} candidates are tried from the
     * hash chain per pixel (0: only left and above), {@code lazy} turns on lazy matching.
     */
    static Tokens find(int[] argb, int width, int chain, boolean lazy) {
        int n = argb.length;
        Tokens tokens = new Tokens(n / 2);
        int[] head = null;
        int[] prev = null;
        if (chain > 0) {
            head = new int[1 << HASH_BITS];
            Arrays.fill(head, -1);
            prev = new int[n];
        }
        int i = 0;
        int pendingLength = 0;
        int pendingDistance = 0;
        boolean havePending = false;
        while (i < n) {
            long best = havePending ? pack(pendingLength, pendingDistance) : bestMatch(argb, width, i, head, prev, chain);
            havePending = false;
            int length = (int) (best >>> 32);
            int distance = (int) best;
            if (length >= MIN_MATCH && lazy && i + 1 < n) {
                insert(argb, i, head, prev);
                long next = bestMatch(argb, width, i + 1, head, prev, chain);
                if ((int) (next >>> 32) > length + 1) {
                    tokens.add(0, argb[i]);
                    i++;
                    pendingLength = (int) (next >>> 32);
                    pendingDistance = (int) next;
                    havePending = true;
                    continue;
                }
                for (int k = 1; k < length; k++) {
                    insert(argb, i + k, head, prev);
                }
                tokens.add(length, Tokens.distanceCode(width, distance));
                i += length;
                continue;
            }
            if (length >= MIN_MATCH) {
                for (int k = 0; k < length; k++) {
                    insert(argb, i + k, head, prev);
                }
                tokens.add(length, Tokens.distanceCode(width, distance));
                i += length;
            } else {
                insert(argb, i, head, prev);
                tokens.add(0, argb[i]);
                i++;
            }
        }
        return tokens;
    }

    private static long pack(int length, int distance) {
        return ((long) length << 32) | distance;
    }

    private static int hash(int[] argb, int i) {
        long key = ((long) argb[i] << 32) ^ (argb[i + 1] & 0xffffffffL);
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - HASH_BITS));
    }

    private static void insert(int[] argb, int i, int[] head, int[] prev) {
        if (head == null || i + 1 >= argb.length) {
            return;
        }
        int h = hash(argb, i);
        prev[i] = head[h];
        head[h] = i;
    }

    private static long bestMatch(int[] argb, int width, int i, int[] head, int[] prev, int chain) {
        int n = argb.length;
        int max = Math.min(Vp8lConstants.MAX_LENGTH, n - i);
        int bestLength = 0;
        int bestDistance = 0;
        if (i >= 1) {
            bestLength = matchLength(argb, i - 1, i, max);
            bestDistance = 1;
        }
        if (i >= width && width > 1) {
            int l = matchLength(argb, i - width, i, max);
            if (l > bestLength) {
                bestLength = l;
                bestDistance = width;
            }
        }
        if (head != null && i + 1 < n && bestLength < max) {
            int j = head[hash(argb, i)];
            for (int tries = 0; j >= 0 && tries < chain; tries++, j = prev[j]) {
                int distance = i - j;
                if (distance > MAX_DISTANCE) {
                    break;
                }
                if (argb[j + bestLength] != argb[i + bestLength]) {
                    continue;   // cannot beat the best so far
                }
                int l = matchLength(argb, j, i, max);
                if (l > bestLength) {
                    bestLength = l;
                    bestDistance = distance;
                    if (l == max) {
                        break;
                    }
                }
            }
        }
        return pack(bestLength, bestDistance);
    }

    private static int matchLength(int[] argb, int from, int at, int max) {
        int l = 0;
        while (l < max && argb[from + l] == argb[at + l]) {
            l++;
        }
        return l;
    }
}
