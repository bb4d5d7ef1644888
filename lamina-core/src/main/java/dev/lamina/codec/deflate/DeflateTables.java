package dev.lamina.codec.deflate;

/** The symbol tables of RFC 1951 section 3.2.5, indexed directly by match length and distance. */
final class DeflateTables {
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;
    static final int WINDOW = 32768;
    static final int END_OF_BLOCK = 256;
    static final int LITLEN_SYMBOLS = 286;
    static final int DIST_SYMBOLS = 30;

    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
            67, 83, 99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
            5, 5, 5, 5, 0};
    static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
            1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
            11, 11, 12, 12, 13, 13};

    /** Length (3..258) to its literal/length symbol (257..285), extra bit count and extra value. */
    static final int[] LENGTH_SYMBOL = new int[MAX_MATCH + 1];
    static final int[] LENGTH_EXTRA_BITS = new int[MAX_MATCH + 1];
    static final int[] LENGTH_EXTRA_VALUE = new int[MAX_MATCH + 1];
    /** Distance - 1 to its distance code: below 256 directly, else by (distance - 1) >> 7 (zlib's _dist_code). */
    private static final byte[] DIST_CODE_LOW = new byte[256];
    private static final byte[] DIST_CODE_HIGH = new byte[256];

    /** The order in which code-length code lengths are sent (RFC 1951 3.2.7). */
    static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    static {
        for (int c = 0; c < 28; c++) {
            for (int k = 0; k < 1 << LENGTH_EXTRA[c]; k++) {
                int len = LENGTH_BASE[c] + k;
                if (len <= MAX_MATCH) {
                    LENGTH_SYMBOL[len] = 257 + c;
                    LENGTH_EXTRA_BITS[len] = LENGTH_EXTRA[c];
                    LENGTH_EXTRA_VALUE[len] = k;
                }
            }
        }
        // 258 has its own symbol; 284 + 31 would also decode to 258 but RFC 1951 forbids it.
        LENGTH_SYMBOL[MAX_MATCH] = 285;
        LENGTH_EXTRA_BITS[MAX_MATCH] = 0;
        LENGTH_EXTRA_VALUE[MAX_MATCH] = 0;
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            for (int k = 0; k < 1 << DIST_EXTRA[c]; k++) {
                int d = DIST_BASE[c] + k - 1;
                if (d < 256) {
                    DIST_CODE_LOW[d] = (byte) c;
                } else {
                    DIST_CODE_HIGH[d >>> 7] = (byte) c;
                }
            }
        }
    }

    private DeflateTables() {
    }

    /** The distance code (0..29) of a distance given as {@code distance - 1}. */
    static int distCode(int distMinusOne) {
        return distMinusOne < 256 ? DIST_CODE_LOW[distMinusOne] : DIST_CODE_HIGH[distMinusOne >>> 7];
    }
}
