package dev.lamina.codec.webp.lossless;

/**
 * The 14 predictors of the predictor transform (RFC 9649, 4.1), exactly as libwebp computes
 * them ({@code src/dsp/lossless.c}): averages truncate per channel, "select" compares the summed
 * absolute differences, the clamped forms clip each channel to 0..255. Modes 14 and 15 do not
 * exist in the format; libwebp predicts them as mode 0 (opaque black), and so do we.
 */
final class Predictors {
    static final int BLACK = 0xff000000;

    private Predictors() {
    }

    /** The prediction for a pixel with left {@code l}, top {@code t}, top-left {@code tl}, top-right {@code tr}. */
    static int predict(int mode, int l, int t, int tl, int tr) {
        return switch (mode) {
            case 1 -> l;
            case 2 -> t;
            case 3 -> tr;
            case 4 -> tl;
            case 5 -> average2(average2(l, tr), t);
            case 6 -> average2(l, tl);
            case 7 -> average2(l, t);
            case 8 -> average2(tl, t);
            case 9 -> average2(t, tr);
            case 10 -> average2(average2(l, tl), average2(t, tr));
            case 11 -> select(t, l, tl);
            case 12 -> clampedAddSubtractFull(l, t, tl);
            case 13 -> clampedAddSubtractHalf(l, t, tl);
            default -> BLACK;
        };
    }

    static int average2(int a, int b) {
        return (((a ^ b) & 0xfefefefe) >>> 1) + (a & b);
    }

    /** Returns {@code a} (the top) or {@code b} (the left), as the spec's Select with libwebp's operand order. */
    static int select(int a, int b, int c) {
        int paMinusPb = sub3(a >>> 24, b >>> 24, c >>> 24)
                + sub3((a >>> 16) & 0xff, (b >>> 16) & 0xff, (c >>> 16) & 0xff)
                + sub3((a >>> 8) & 0xff, (b >>> 8) & 0xff, (c >>> 8) & 0xff)
                + sub3(a & 0xff, b & 0xff, c & 0xff);
        return paMinusPb <= 0 ? a : b;
    }

    private static int sub3(int a, int b, int c) {
        return Math.abs(b - c) - Math.abs(a - c);
    }

    private static int clip255(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    static int clampedAddSubtractFull(int c0, int c1, int c2) {
        int a = clip255((c0 >>> 24) + (c1 >>> 24) - (c2 >>> 24));
        int r = clip255(((c0 >>> 16) & 0xff) + ((c1 >>> 16) & 0xff) - ((c2 >>> 16) & 0xff));
        int g = clip255(((c0 >>> 8) & 0xff) + ((c1 >>> 8) & 0xff) - ((c2 >>> 8) & 0xff));
        int b = clip255((c0 & 0xff) + (c1 & 0xff) - (c2 & 0xff));
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    static int clampedAddSubtractHalf(int c0, int c1, int c2) {
        int ave = average2(c0, c1);
        int a = half(ave >>> 24, c2 >>> 24);
        int r = half((ave >>> 16) & 0xff, (c2 >>> 16) & 0xff);
        int g = half((ave >>> 8) & 0xff, (c2 >>> 8) & 0xff);
        int b = half(ave & 0xff, c2 & 0xff);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** {@code a + (a - b) / 2} clipped, the division truncating toward zero as in C. */
    private static int half(int a, int b) {
        return clip255(a + (a - b) / 2);
    }
}
