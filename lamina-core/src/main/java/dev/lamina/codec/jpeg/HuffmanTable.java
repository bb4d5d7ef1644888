package dev.lamina.codec.jpeg;

/**
 * A Huffman decoding table: a 9-bit lookahead table for the common short codes and the canonical
 * maxcode/valptr arrays of T.81 F.2.2.3 for longer ones; for AC tables a 10-bit table of
 * one or two codes with their values ({@link #acPairs}).
 */
final class HuffmanTable {
    static final int LOOKAHEAD = 9;
    /** Bits of the look-ahead of {@link #skipCodes}. */
    static final int SKIP_LOOKAHEAD = 12;
    /**
     * The most bits (codes plus magnitudes) one {@link #skipCodes} entry takes, so that the
     * DC-only path can make three look-ups per refill: a refill leaves at least 56 bits, two
     * entries then leave at least 20 for the third look-up's 12, and three take at most 54.
     */
    static final int SKIP_MAX_BITS = 18;
    /** (code length << 8) | symbol for each 9-bit prefix whose code is at most 9 bits; 0 otherwise. */
    final int[] lookup = new int[1 << LOOKAHEAD];
    /** Largest code of each length (-1 when none), for lengths 1..16; maxcode[17] sentinel. */
    final int[] maxcode = new int[18];
    final int[] valOffset = new int[17];
    final int[] symbols;
    /** Bits of the look-ahead of {@link #acPairs}. */
    static final int AC_LOOKAHEAD = 10;
    /**
     * The most bits an {@link #acPairs} entry may take: the full decode takes another entry while
     * at least this many bits are left (a refill leaves at least 56).
     */
    static final int AC_MAX_BITS = 18;
    private long[] acPairs;
    private int[] skipCodes;

    private HuffmanTable(int[] symbols) {
        this.symbols = symbols;
    }

    /**
     * Why the table that {@code counts} (codes per length 1-16, index 0 unused) and {@code symbols}
     * describe cannot be decoded, or null when it can. The checks are libjpeg's
     * ({@code jpeg_make_d_derived_tbl} in jdhuff.c): at most 256 codes; the canonical codes of each
     * length fit that length without the all-ones code, which T.81 Annex C reserves (so three
     * codes of length 1, or two, are refused); a DC table's symbols are magnitude categories 0-15.
     * Any such table is then complete or incomplete; an incomplete one is fine until the data uses
     * a code it lacks, which the scan decoder reports as an invalid Huffman code.
     */
    static String problem(int[] counts, int[] symbols, boolean dc) {
        long code = 0;
        int total = 0;
        for (int len = 1; len <= 16; len++) {
            code += counts[len];
            total += counts[len];
            if (code >= 1L << len) {
                return "over-subscribed: " + counts[len] + " codes of length " + len + " do not fit beside the shorter"
                        + " ones without the all-ones code";
            }
            code <<= 1;
        }
        if (total > 256 || total != symbols.length) {
            return total + " codes, more than 256";
        }
        if (dc) {
            for (int s : symbols) {
                if (s > 15) {
                    return "DC symbol " + s + ", more than 15";
                }
            }
        }
        return null;
    }

