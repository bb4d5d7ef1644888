package dev.lamina.codec.jpeg;

/**
 * A Huffman decoding table: a 9-bit lookahead table for the common short codes and the canonical
 * maxcode/valptr arrays of T.81 F.2.2.3 for longer ones.
 */
final class HuffmanTable {
    static final int LOOKAHEAD = 9;
    static final int END_OF_BLOCK = 0x4000;
    /**
     * The most bits (code plus magnitude) one {@link #skipAc} entry takes; longer ones are left to
     * the general path, so that the DC-only path can skip three codes per refill (3 x 16 of the
     * 56 bits a refill leaves, with the 9 of the third look-up still there).
     */
    static final int SKIP_MAX_BITS = 16;
    /** (code length << 8) | symbol for each 9-bit prefix whose code is at most 9 bits; 0 otherwise. */
    final int[] lookup = new int[1 << LOOKAHEAD];
    /** Largest code of each length (-1 when none), for lengths 1..16; maxcode[17] sentinel. */
    final int[] maxcode = new int[18];
    final int[] valOffset = new int[17];
    final int[] symbols;
    /**
     * For AC tables: for each 9-bit prefix holding a whole code and its magnitude bits, the
     * decoded coefficient packed as (value << 16) | (run << 8) | bits used; 0 when it does not fit
     * (the stb_image / libjpeg-turbo shortcut: most coefficients are small). End of block is
     * {@link #END_OF_BLOCK} | code length; a run of sixteen zeros a zero value with run 15.
     */
    final int[] fastAc = new int[1 << LOOKAHEAD];
    /**
     * For AC tables, to step over a coefficient without its value (blocks of which only the DC is
     * used, as at 1/8 scale): for each 9-bit prefix holding a whole code, (run << 8) | (code
     * length + magnitude bits, at most SKIP_MAX_BITS), or {@link #END_OF_BLOCK} | code length for an end of block;
     * 0 for longer codes (and for codes with more magnitude bits). The
     * magnitude bits may run past the prefix: they are skipped, not read.
     */
    final int[] skipAc = new int[1 << LOOKAHEAD];

    private HuffmanTable(int[] symbols) {
        this.symbols = symbols;
    }

    /** Builds the table, or returns null when the counts describe impossible codes. */
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
            if (code > (1 << len)) {
                return null;   // more codes than the length allows
            }
            code <<= 1;
        }
        t.maxcode[17] = Integer.MAX_VALUE;
        for (int i = 0; i < (1 << LOOKAHEAD); i++) {
            int e = t.lookup[i];
            if (e == 0) {
                continue;
            }
            int len = e >> 8;
            int rs = e & 0xFF;
            int run = rs >> 4;
            int s = rs & 15;
            // s = 0 with a run other than 15 ends the block, as in the full decoder
            if (s == 0 && run != 15) {
                t.skipAc[i] = END_OF_BLOCK | len;
            } else if (len + s <= SKIP_MAX_BITS) {
                t.skipAc[i] = (run << 8) | (len + s);
            }
            if (s == 0 && run == 0) {
                t.fastAc[i] = END_OF_BLOCK | len;
            } else if (s == 0 && run == 15) {
                t.fastAc[i] = (15 << 8) | len;   // sixteen zeros: "store" a zero 15 further on
            } else if (s != 0 && len + s <= LOOKAHEAD) {
                int m = ((i << len) & ((1 << LOOKAHEAD) - 1)) >> (LOOKAHEAD - s);
                int v = m < (1 << (s - 1)) ? m - (1 << s) + 1 : m;
                t.fastAc[i] = (v << 16) | (run << 8) | (len + s);
            }
        }
        return t;
    }
}
