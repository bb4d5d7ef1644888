package dev.lamina.codec.png;

/**
 * Reverses the five PNG row filters. The filtered row is {@code n} bytes at {@code off} in
 * {@code raw}; the reconstructed row goes to {@code out} at the same offset; {@code prev} holds the
 * previous reconstructed row (zeros for the first row of an image or pass); {@code step} is the
 * filter's byte distance to the pixel on the left. Byte arithmetic is modulo 256, which Java's
 * narrowing to byte gives for free.
 *
 * <p>Why {@code raw} and {@code out} are separate arrays: unfiltering in place makes C2's
 * auto-vectoriser load bytes just stored one scalar at a time, and every such wide load stalls on
 * store forwarding. Measured on 3840-byte-pixel RGB rows (JDK 25): sub and average ran about ten
 * times slower in place than from a separate source.
 *
 * <p>The 3- and 4-byte variants (RGB 8, RGBA 8 and grey+alpha 16) keep the left and upper-left
 * pixels in locals, so each byte's dependency chain runs through registers rather than through the
 * array.
 */
final class PngUnfilter {
    static final int NONE = 0;
    static final int SUB = 1;
    static final int UP = 2;
    static final int AVERAGE = 3;
    static final int PAETH = 4;

    private PngUnfilter() {
    }

    /** Unfilters the row from {@code raw} into {@code out}; false when {@code filter} is not one of the five types. */
    static boolean apply(int filter, byte[] raw, byte[] prev, byte[] out, int off, int n, int step) {
        switch (filter) {
            case NONE -> System.arraycopy(raw, off, out, off, n);
            case SUB -> {
                if (step == 3) {
                    sub3(raw, out, off, n);
                } else if (step == 4) {
                    sub4(raw, out, off, n);
                } else {
                    sub(raw, out, off, n, step);
                }
            }
            case UP -> up(raw, prev, out, off, n);
            case AVERAGE -> {
                if (step == 3) {
                    average3(raw, prev, out, off, n);
                } else if (step == 4) {
                    average4(raw, prev, out, off, n);
                } else {
                    average(raw, prev, out, off, n, step);
                }
            }
            case PAETH -> {
                if (step == 3) {
                    paeth3(raw, prev, out, off, n);
                } else if (step == 4) {
                    paeth4(raw, prev, out, off, n);
                } else {
                    paeth(raw, prev, out, off, n, step);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    static void sub(byte[] raw, byte[] out, int off, int n, int step) {
        int first = off + Math.min(step, n);
        System.arraycopy(raw, off, out, off, first - off);
        for (int i = first, end = off + n; i < end; i++) {
            out[i] = (byte) (raw[i] + out[i - step]);
        }
    }

    static void sub3(byte[] raw, byte[] out, int off, int n) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        for (int i = off, end = off + n; i < end; i += 3) {
            a0 += raw[i];
            a1 += raw[i + 1];
            a2 += raw[i + 2];
            out[i] = (byte) a0;
            out[i + 1] = (byte) a1;
            out[i + 2] = (byte) a2;
        }
    }

    static void sub4(byte[] raw, byte[] out, int off, int n) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int i = off, end = off + n; i < end; i += 4) {
            a0 += raw[i];
            a1 += raw[i + 1];
            a2 += raw[i + 2];
            a3 += raw[i + 3];
            out[i] = (byte) a0;
            out[i + 1] = (byte) a1;
            out[i + 2] = (byte) a2;
            out[i + 3] = (byte) a3;
        }
    }

    static void up(byte[] raw, byte[] prev, byte[] out, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            out[i] = (byte) (raw[i] + prev[i]);
        }
    }

    static void average(byte[] raw, byte[] prev, byte[] out, int off, int n, int step) {
        int first = off + Math.min(step, n);
        for (int i = off; i < first; i++) {
            out[i] = (byte) (raw[i] + ((prev[i] & 0xFF) >>> 1));
        }
        for (int i = first, end = off + n; i < end; i++) {
            out[i] = (byte) (raw[i] + (((out[i - step] & 0xFF) + (prev[i] & 0xFF)) >>> 1));
        }
    }

