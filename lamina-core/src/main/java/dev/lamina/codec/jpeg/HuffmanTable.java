package dev.lamina.codec.jpeg;

/**
 * A Huffman decoding table: a 9-bit lookahead table for the common short codes and the canonical
 * maxcode/valptr arrays of T.81 F.2.2.3 for longer ones; for AC tables a 10-bit table of
 * code lengths with their magnitude sizes ({@link #acCodes}).
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
    /** Bits of the look-ahead of {@link #acCodes}. */
    static final int AC_LOOKAHEAD = 10;
    /**
     * The most bits (code plus magnitude) an {@link #acCodes} entry may take: the full decode
     * takes another code from the table while at least this many bits are left (a refill leaves
     * at least 56, so three codes or more per refill).
     */
    static final int AC_MAX_BITS = 18;
    /** The sign bit of an {@link #acCodes} entry: an end of block. */
    static final int AC_END = 0x80000000;
    /**
     * For AC tables: for each {@link #AC_LOOKAHEAD}-bit prefix that starts with a whole code of at
     * most that many bits, the code's symbol with its length, packed as
     * {@code (run << 12) | (size << 8) | (code length + size)}: one look-up gives how many bits the
     * code and its magnitude take together, and the magnitude is read from below them off the
     * chain of dependent look-ups (libjpeg-turbo's jdhuff.c decodes the code, then the
     * magnitude). Covering every short code whatever its magnitude is what the old table of whole
     * coefficients (code and magnitude within 9 bits) did not: at quality 90 most low-frequency
     * coefficients missed it. A run of sixteen zeros is run 15 with size 0 (a zero stored 15 on,
     * as any coefficient); an end of block (size 0, any other run, as libjpeg reads it in
     * sequential scans) is {@link #AC_END} | code length. 0 for a prefix whose code is longer, or
     * whose code and magnitude take more than {@link #AC_MAX_BITS}: those take the general path.
     */
    final int[] acCodes = new int[1 << AC_LOOKAHEAD];
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
        int code2 = 0;
        for (int len = 1; len <= AC_LOOKAHEAD; len++) {
            // the codes of this length are code2..maxcode[len] (none when maxcode is -1)
            for (; code2 <= t.maxcode[len]; code2++) {
                int rs = symbols[t.valOffset[len] + code2];
                int run = rs >> 4;
                int size = rs & 15;
                int e;
                if (size == 0 && run != 15) {
                    e = AC_END | len;
                } else if (len + size <= AC_MAX_BITS) {
                    e = (run << 12) | (size << 8) | (len + size);
                } else {
                    e = 0;
                }
                int shift = AC_LOOKAHEAD - len;
                java.util.Arrays.fill(t.acCodes, code2 << shift, (code2 + 1) << shift, e);
            }
            code2 <<= 1;
        }
        return t;
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
        // (code length << 8) | symbol for every prefix that starts with a code of at most
        // SKIP_LOOKAHEAD bits, filled a code's range at a time as the look-up table above
        int[] first = new int[size];
        int code = 0;
        for (int len = 1; len <= SKIP_LOOKAHEAD; len++) {
            // the codes of this length are code..maxcode[len] (none when maxcode is -1)
            for (; code <= maxcode[len]; code++) {
                int shift = SKIP_LOOKAHEAD - len;
                java.util.Arrays.fill(first, code << shift, (code + 1) << shift,
                        (len << 8) | symbols[valOffset[len] + code]);
            }
            code <<= 1;
        }
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
