package dev.lamina.codec.jpeg;

/** The zig-zag scan order of an 8x8 block (T.81 figure A.6). */
final class ZigZag {
    private ZigZag() {
    }

    /**
     * Natural (row-major) index of the k-th coefficient in zig-zag order. Sixteen extra entries
     * point at 63, as in libjpeg, so a corrupt run length that overshoots the block lands on a
     * harmless position instead of outside the array.
     */
    static final int[] NATURAL = {
            0, 1, 8, 16, 9, 2, 3, 10,
            17, 24, 32, 25, 18, 11, 4, 5,
            12, 19, 26, 33, 40, 48, 41, 34,
            27, 20, 13, 6, 7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36,
            29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46,
            53, 60, 61, 54, 47, 55, 62, 63,
            63, 63, 63, 63, 63, 63, 63, 63,
            63, 63, 63, 63, 63, 63, 63, 63
    };

    /** Zig-zag position of each natural (row-major) index: the inverse of {@link #NATURAL}. */
    static final int[] POSITION = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            POSITION[NATURAL[k]] = k;
        }
    }
}