    /** Builds the table; {@link #problem} must have found nothing wrong with it. */
    static HuffmanTable build(int[] counts, int[] symbols) {
        HuffmanTable t = new HuffmanTable(symbols);
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len];
            t.valOffset[len] = k - code;
            if (n > 0) {
                for (int i = 0; i < n; i++) {
                    if (len <= LOOKAHEAD) {
                        int shift = LOOKAHEAD - len;
                        int base = code << shift;
                        for (int j = 0; j < (1 << shift); j++) {
                            t.lookup[base + j] = (len << 8) | symbols[k];
                        }
                    }
                    code++;
                    k++;
                }
                t.maxcode[len] = code - 1;
            } else {
                t.maxcode[len] = -1;
            }
            code <<= 1;
        }
        t.maxcode[17] = Integer.MAX_VALUE;
        return t;
    }

    /**
     * For AC tables, the look-up of the full sequential decode: for each {@link #AC_LOOKAHEAD}-bit
     * prefix, what its first whole code (and, when it fits, the next one) stores, so that one
     * look-up decodes up to two coefficients with their values, as stb_image's fast AC table does
     * for one. A positive entry packs
     * {@code total | first << 6 | advance1 << 12 | advance2 << 19 | value1 << 26 | value2 << 42}
     * (values as 16-bit two's complement): {@code total} bits are the codes with their
     * magnitudes, {@code first} those of the first code alone; an advance is how far the code
     * moves the zig-zag position past the coefficient it stores (run + 1; 16 for a run of sixteen
     * zeros, which stores a zero; 64 for an end of block, which stores a zero at a position not
     * yet reached). A prefix whose first code is followed by no whole second code (code and
     * magnitude within the prefix) has advance2 0 and value2 = value1: the second store repeats
     * the first. A negative entry is a code within the prefix whose magnitude runs past it:
     * {@code MIN_VALUE | (code length + size) | advance << 12 | size << 20}, the magnitude read
     * from the data (code and magnitude at most {@link #AC_MAX_BITS}). 0: a longer code or
     * magnitude, for the general path. Built on first use.
     */
    synchronized long[] acPairs() {
        if (acPairs == null) {
            acPairs = buildAcPairs();
        }
        return acPairs;
    }

    private long[] buildAcPairs() {
        int size = 1 << AC_LOOKAHEAD;
        int mask = size - 1;
        int[] first = firstCodes(AC_LOOKAHEAD);
        long[] out = new long[size];
        for (int p = 0; p < size; p++) {
            int e = first[p];
            if (e == 0) {
                continue;
            }
            int len = e >> 8;
            int run = (e >> 4) & 15;
            int s = e & 15;
            if (s != 0 && len + s > AC_LOOKAHEAD) {
                out[p] = len + s > AC_MAX_BITS ? 0
                        : Long.MIN_VALUE | (len + s) | (run + 1) << 12 | s << 20;
                continue;
            }
            int cost1 = len + s;
            int adv1 = s != 0 ? run + 1 : run == 15 ? 16 : 64;
            int v1 = valueOf(p, AC_LOOKAHEAD - cost1, s);
            int cost2 = 0;
            int adv2 = 0;
            int v2 = v1;
            if (adv1 < 64) {
                // a code found in the bits left, with at most that many bits, is the code: the
                // zeros shifted in below the prefix cannot complete a shorter one (prefix-free)
                int left = AC_LOOKAHEAD - cost1;
                int e2 = first[(p << cost1) & mask];
                int len2 = e2 >> 8;
                int run2 = (e2 >> 4) & 15;
                int s2 = e2 & 15;
                if (e2 != 0 && len2 + s2 <= left) {
                    cost2 = len2 + s2;
                    adv2 = s2 != 0 ? run2 + 1 : run2 == 15 ? 16 : 64;
                    v2 = valueOf(p, left - cost2, s2);
                }
            }
            out[p] = (cost1 + cost2) | (long) cost1 << 6 | (long) adv1 << 12 | (long) adv2 << 19
                    | (long) (v1 & 0xFFFF) << 26 | (long) (v2 & 0xFFFF) << 42;
        }
        return out;
    }

    /** The value (T.81 F.2.2.1 EXTEND) of the {@code s} bits of {@code p} that end {@code below} bits above its bit 0. */
    private static int valueOf(int p, int below, int s) {
        if (s == 0) {
            return 0;
        }
        int m = (p >> below) & ((1 << s) - 1);
        return m < 1 << (s - 1) ? m - (1 << s) + 1 : m;
    }

    /**
     * {@code (code length << 8) | symbol} for every {@code bits}-bit prefix that starts with a
     * code of at most that many bits, 0 for the others.
     */
    private int[] firstCodes(int bits) {
        int[] first = new int[1 << bits];
        int code = 0;
        for (int len = 1; len <= bits; len++) {
            // the codes of this length are code..maxcode[len] (none when maxcode is -1)
            for (; code <= maxcode[len]; code++) {
                int shift = bits - len;
                java.util.Arrays.fill(first, code << shift, (code + 1) << shift,
                        (len << 8) | symbols[valOffset[len] + code]);
            }
            code <<= 1;
        }
        return first;
    }

    /**
     * For AC tables, to step over the coefficients of blocks of which only the DC is used (1x1
     * IDCT at 1/8 scale) several codes per look-up, as libjpeg-turbo's multi-symbol decoders do:
     * for each {@link #SKIP_LOOKAHEAD}-bit prefix, the codes that start in it, each with its
     * magnitude bits, in all at most {@link #SKIP_MAX_BITS} bits (the magnitude bits of the last
     * may run past the prefix: they are skipped, not read), packed as
     * {@code (before << 16) | (advance << 8) | bits}. {@code advance} is how far they move the
     * zig-zag position (run + 1 per coefficient, 16 for a run of sixteen zeros, 64 more for an
     * end of block, which is always the last code of an entry); {@code before} the advance of all
     * but the last code, so that the caller can tell whether they all belong to the current block
     * (position + before &lt; 64) and otherwise takes one code on its general path. Codes stop being
     * added once the advance reaches 64. 0 when the prefix does not hold one whole code of at most
     * 12 bits or the first code with its magnitude takes more than SKIP_MAX_BITS bits. Built on
     * first use (per table, so only files decoded with DC-only components pay for it).
     */
    synchronized int[] skipCodes() {
        if (skipCodes == null) {
            skipCodes = buildSkipCodes();
        }
        return skipCodes;
    }

    private int[] buildSkipCodes() {
        int size = 1 << SKIP_LOOKAHEAD;
        int mask = size - 1;
        int[] first = firstCodes(SKIP_LOOKAHEAD);
        int[] out = new int[size];
        for (int p = 0; p < size; p++) {
            int used = 0;
            int advance = 0;
            int before = 0;
            while (used < SKIP_LOOKAHEAD) {
                // a code found here with at most the remaining bits is the code: the zeros
                // shifted in below the prefix cannot complete a shorter one (prefix-free)
                int e = first[(p << used) & mask];
                int len = e >> 8;
                if (e == 0 || len > SKIP_LOOKAHEAD - used) {
                    break;
                }
                int run = (e >> 4) & 15;
                int s = e & 15;
                boolean end = s == 0 && run != 15;   // any other run with s = 0 ends a block too
                int cost = end ? len : len + s;
                if (used + cost > SKIP_MAX_BITS) {
                    break;
                }
                before = advance;
                advance += end ? 64 : s == 0 ? 16 : run + 1;
                used += cost;
                if (end || advance >= 64) {
                    break;
                }
            }
            out[p] = used == 0 ? 0 : (before << 16) | (advance << 8) | used;
        }
        return out;
    }
}
