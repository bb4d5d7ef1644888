package dev.lamina.codec.png;

import dev.lamina.PngFilter;

/**
 * The five PNG row filters (PNG spec, section 9) and the adaptive choice between them.
 *
 * <p>Adaptive follows libpng's heuristic: filter the row all five ways and keep the one whose
 * bytes, read as signed values, have the smallest sum of absolute values. Small signed residuals
 * are what deflate's Huffman stage compresses best, and the choice depends only on this row and
 * the one above, so output bytes never depend on how the image was cut into strips.
 */
final class PngRowFilter {
    private final int bpp;          // bytes per complete pixel, at least 1 (the filter's left distance)
    private final int rowBytes;     // bytes of one unfiltered row, without the filter-type byte
    private final PngFilter mode;
    private final byte[][] trial;   // adaptive: one scratch row per filter type

    PngRowFilter(int bytesPerPixel, int rowBytes, PngFilter mode) {
        this.bpp = bytesPerPixel;
        this.rowBytes = rowBytes;
        this.mode = mode;
        this.trial = mode == PngFilter.ADAPTIVE ? new byte[5][rowBytes] : null;
    }

    /**
     * Filters {@code cur} (row bytes at {@code c}) against {@code prev} (at {@code p}; null for the
     * first row of the image, which filters against zeros) into {@code out} at {@code o}: one
     * filter-type byte, then {@code rowBytes} filtered bytes.
     */
    void filter(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        if (mode != PngFilter.ADAPTIVE) {
            int type = mode.ordinal();   // NONE=0, SUB=1, UP=2, AVERAGE=3, PAETH=4: the spec's numbers
            out[o] = (byte) type;
            apply(type, cur, c, prev, p, out, o + 1);
            return;
        }
        int best = 0;
        long bestSum = Long.MAX_VALUE;
        for (int type = 0; type < 5; type++) {
            if (prev == null && (type == 2)) {
                continue;   // up against zeros is none
            }
            apply(type, cur, c, prev, p, trial[type], 0);
            long sum = signedSum(trial[type], bestSum);
            if (sum < bestSum) {
                bestSum = sum;
                best = type;
            }
        }
        out[o] = (byte) best;
        System.arraycopy(trial[best], 0, out, o + 1, rowBytes);
    }

    /** Sum of |byte as signed|, stopping early once it cannot beat {@code limit}. */
    private long signedSum(byte[] row, long limit) {
        long sum = 0;
        int n = rowBytes;
        int i = 0;
        // Check the bound every 1 KiB: cheap, and saves most of the work on losing filters.
        while (i < n) {
            int end = Math.min(n, i + 1024);
            for (; i < end; i++) {
                sum += Math.abs(row[i]);
            }
            if (sum >= limit) {
                return sum;
            }
        }
        return sum;
    }

    private void apply(int type, byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int n = rowBytes;
        switch (type) {
            case 0 -> System.arraycopy(cur, c, out, o, n);
            case 1 -> {
                System.arraycopy(cur, c, out, o, Math.min(bpp, n));
                for (int i = bpp; i < n; i++) {
                    out[o + i] = (byte) (cur[c + i] - cur[c + i - bpp]);
                }
            }
            case 2 -> {
                if (prev == null) {
                    System.arraycopy(cur, c, out, o, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        out[o + i] = (byte) (cur[c + i] - prev[p + i]);
                    }
                }
            }
            case 3 -> {
                if (prev == null) {
                    System.arraycopy(cur, c, out, o, Math.min(bpp, n));
                    for (int i = bpp; i < n; i++) {
                        out[o + i] = (byte) (cur[c + i] - ((cur[c + i - bpp] & 0xFF) >>> 1));
                    }
                } else {
                    for (int i = 0; i < bpp && i < n; i++) {
                        out[o + i] = (byte) (cur[c + i] - ((prev[p + i] & 0xFF) >>> 1));
                    }
                    for (int i = bpp; i < n; i++) {
                        int avg = ((cur[c + i - bpp] & 0xFF) + (prev[p + i] & 0xFF)) >>> 1;
                        out[o + i] = (byte) (cur[c + i] - avg);
                    }
                }
            }
            default -> {
                if (prev == null) {
                    // Paeth with a zero row above predicts the left byte: the same as sub.
                    apply(1, cur, c, null, 0, out, o);
                } else {
                    for (int i = 0; i < bpp && i < n; i++) {
                        out[o + i] = (byte) (cur[c + i] - prev[p + i]);   // left and upper-left are 0
                    }
                    for (int i = bpp; i < n; i++) {
                        int a = cur[c + i - bpp] & 0xFF;
                        int b = prev[p + i] & 0xFF;
                        int d = prev[p + i - bpp] & 0xFF;
                        out[o + i] = (byte) (cur[c + i] - paeth(a, b, d));
                    }
                }
            }
        }
    }

    /** The Paeth predictor (PNG spec 9.4): whichever of left, up, upper-left is nearest a + b - c. */
    static int paeth(int a, int b, int c) {
        int pa = Math.abs(b - c);           // |p - a| where p = a + b - c
        int pb = Math.abs(a - c);           // |p - b|
        int pc = Math.abs(a + b - 2 * c);   // |p - c|
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }
}
