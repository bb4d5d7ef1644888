package dev.lamina.codec.png;

import dev.lamina.model.PngFilter;

/**
 * The five PNG row filters (PNG spec, section 9) and the adaptive choice between them.
 *
 * <p>Adaptive follows libpng's heuristic: filter the row all five ways and keep the one whose
 * bytes, read as signed values, have the smallest sum of absolute values (the first of equal
 * sums, in the spec's order). Small signed residuals are what deflate's Huffman stage compresses
 * best, and the choice depends only on this row and the one above, so output bytes never depend
 * on how the image was cut into strips.
 *
 * <p>The choice is one pass over the row that loads each byte's four neighbours once and sums all
 * five filters' residuals from them; only the chosen filter's row is then written. A cold command
 * (bin/lamina runs short jobs on the C1 compiler alone) pays for every load, store and call as
 * written, and filtering five trial rows and copying one back was over half of the headline
 * composite's CPU. So the loops are written for C1: no calls per byte (C1 inlines nothing over 35
 * bytecodes, so the Paeth predictor is written out here rather than called), absolute values and
 * selections as arithmetic rather than branches that photographs make unpredictable, everything in
 * local variables.
 *
 * <p>A missing row above (the first row of the image) is passed as a row of zeros, as the spec
 * defines it, so the loops have no special case.
 */
final class PngRowFilter {
    private final int bpp;          // bytes per complete pixel, at least 1 (the filter's left distance)
    private final int rowBytes;     // bytes of one unfiltered row, without the filter-type byte
    private final PngFilter mode;
    private final byte[] zeros;     // the row above the first row

    PngRowFilter(int bytesPerPixel, int rowBytes, PngFilter mode) {
        this.bpp = bytesPerPixel;
        this.rowBytes = rowBytes;
        this.mode = mode;
        this.zeros = new byte[rowBytes];
    }

    boolean fits(int bytesPerPixel, int bytes, PngFilter filterMode) {
        return bpp == bytesPerPixel && rowBytes == bytes && mode == filterMode;
    }

    /**
     * Filters {@code cur} (row bytes at {@code c}) against {@code prev} (at {@code p}; null for the
     * first row of the image) into {@code out} at {@code o}: one filter-type byte, then
     * {@code rowBytes} filtered bytes.
     */
    void filter(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        if (prev == null) {
            prev = zeros;
            p = 0;
        }
        // NONE=0, SUB=1, UP=2, AVERAGE=3, PAETH=4: the spec's numbers
        int type = mode == PngFilter.ADAPTIVE ? choose(cur, c, prev, p) : mode.ordinal();
        out[o] = (byte) type;
        switch (type) {
            case 0 -> System.arraycopy(cur, c, out, o + 1, rowBytes);
            case 1 -> sub(cur, c, out, o + 1);
            case 2 -> up(cur, c, prev, p, out, o + 1);
            case 3 -> average(cur, c, prev, p, out, o + 1);
            default -> paeth(cur, c, prev, p, out, o + 1);
        }
    }

