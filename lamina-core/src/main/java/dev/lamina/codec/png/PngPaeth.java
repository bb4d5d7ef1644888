package dev.lamina.codec.png;

/** The Paeth predictor (PNG spec 9.4), shared by the row filters of the encoder and the decoder. */
final class PngPaeth {
    private PngPaeth() {
    }

    /**
     * The predictor of left {@code a}, up {@code b}, upper-left {@code c} (each 0..255), in the
     * branch-light form of stb_image: with p = a + b - c, the spec's |p-a| <= |p-b| and
     * |p-a| <= |p-c| reduce to comparisons of one threshold 3c - (a+b) against min(a,b) and max(a,b),
     * and the ternaries compile to conditional moves. Photographs make the spec's three-way branch
     * unpredictable; this form measured 4.3 times faster in the encoder's filter loop (57 ms against
     * 244 ms for a 3840x2160 RGBA image) and 1.5 times faster than a sign-mask form. Equal to the
     * specification's form for all 2^24 inputs (PngUnfilterTest).
     */
    static int predict(int a, int b, int c) {
        int threshold = c * 3 - (a + b);
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int t = hi <= threshold ? lo : c;
        return threshold <= lo ? hi : t;
    }
}
