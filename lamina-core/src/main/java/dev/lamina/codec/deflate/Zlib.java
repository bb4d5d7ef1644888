package dev.lamina.codec.deflate;

/**
 * What the zlib wrapper (RFC 1950) around Lamina's deflate streams needs, shared by the encoders
 * that write zlib streams (PNG's IDAT, TIFF's Deflate strips): the mapping from a zlib-style level
 * to a {@link DeflateCompressor} effort, and the two header bytes.
 */
public final class Zlib {
    private Zlib() {
    }

    /**
     * The deflate effort for a compression level 0-9. Lamina's scale: 0 stores, 1 codes runs and
     * literals only, 2-6 add a one-probe greedy match search (the default, 6, is here: most of the
     * size of zlib's level 6 at a small fraction of its time), and 7-9 search ever longer hash
     * chains, 9 with lazy matching, for the smallest files.
     */
    public static int effortForLevel(int level) {
        return switch (level) {
            case 0 -> 0;
            case 1 -> 1;
            case 7 -> 4;
            case 8 -> 5;
            case 9 -> DeflateCompressor.MAX_EFFORT;
            default -> 2;
        };
    }

    /** CMF 0x78 (deflate, 32 KiB window) and FLG with the effort hint, check bits making it a multiple of 31. */
    public static byte[] header(int effort) {
        int flevel = effort <= 1 ? 0 : effort == 2 ? 1 : effort < DeflateCompressor.MAX_EFFORT ? 2 : 3;
        int cmf = 0x78;
        int flg = flevel << 6;
        flg += 31 - ((cmf << 8) + flg) % 31;
        return new byte[]{(byte) cmf, (byte) flg};
    }
}
