package dev.lamina.codec.deflate;

import static dev.lamina.codec.deflate.DeflateTables.DIST_EXTRA;
import static dev.lamina.codec.deflate.DeflateTables.DIST_SYMBOLS;
import static dev.lamina.codec.deflate.DeflateTables.LENGTH_EXTRA_BITS;
import static dev.lamina.codec.deflate.DeflateTables.LENGTH_SYMBOL;
import static dev.lamina.codec.deflate.DeflateTables.MAX_MATCH;
import static dev.lamina.codec.deflate.DeflateTables.MIN_MATCH;

/**
 * Whether a match is cheaper than the literals it replaces, in estimated bits.
 *
 * <p>PNG-filtered photographs are mostly small residuals: a literal costs 2 to 6 bits, so the
 * short matches that noise produces by chance (four zero residuals, a far repeat of a common
 * pattern) cost more as a length and a distance than as literals, and they flatten the literal
 * statistics besides. zlib takes them all, which is why its level 6 loses to Huffman-only on
 * noisy photographs. Literal costs come from the byte histogram of the block about to be coded,
 * length and distance costs from the previous block's codes (fixed-code costs at the start of a
 * call, so that a call's output never depends on the call before it).
 */
final class MatchCosts {
    /** Costs are in 1/16 bit. */
    private static final int SCALE = 16;
    /** Matches at least this long always pay: even 1-bit literals would cost more. */
    private static final int ALWAYS_PAYS = 48;
    /** The cost of a symbol the previous block did not use: rarer than anything it did. */
    private static final int UNUSED_SYMBOL_BITS = 12;

    /**
     * What a match must save besides: every match used makes the literal codes longer and the
     * code tables bigger, which the per-symbol estimate does not see (measured best at 4 bits).
     */
    private static final int PENALTY = 4 * SCALE;

    private final int[] literal = new int[256];
    private final int[] length = new int[MAX_MATCH + 1];
    private final int[] distance = new int[DIST_SYMBOLS];
    private final int[] histogram = new int[256];
    /** runningSum[k] = the literal cost of b[origin, origin + k). */
    private final int[] runningSum;
    private int origin;

    /** @param span the most bytes a block's matches may cover */
    MatchCosts(int span) {
        runningSum = new int[span + 1];
    }

    /** Length and distance costs of the fixed code (RFC 1951 3.2.6). */
    void reset() {
        for (int len = MIN_MATCH; len <= MAX_MATCH; len++) {
            int symbol = LENGTH_SYMBOL[len];
            length[len] = ((symbol < 280 ? 7 : 8) + LENGTH_EXTRA_BITS[len]) * SCALE;
        }
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            distance[c] = (5 + DIST_EXTRA[c]) * SCALE;
        }
    }

    /**
     * Literal costs from how often each byte occurs in {@code b[from, to)}: -log2 of its
     * frequency; and their running sum over {@code b[from, limit)}, where a match may reach.
     */
    void literalsOf(byte[] b, int from, int to, int limit) {
        int[] h = histogram;
        java.util.Arrays.fill(h, 0);
        for (int i = from; i < to; i++) {
            h[b[i] & 0xFF]++;
        }
        double total = Math.max(1, to - from);
        for (int v = 0; v < 256; v++) {
            literal[v] = h[v] == 0 ? UNUSED_SYMBOL_BITS * SCALE
                    : (int) Math.min(UNUSED_SYMBOL_BITS * SCALE, Math.round(SCALE * log2(total / h[v])) + SCALE / 2);
        }
        int[] sum = runningSum;
        int[] cost = literal;
        int acc = 0;
        sum[0] = 0;
        for (int i = from, k = 1; i < limit; i++, k++) {
            acc += cost[b[i] & 0xFF];
            sum[k] = acc;
        }
        origin = from;
    }

    /** Length and distance costs from the code lengths the last block was given. */
    void learn(int[] litLengths, int[] distLengths) {
        for (int len = MIN_MATCH; len <= MAX_MATCH; len++) {
            int bits = litLengths[LENGTH_SYMBOL[len]];
            length[len] = ((bits == 0 ? UNUSED_SYMBOL_BITS : bits) + LENGTH_EXTRA_BITS[len]) * SCALE;
        }
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            int bits = distLengths[c];
            distance[c] = ((bits == 0 ? UNUSED_SYMBOL_BITS : bits) + DIST_EXTRA[c]) * SCALE;
        }
    }

    /** Whether coding {@code b[p, p + len)} as a match at {@code dist} is estimated cheaper than as literals. */
    boolean pays(int p, int len, int dist) {
        if (len >= ALWAYS_PAYS) {
            return true;
        }
        int match = length[len] + distance[DeflateTables.distCode(dist - 1)] + PENALTY;
        int k = p - origin;
        return runningSum[k + len] - runningSum[k] > match;
    }

    private static double log2(double x) {
        return Math.log(x) * (1 / Math.log(2));
    }
}
