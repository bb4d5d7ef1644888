package dev.lamina.codec.png;

/**
 * Reverses the five PNG row filters in place. A row is {@code n} bytes at {@code off} in
 * {@code cur}; {@code prev} holds the previous reconstructed row at the same offset (zeros for the
 * first row of an image or pass); {@code step} is the filter's byte distance to the pixel on the
 * left. Byte arithmetic is modulo 256, which Java's byte narrowing gives for free.
 */
final class PngUnfilter {
    static final int NONE = 0;
    static final int SUB = 1;
    static final int UP = 2;
    static final int AVERAGE = 3;
    static final int PAETH = 4;

    private PngUnfilter() {
    }

    /** Unfilters the row; false when {@code filter} is not one of the five types. */
    static boolean apply(int filter, byte[] cur, byte[] prev, int off, int n, int step) {
        switch (filter) {
            case NONE -> {
            }
            case SUB -> sub(cur, off, n, step);
            case UP -> up(cur, prev, off, n);
            case AVERAGE -> average(cur, prev, off, n, step);
            case PAETH -> {
                if (step == 3) {
                    paeth3(cur, prev, off, n);
                } else if (step == 4) {
                    paeth4(cur, prev, off, n);
                } else {
                    paeth(cur, prev, off, n, step);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    static void sub(byte[] cur, int off, int n, int step) {
        for (int i = off + step, end = off + n; i < end; i++) {
            cur[i] += cur[i - step];
        }
    }

    static void up(byte[] cur, byte[] prev, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            cur[i] += prev[i];
        }
    }

    static void average(byte[] cur, byte[] prev, int off, int n, int step) {
        int first = off + Math.min(step, n);
        for (int i = off; i < first; i++) {
            cur[i] += (prev[i] & 0xFF) >>> 1;
        }
        for (int i = first, end = off + n; i < end; i++) {
            cur[i] += ((cur[i - step] & 0xFF) + (prev[i] & 0xFF)) >>> 1;
        }
    }

    static void paeth(byte[] cur, byte[] prev, int off, int n, int step) {
        int first = off + Math.min(step, n);
        for (int i = off; i < first; i++) {
            cur[i] += prev[i];   // no left neighbour: a = c = 0, and the predictor picks b
        }
        for (int i = first, end = off + n; i < end; i++) {
            cur[i] += predict(cur[i - step] & 0xFF, prev[i] & 0xFF, prev[i - step] & 0xFF);
        }
    }

    /**
     * Paeth for 3-byte pixels (RGB 8) with the left pixel and upper-left pixel kept in locals: the
     * byte loop would otherwise reload them through the array at every step.
     */
    static void paeth3(byte[] cur, byte[] prev, int off, int n) {
        int end = off + n;
        int a0 = (cur[off] += prev[off]) & 0xFF;
        int a1 = (cur[off + 1] += prev[off + 1]) & 0xFF;
        int a2 = (cur[off + 2] += prev[off + 2]) & 0xFF;
        int c0 = prev[off] & 0xFF;
        int c1 = prev[off + 1] & 0xFF;
        int c2 = prev[off + 2] & 0xFF;
        for (int i = off + 3; i < end; i += 3) {
            int b0 = prev[i] & 0xFF;
            int b1 = prev[i + 1] & 0xFF;
            int b2 = prev[i + 2] & 0xFF;
            a0 = (cur[i] += predict(a0, b0, c0)) & 0xFF;
            a1 = (cur[i + 1] += predict(a1, b1, c1)) & 0xFF;
            a2 = (cur[i + 2] += predict(a2, b2, c2)) & 0xFF;
            c0 = b0;
            c1 = b1;
            c2 = b2;
        }
    }

    /** Paeth for 4-byte pixels (RGBA 8, grey+alpha 16), as {@link #paeth3}. */
    static void paeth4(byte[] cur, byte[] prev, int off, int n) {
        int end = off + n;
        int a0 = (cur[off] += prev[off]) & 0xFF;
        int a1 = (cur[off + 1] += prev[off + 1]) & 0xFF;
        int a2 = (cur[off + 2] += prev[off + 2]) & 0xFF;
        int a3 = (cur[off + 3] += prev[off + 3]) & 0xFF;
        int c0 = prev[off] & 0xFF;
        int c1 = prev[off + 1] & 0xFF;
        int c2 = prev[off + 2] & 0xFF;
        int c3 = prev[off + 3] & 0xFF;
        for (int i = off + 4; i < end; i += 4) {
            int b0 = prev[i] & 0xFF;
            int b1 = prev[i + 1] & 0xFF;
            int b2 = prev[i + 2] & 0xFF;
            int b3 = prev[i + 3] & 0xFF;
            a0 = (cur[i] += predict(a0, b0, c0)) & 0xFF;
            a1 = (cur[i + 1] += predict(a1, b1, c1)) & 0xFF;
            a2 = (cur[i + 2] += predict(a2, b2, c2)) & 0xFF;
            a3 = (cur[i + 3] += predict(a3, b3, c3)) & 0xFF;
            c0 = b0;
            c1 = b1;
            c2 = b2;
            c3 = b3;
        }
    }

    /**
     * The Paeth predictor of left {@code a}, up {@code b}, upper-left {@code c} (each 0..255), in
     * the branch-light form of stb_image: with p = a + b - c, the spec's |p-a| <= |p-b| and
     * |p-a| <= |p-c| reduce to comparisons of one threshold 3c - (a+b) against min(a,b) and max(a,b),
     * and the ternaries compile to conditional moves. Equal to the specification's form for all
     * 2^24 inputs (see the test).
     */
    static int predict(int a, int b, int c) {
        int threshold = c * 3 - (a + b);
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int t = hi <= threshold ? lo : c;
        return threshold <= lo ? hi : t;
    }
}
