package dev.lamina.codec.webp.lossy;

import static dev.lamina.codec.webp.lossy.Vp8Idct.BPS;

/**
 * VP8's intra predictors (RFC 6386, section 12) as libwebp computes them ({@code src/dsp/dec.c}):
 * they read the row above and the column to the left of the block in the work buffer (stride
 * {@link Vp8Idct#BPS}), which the decoder fills with the neighbours or with VP8's edge values
 * (127 above the image, 129 left of it).
 *
 * <p>Mode numbers: 4x4 blocks 0 DC, 1 TM, 2 VE, 3 HE, 4 RD, 5 VR, 6 LD, 7 VL, 8 HD, 9 HU; 16x16
 * and chroma 0 DC, 1 TM, 2 V, 3 H, and for DC at the image's edges 4 (no top), 5 (no left), 6
 * (neither).
 */
final class Vp8Intra {
    static final int DC_NO_TOP = 4;
    static final int DC_NO_LEFT = 5;
    static final int DC_NO_TOP_LEFT = 6;

    private Vp8Intra() {
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static byte avg3(int a, int b, int c) {
        return (byte) ((a + 2 * b + c + 2) >> 2);
    }

    private static byte avg2(int a, int b) {
        return (byte) ((a + b + 1) >> 1);
    }

    private static void fill(byte[] b, int at, int size, int v) {
        for (int j = 0; j < size; j++) {
            java.util.Arrays.fill(b, at + j * BPS, at + j * BPS + size, (byte) v);
        }
    }

    /** TM: left + above - above-left, clamped. */
    private static void trueMotion(byte[] b, int at, int size) {
        int topLeft = u(b, at - BPS - 1);
        for (int y = 0; y < size; y++) {
            int row = at + y * BPS;
            int left = u(b, row - 1) - topLeft;
            for (int x = 0; x < size; x++) {
                int v = left + u(b, at - BPS + x);
                b[row + x] = (byte) (v < 0 ? 0 : Math.min(v, 255));
            }
        }
    }

    private static void vertical(byte[] b, int at, int size) {
        for (int j = 0; j < size; j++) {
            System.arraycopy(b, at - BPS, b, at + j * BPS, size);
        }
    }

    private static void horizontal(byte[] b, int at, int size) {
        for (int j = 0; j < size; j++) {
            int row = at + j * BPS;
            java.util.Arrays.fill(b, row, row + size, b[row - 1]);
        }
    }

    /** 16x16 luma or 8x8 chroma prediction ({@code size} 16 or 8; {@code shift} log2(size)). */
    static void predictBlock(byte[] b, int at, int mode, int size) {
        int shift = size == 16 ? 4 : 3;
        switch (mode) {
            case 0 -> {
                int dc = size;
                for (int j = 0; j < size; j++) {
                    dc += u(b, at - 1 + j * BPS) + u(b, at + j - BPS);
                }
                fill(b, at, size, dc >> (shift + 1));
            }
            case 1 -> trueMotion(b, at, size);
            case 2 -> vertical(b, at, size);
            case 3 -> horizontal(b, at, size);
            case DC_NO_TOP -> {
                int dc = size >> 1;
                for (int j = 0; j < size; j++) {
                    dc += u(b, at - 1 + j * BPS);
                }
                fill(b, at, size, dc >> shift);
            }
            case DC_NO_LEFT -> {
                int dc = size >> 1;
                for (int i = 0; i < size; i++) {
                    dc += u(b, at + i - BPS);
                }
                fill(b, at, size, dc >> shift);
            }
            case DC_NO_TOP_LEFT -> fill(b, at, size, 0x80);
            default -> throw new IllegalArgumentException("mode " + mode);
        }
    }

    /** 4x4 luma sub-block prediction. */
    static void predict4(byte[] b, int at, int mode) {
        int top = at - BPS;
        switch (mode) {
            case 0 -> {
                int dc = 4;
                for (int i = 0; i < 4; i++) {
                    dc += u(b, top + i) + u(b, at - 1 + i * BPS);
                }
                fill(b, at, 4, dc >> 3);
            }
            case 1 -> trueMotion(b, at, 4);
            case 2 -> {   // VE: smoothed row above
                byte v0 = avg3(u(b, top - 1), u(b, top), u(b, top + 1));
                byte v1 = avg3(u(b, top), u(b, top + 1), u(b, top + 2));
                byte v2 = avg3(u(b, top + 1), u(b, top + 2), u(b, top + 3));
                byte v3 = avg3(u(b, top + 2), u(b, top + 3), u(b, top + 4));
                for (int j = 0; j < 4; j++) {
                    int r = at + j * BPS;
                    b[r] = v0;
                    b[r + 1] = v1;
                    b[r + 2] = v2;
                    b[r + 3] = v3;
                }
            }
            case 3 -> {   // HE: smoothed column to the left
                int a = u(b, at - 1 - BPS);
                int bb = u(b, at - 1);
                int c = u(b, at - 1 + BPS);
                int d = u(b, at - 1 + 2 * BPS);
                int e = u(b, at - 1 + 3 * BPS);
                java.util.Arrays.fill(b, at, at + 4, avg3(a, bb, c));
                java.util.Arrays.fill(b, at + BPS, at + BPS + 4, avg3(bb, c, d));
                java.util.Arrays.fill(b, at + 2 * BPS, at + 2 * BPS + 4, avg3(c, d, e));
                java.util.Arrays.fill(b, at + 3 * BPS, at + 3 * BPS + 4, avg3(d, e, e));
            }
            case 4 -> rd4(b, at);
            case 5 -> vr4(b, at);
            case 6 -> ld4(b, at);
            case 7 -> vl4(b, at);
            case 8 -> hd4(b, at);
            case 9 -> hu4(b, at);
            default -> throw new IllegalArgumentException("mode " + mode);
        }
    }

    private static void set(byte[] b, int at, int x, int y, byte v) {
        b[at + x + y * BPS] = v;
    }

    private static void rd4(byte[] b, int at) {
        int i = u(b, at - 1);
        int j = u(b, at - 1 + BPS);
        int k = u(b, at - 1 + 2 * BPS);
        int l = u(b, at - 1 + 3 * BPS);
        int x = u(b, at - 1 - BPS);
        int a = u(b, at - BPS);
        int bb = u(b, at + 1 - BPS);
        int c = u(b, at + 2 - BPS);
        int d = u(b, at + 3 - BPS);
        set(b, at, 0, 3, avg3(j, k, l));
        byte v = avg3(i, j, k);
        set(b, at, 1, 3, v);
        set(b, at, 0, 2, v);
        v = avg3(x, i, j);
        set(b, at, 2, 3, v);
        set(b, at, 1, 2, v);
        set(b, at, 0, 1, v);
        v = avg3(a, x, i);
        set(b, at, 3, 3, v);
        set(b, at, 2, 2, v);
        set(b, at, 1, 1, v);
        set(b, at, 0, 0, v);
        v = avg3(bb, a, x);
        set(b, at, 3, 2, v);
        set(b, at, 2, 1, v);
        set(b, at, 1, 0, v);
        v = avg3(c, bb, a);
        set(b, at, 3, 1, v);
        set(b, at, 2, 0, v);
        set(b, at, 3, 0, avg3(d, c, bb));
    }

    private static void ld4(byte[] b, int at) {
        int a = u(b, at - BPS);
        int bb = u(b, at + 1 - BPS);
        int c = u(b, at + 2 - BPS);
        int d = u(b, at + 3 - BPS);
        int e = u(b, at + 4 - BPS);
        int f = u(b, at + 5 - BPS);
        int g = u(b, at + 6 - BPS);
        int h = u(b, at + 7 - BPS);
        set(b, at, 0, 0, avg3(a, bb, c));
        byte v = avg3(bb, c, d);
        set(b, at, 1, 0, v);
        set(b, at, 0, 1, v);
        v = avg3(c, d, e);
        set(b, at, 2, 0, v);
        set(b, at, 1, 1, v);
        set(b, at, 0, 2, v);
        v = avg3(d, e, f);
        set(b, at, 3, 0, v);
        set(b, at, 2, 1, v);
        set(b, at, 1, 2, v);
        set(b, at, 0, 3, v);
        v = avg3(e, f, g);
        set(b, at, 3, 1, v);
        set(b, at, 2, 2, v);
        set(b, at, 1, 3, v);
        v = avg3(f, g, h);
        set(b, at, 3, 2, v);
        set(b, at, 2, 3, v);
        set(b, at, 3, 3, avg3(g, h, h));
    }

    private static void vr4(byte[] b, int at) {
        int i = u(b, at - 1);
        int j = u(b, at - 1 + BPS);
        int k = u(b, at - 1 + 2 * BPS);
        int x = u(b, at - 1 - BPS);
        int a = u(b, at - BPS);
        int bb = u(b, at + 1 - BPS);
        int c = u(b, at + 2 - BPS);
        int d = u(b, at + 3 - BPS);
        byte v = avg2(x, a);
        set(b, at, 0, 0, v);
        set(b, at, 1, 2, v);
        v = avg2(a, bb);
        set(b, at, 1, 0, v);
        set(b, at, 2, 2, v);
        v = avg2(bb, c);
        set(b, at, 2, 0, v);
        set(b, at, 3, 2, v);
        set(b, at, 3, 0, avg2(c, d));
        set(b, at, 0, 3, avg3(k, j, i));
        set(b, at, 0, 2, avg3(j, i, x));
        v = avg3(i, x, a);
        set(b, at, 0, 1, v);
        set(b, at, 1, 3, v);
        v = avg3(x, a, bb);
        set(b, at, 1, 1, v);
        set(b, at, 2, 3, v);
        v = avg3(a, bb, c);
        set(b, at, 2, 1, v);
        set(b, at, 3, 3, v);
        set(b, at, 3, 1, avg3(bb, c, d));
    }

    private static void vl4(byte[] b, int at) {
        int a = u(b, at - BPS);
        int bb = u(b, at + 1 - BPS);
        int c = u(b, at + 2 - BPS);
        int d = u(b, at + 3 - BPS);
        int e = u(b, at + 4 - BPS);
        int f = u(b, at + 5 - BPS);
        int g = u(b, at + 6 - BPS);
        int h = u(b, at + 7 - BPS);
        set(b, at, 0, 0, avg2(a, bb));
        byte v = avg2(bb, c);
        set(b, at, 1, 0, v);
        set(b, at, 0, 2, v);
        v = avg2(c, d);
        set(b, at, 2, 0, v);
        set(b, at, 1, 2, v);
        v = avg2(d, e);
        set(b, at, 3, 0, v);
        set(b, at, 2, 2, v);
        set(b, at, 0, 1, avg3(a, bb, c));
        v = avg3(bb, c, d);
        set(b, at, 1, 1, v);
        set(b, at, 0, 3, v);
        v = avg3(c, d, e);
        set(b, at, 2, 1, v);
        set(b, at, 1, 3, v);
        v = avg3(d, e, f);
        set(b, at, 3, 1, v);
        set(b, at, 2, 3, v);
        set(b, at, 3, 2, avg3(e, f, g));
        set(b, at, 3, 3, avg3(f, g, h));
    }

    private static void hu4(byte[] b, int at) {
        int i = u(b, at - 1);
        int j = u(b, at - 1 + BPS);
        int k = u(b, at - 1 + 2 * BPS);
        int l = u(b, at - 1 + 3 * BPS);
        set(b, at, 0, 0, avg2(i, j));
        byte v = avg2(j, k);
        set(b, at, 2, 0, v);
        set(b, at, 0, 1, v);
        v = avg2(k, l);
        set(b, at, 2, 1, v);
        set(b, at, 0, 2, v);
        set(b, at, 1, 0, avg3(i, j, k));
        v = avg3(j, k, l);
        set(b, at, 3, 0, v);
        set(b, at, 1, 1, v);
        v = avg3(k, l, l);
        set(b, at, 3, 1, v);
        set(b, at, 1, 2, v);
        byte lb = (byte) l;
        set(b, at, 3, 2, lb);
        set(b, at, 2, 2, lb);
        set(b, at, 0, 3, lb);
        set(b, at, 1, 3, lb);
        set(b, at, 2, 3, lb);
        set(b, at, 3, 3, lb);
    }

    private static void hd4(byte[] b, int at) {
        int i = u(b, at - 1);
        int j = u(b, at - 1 + BPS);
        int k = u(b, at - 1 + 2 * BPS);
        int l = u(b, at - 1 + 3 * BPS);
        int x = u(b, at - 1 - BPS);
        int a = u(b, at - BPS);
        int bb = u(b, at + 1 - BPS);
        int c = u(b, at + 2 - BPS);
        byte v = avg2(i, x);
        set(b, at, 0, 0, v);
        set(b, at, 2, 1, v);
        v = avg2(j, i);
        set(b, at, 0, 1, v);
        set(b, at, 2, 2, v);
        v = avg2(k, j);
        set(b, at, 0, 2, v);
        set(b, at, 2, 3, v);
        set(b, at, 0, 3, avg2(l, k));
        set(b, at, 3, 0, avg3(a, bb, c));
        set(b, at, 2, 0, avg3(x, a, bb));
        v = avg3(i, x, a);
        set(b, at, 1, 0, v);
        set(b, at, 3, 1, v);
        v = avg3(j, i, x);
        set(b, at, 1, 1, v);
        set(b, at, 3, 2, v);
        v = avg3(k, j, i);
        set(b, at, 1, 2, v);
        set(b, at, 3, 3, v);
        set(b, at, 1, 3, avg3(l, k, j));
    }
}