    static void average3(byte[] raw, byte[] prev, byte[] out, int off, int n) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        for (int i = off, end = off + n; i < end; i += 3) {
            a0 = (raw[i] + ((a0 + (prev[i] & 0xFF)) >>> 1)) & 0xFF;
            a1 = (raw[i + 1] + ((a1 + (prev[i + 1] & 0xFF)) >>> 1)) & 0xFF;
            a2 = (raw[i + 2] + ((a2 + (prev[i + 2] & 0xFF)) >>> 1)) & 0xFF;
            out[i] = (byte) a0;
            out[i + 1] = (byte) a1;
            out[i + 2] = (byte) a2;
        }
    }

    static void average4(byte[] raw, byte[] prev, byte[] out, int off, int n) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int i = off, end = off + n; i < end; i += 4) {
            a0 = (raw[i] + ((a0 + (prev[i] & 0xFF)) >>> 1)) & 0xFF;
            a1 = (raw[i + 1] + ((a1 + (prev[i + 1] & 0xFF)) >>> 1)) & 0xFF;
            a2 = (raw[i + 2] + ((a2 + (prev[i + 2] & 0xFF)) >>> 1)) & 0xFF;
            a3 = (raw[i + 3] + ((a3 + (prev[i + 3] & 0xFF)) >>> 1)) & 0xFF;
            out[i] = (byte) a0;
            out[i + 1] = (byte) a1;
            out[i + 2] = (byte) a2;
            out[i + 3] = (byte) a3;
        }
    }

    static void paeth(byte[] raw, byte[] prev, byte[] out, int off, int n, int step) {
        int first = off + Math.min(step, n);
        for (int i = off; i < first; i++) {
            out[i] = (byte) (raw[i] + prev[i]);   // no left neighbour: a = c = 0, and the predictor picks b
        }
        for (int i = first, end = off + n; i < end; i++) {
            out[i] = (byte) (raw[i] + PngPaeth.predict(out[i - step] & 0xFF, prev[i] & 0xFF, prev[i - step] & 0xFF));
        }
    }

    static void paeth3(byte[] raw, byte[] prev, byte[] out, int off, int n) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        for (int i = off, end = off + n; i < end; i += 3) {
            int b0 = prev[i] & 0xFF;
            int b1 = prev[i + 1] & 0xFF;
            int b2 = prev[i + 2] & 0xFF;
            a0 = (raw[i] + PngPaeth.predict(a0, b0, c0)) & 0xFF;
            a1 = (raw[i + 1] + PngPaeth.predict(a1, b1, c1)) & 0xFF;
            a2 = (raw[i + 2] + PngPaeth.predict(a2, b2, c2)) & 0xFF;
            out[i] = (byte) a0;
            out[i + 1] = (byte) a1;
            out[i + 2] = (byte) a2;
            c0 = b0;
            c1 = b1;
            c2 = b2;
        }
    }

    static void paeth4(byte[] raw, byte[] prev, byte[] out, int off, int n) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        for (int i = off, end = off + n; i < end; i += 4) {
            int b0 = prev[i] & 0xFF;
            int b1 = prev[i + 1] & 0xFF;
            int b2 = prev[i + 2] & 0xFF;
            int b3 = prev[i + 3] & 0xFF;
            a0 = (raw[i] + PngPaeth.predict(a0, b0, c0)) & 0xFF;
            a1 = (raw[i + 1] + PngPaeth.predict(a1, b1, c1)) & 0xFF;
            a2 = (raw[i + 2] + PngPaeth.predict(a2, b2, c2)) & 0xFF;
            a3 = (raw[i + 3] + PngPaeth.predict(a3, b3, c3)) & 0xFF;
            out[i] = (byte) a0;
            out[i + 1] = (byte) a1;
            out[i + 2] = (byte) a2;
            out[i + 3] = (byte) a3;
            c0 = b0;
            c1 = b1;
            c2 = b2;
            c3 = b3;
        }
    }
}