    /**
     * The adaptive choice: the filter type whose residuals have the smallest sum of |signed byte|.
     * A residual {@code r} (any int) counts as |(byte) r|, computed as {@code s = r << 24 >> 24},
     * {@code m = s >> 31}, {@code (s ^ m) - m}.
     */
    private int choose(byte[] cur, int c, byte[] prev, int p) {
        int n = rowBytes;
        int left = bpp;
        int head = Math.min(left, n);
        int sumNone = 0;
        int sumSub = 0;
        int sumUp = 0;
        int sumAvg = 0;
        int sumPaeth = 0;
        // The first pixel has no left neighbour (a = c = 0): sub is none, and Paeth predicts up.
        for (int i = 0; i < head; i++) {
            int x = cur[c + i];
            int b = prev[p + i] & 0xFF;
            int m = x >> 31;
            int v = (x ^ m) - m;
            sumNone += v;
            sumSub += v;
            int s = (x - b) << 24 >> 24;
            m = s >> 31;
            v = (s ^ m) - m;
            sumUp += v;
            sumPaeth += v;
            s = (x - (b >>> 1)) << 24 >> 24;
            m = s >> 31;
            sumAvg += (s ^ m) - m;
        }
        int ci = c + head;
        int pi = p + head;
        int end = c + n;
        for (; ci < end; ci++, pi++) {
            int x = cur[ci];
            int a = cur[ci - left] & 0xFF;
            int b = prev[pi] & 0xFF;
            int d = prev[pi - left] & 0xFF;
            int m = x >> 31;
            sumNone += (x ^ m) - m;
            int s = (x - a) << 24 >> 24;
            m = s >> 31;
            sumSub += (s ^ m) - m;
            s = (x - b) << 24 >> 24;
            m = s >> 31;
            sumUp += (s ^ m) - m;
            s = (x - ((a + b) >>> 1)) << 24 >> 24;
            m = s >> 31;
            sumAvg += (s ^ m) - m;
            // PngPaeth.predict with its minimum, maximum and two selections as masks
            int ab = a + b;
            int threshold = d * 3 - ab;
            int diff = a - b;
            int lo = b + (diff & (diff >> 31));
            int hi = ab - lo;
            int t = lo ^ ((lo ^ d) & ((threshold - hi) >> 31));      // hi <= threshold ? lo : d
            int pred = hi ^ ((hi ^ t) & ((lo - threshold) >> 31));   // threshold <= lo ? hi : t
            s = (x - pred) << 24 >> 24;
            m = s >> 31;
            sumPaeth += (s ^ m) - m;
        }
        int best = 0;
        int bestSum = sumNone;
        if (sumSub < bestSum) {
            best = 1;
            bestSum = sumSub;
        }
        if (sumUp < bestSum) {
            best = 2;
            bestSum = sumUp;
        }
        if (sumAvg < bestSum) {
            best = 3;
            bestSum = sumAvg;
        }
        if (sumPaeth < bestSum) {
            best = 4;
        }
        return best;
    }

    private void sub(byte[] cur, int c, byte[] out, int o) {
        int head = Math.min(bpp, rowBytes);
        System.arraycopy(cur, c, out, o, head);
        int left = bpp;
        int oi = o + head;
        int end = c + rowBytes;
        for (int ci = c + head; ci < end; ci++, oi++) {
            out[oi] = (byte) (cur[ci] - cur[ci - left]);
        }
    }

    private void up(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int oi = o;
        int pi = p;
        int end = c + rowBytes;
        for (int ci = c; ci < end; ci++, pi++, oi++) {
            out[oi] = (byte) (cur[ci] - prev[pi]);
        }
    }

    private void average(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int head = Math.min(bpp, rowBytes);
        for (int i = 0; i < head; i++) {
            out[o + i] = (byte) (cur[c + i] - ((prev[p + i] & 0xFF) >>> 1));
        }
        int left = bpp;
        int oi = o + head;
        int pi = p + head;
        int end = c + rowBytes;
        for (int ci = c + head; ci < end; ci++, pi++, oi++) {
            out[oi] = (byte) (cur[ci] - (((cur[ci - left] & 0xFF) + (prev[pi] & 0xFF)) >>> 1));
        }
    }

    private void paeth(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int head = Math.min(bpp, rowBytes);
        for (int i = 0; i < head; i++) {
            out[o + i] = (byte) (cur[c + i] - prev[p + i]);   // left and upper-left are 0: predicts up
        }
        int left = bpp;
        int oi = o + head;
        int pi = p + head;
        int end = c + rowBytes;
        for (int ci = c + head; ci < end; ci++, pi++, oi++) {
            int a = cur[ci - left] & 0xFF;
            int b = prev[pi] & 0xFF;
            int d = prev[pi - left] & 0xFF;
            int ab = a + b;
            int threshold = d * 3 - ab;
            int diff = a - b;
            int lo = b + (diff & (diff >> 31));
            int hi = ab - lo;
            int t = lo ^ ((lo ^ d) & ((threshold - hi) >> 31));
            out[oi] = (byte) (cur[ci] - (hi ^ ((hi ^ t) & ((lo - threshold) >> 31))));
        }
    }
}
