package dev.lamina.codec.png;

import dev.lamina.model.PngFilter;

/**
 * The five PNG row filters (PNG spec, section 9) and the adaptive choice between them.
 *
 * <p>Adaptive follows libpng's heuristic: filter the row all five ways and keep the one whose
 * bytes, read as signed values, have the smallest sum of absolute values. Small signed residuals
 * are what deflate's Huffman stage compresses best, and the choice depends only on this row and
 * the one above, so output bytes never depend on how the image was cut into strips.
 *
 * <p>Each filter is its own small method that filters and sums in one pass: small loops are what
 * the JIT compiles and vectorises best, and the sum is nearly free once the byte is in a register.
 * A missing row above (the first row of the image) is passed as a row of zeros, as the spec
 * defines it, so the loops have no special case.
 */
final class PngRowFilter {
    private final int bpp;          // bytes per complete pixel, at least 1 (the filter's left distance)
    private final int rowBytes;     // bytes of one unfiltered row, without the filter-type byte
    private final PngFilter mode;
    private final byte[][] trial;   // adaptive: one scratch row per filter type
    private final byte[] zeros;     // the row above the first row

    PngRowFilter(int bytesPerPixel, int rowBytes, PngFilter mode) {
        this.bpp = bytesPerPixel;
        this.rowBytes = rowBytes;
        this.mode = mode;
        this.trial = mode == PngFilter.ADAPTIVE ? new byte[5][rowBytes] : null;
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
        if (mode != PngFilter.ADAPTIVE) {
            int type = mode.ordinal();   // NONE=0, SUB=1, UP=2, AVERAGE=3, PAETH=4: the spec's numbers
            out[o] = (byte) type;
            apply(type, cur, c, prev, p, out, o + 1);
            return;
        }
        int best = 0;
        long bestSum = Long.MAX_VALUE;
        for (int type = 0; type < 5; type++) {
            long sum = apply(type, cur, c, prev, p, trial[type], 0);
            if (sum < bestSum) {
                bestSum = sum;
                best = type;
            }
        }
        out[o] = (byte) best;
        System.arraycopy(trial[best], 0, out, o + 1, rowBytes);
    }

    /** Applies filter {@code type} and returns the sum of |filtered byte as signed|. */
    private long apply(int type, byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        return switch (type) {
            case 0 -> none(cur, c, out, o);
            case 1 -> sub(cur, c, out, o);
            case 2 -> up(cur, c, prev, p, out, o);
            case 3 -> average(cur, c, prev, p, out, o);
            default -> paeth(cur, c, prev, p, out, o);
        };
    }

    private long none(byte[] cur, int c, byte[] out, int o) {
        int sum = 0;
        for (int i = 0; i < rowBytes; i++) {
            byte v = cur[c + i];
            out[o + i] = v;
            sum += Math.abs(v);
        }
        return sum;
    }

    private long sub(byte[] cur, int c, byte[] out, int o) {
        int sum = 0;
        int head = Math.min(bpp, rowBytes);
        for (int i = 0; i < head; i++) {
            byte v = cur[c + i];
            out[o + i] = v;
            sum += Math.abs(v);
        }
        for (int i = bpp; i < rowBytes; i++) {
            byte v = (byte) (cur[c + i] - cur[c + i - bpp]);
            out[o + i] = v;
            sum += Math.abs(v);
        }
        return sum;
    }

    private long up(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int sum = 0;
        for (int i = 0; i < rowBytes; i++) {
            byte v = (byte) (cur[c + i] - prev[p + i]);
            out[o + i] = v;
            sum += Math.abs(v);
        }
        return sum;
    }

    private long average(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int sum = 0;
        int head = Math.min(bpp, rowBytes);
        for (int i = 0; i < head; i++) {
            byte v = (byte) (cur[c + i] - ((prev[p + i] & 0xFF) >>> 1));
            out[o + i] = v;
            sum += Math.abs(v);
        }
        for (int i = bpp; i < rowBytes; i++) {
            int avg = ((cur[c + i - bpp] & 0xFF) + (prev[p + i] & 0xFF)) >>> 1;
            byte v = (byte) (cur[c + i] - avg);
            out[o + i] = v;
            sum += Math.abs(v);
        }
        return sum;
    }

    private long paeth(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int sum = 0;
        int head = Math.min(bpp, rowBytes);
        for (int i = 0; i < head; i++) {
            byte v = (byte) (cur[c + i] - prev[p + i]);   // left and upper-left are 0: predicts up
            out[o + i] = v;
            sum += Math.abs(v);
        }
        for (int i = bpp; i < rowBytes; i++) {
            int a = cur[c + i - bpp] & 0xFF;
            int b = prev[p + i] & 0xFF;
            int d = prev[p + i - bpp] & 0xFF;
            byte v = (byte) (cur[c + i] - PngPaeth.predict(a, b, d));
            out[o + i] = v;
            sum += Math.abs(v);
        }
        return sum;
    }
}
