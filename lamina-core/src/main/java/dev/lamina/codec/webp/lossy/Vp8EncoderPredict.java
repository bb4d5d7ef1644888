package dev.lamina.codec.webp.lossy;

/**
 * The intra predictions of RFC 6386 section 12, for the encoder: 16x16 luma and 8x8 chroma in
 * four modes (DC, TM, VE, HE, libwebp's numbering 0-3), 4x4 luma in ten (DC, TM, VE, HE, RD, VR,
 * LD, VL, HD, HU, 0-9). They must equal the decoder's exactly: the encoder reconstructs from them.
 */
final class Vp8EncoderPredict {
    private Vp8EncoderPredict() {
    }

    /** 16x16 luma prediction into {@code dst} (stride 16). */
    static void luma16(Vp8MacroblockContext c, int mode, int[] dst) {
        block(c.topY, c.leftY, c.hasTop, c.hasLeft, 16, mode, dst);
    }

    /** 8x8 chroma predictions (stride 8). */
    static void chroma8(Vp8MacroblockContext c, int mode, int[] dstU, int[] dstV) {
        block(c.topU, c.leftU, c.hasTop, c.hasLeft, 8, mode, dstU);
        block(c.topV, c.leftV, c.hasTop, c.hasLeft, 8, mode, dstV);
    }

    private static void block(int[] top, int[] left, boolean hasTop, boolean hasLeft, int size, int mode, int[] dst) {
        switch (mode) {
            case 0 -> {
                int shift = size == 16 ? 4 : 3;
                int dc;
                if (hasTop && hasLeft) {
                    int s = 0;
                    for (int i = 0; i < size; i++) {
                        s += top[1 + i] + left[i];
                    }
                    dc = (s + size) >> (shift + 1);
                } else if (hasTop) {
                    int s = 0;
                    for (int i = 0; i < size; i++) {
                        s += top[1 + i];
                    }
                    dc = (s + (size >> 1)) >> shift;
                } else if (hasLeft) {
                    int s = 0;
                    for (int i = 0; i < size; i++) {
                        s += left[i];
                    }
                    dc = (s + (size >> 1)) >> shift;
                } else {
                    dc = 128;
                }
                java.util.Arrays.fill(dst, 0, size * size, dc);
            }
            case 1 -> {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        dst[y * size + x] = Vp8EncoderDsp.clip8(left[y] + top[1 + x] - top[0]);
                    }
                }
            }
            case 2 -> {
                for (int y = 0; y < size; y++) {
                    System.arraycopy(top, 1, dst, y * size, size);
                }
            }
            default -> {
                for (int y = 0; y < size; y++) {
                    java.util.Arrays.fill(dst, y * size, y * size + size, left[y]);
                }
            }
        }
    }

    private static int avg3(int a, int b, int c) {
        return (a + 2 * b + c + 2) >> 2;
    }

    private static int avg2(int a, int b) {
        return (a + b + 1) >> 1;
    }

    /**
     * A 4x4 prediction into {@code p} (16 samples, row by row). {@code e} holds the edge as libwebp
     * lays it out: e[0..3] the left column bottom to top (L, K, J, I), e[4] the corner X, e[5..12]
     * the eight samples above and above-right (A to H).
     */
    static void luma4(int[] e, int mode, int[] p) {
        int l = e[0];
        int k = e[1];
        int j = e[2];
        int i = e[3];
        int x = e[4];
        int a = e[5];
        int b = e[6];
        int c = e[7];
        int d = e[8];
        int ee = e[9];
        int f = e[10];
        int g = e[11];
        int h = e[12];
        switch (mode) {
            case 0 -> java.util.Arrays.fill(p, 0, 16, (4 + a + b + c + d + i + j + k + l) >> 3);
            case 1 -> {
                for (int yy = 0; yy < 4; yy++) {
                    int left = e[3 - yy];
                    for (int xx = 0; xx < 4; xx++) {
                        p[yy * 4 + xx] = Vp8EncoderDsp.clip8(left + e[5 + xx] - x);
                    }
                }
            }
            case 2 -> {
                int v0 = avg3(x, a, b);
                int v1 = avg3(a, b, c);
                int v2 = avg3(b, c, d);
                int v3 = avg3(c, d, ee);
                for (int yy = 0; yy < 16; yy += 4) {
                    p[yy] = v0;
                    p[yy + 1] = v1;
                    p[yy + 2] = v2;
                    p[yy + 3] = v3;
                }
            }
            case 3 -> {
                java.util.Arrays.fill(p, 0, 4, avg3(x, i, j));
                java.util.Arrays.fill(p, 4, 8, avg3(i, j, k));
                java.util.Arrays.fill(p, 8, 12, avg3(j, k, l));
                java.util.Arrays.fill(p, 12, 16, avg3(k, l, l));
            }
            case 4 -> {   // RD
                p[12] = avg3(j, k, l);
                p[8] = p[13] = avg3(i, j, k);
                p[4] = p[9] = p[14] = avg3(x, i, j);
                p[0] = p[5] = p[10] = p[15] = avg3(a, x, i);
                p[1] = p[6] = p[11] = avg3(b, a, x);
                p[2] = p[7] = avg3(c, b, a);
                p[3] = avg3(d, c, b);
            }
            case 5 -> {   // VR
                p[0] = p[9] = avg2(x, a);
                p[1] = p[10] = avg2(a, b);
                p[2] = p[11] = avg2(b, c);
                p[3] = avg2(c, d);
                p[12] = avg3(k, j, i);
                p[8] = avg3(j, i, x);
                p[4] = p[13] = avg3(i, x, a);
                p[5] = p[14] = avg3(x, a, b);
                p[6] = p[15] = avg3(a, b, c);
                p[7] = avg3(b, c, d);
            }
            case 6 -> {   // LD
                p[0] = avg3(a, b, c);
                p[1] = p[4] = avg3(b, c, d);
                p[2] = p[5] = p[8] = avg3(c, d, ee);
                p[3] = p[6] = p[9] = p[12] = avg3(d, ee, f);
                p[7] = p[10] = p[13] = avg3(ee, f, g);
                p[11] = p[14] = avg3(f, g, h);
                p[15] = avg3(g, h, h);
            }
            case 7 -> {   // VL
                p[0] = avg2(a, b);
                p[1] = p[8] = avg2(b, c);
                p[2] = p[9] = avg2(c, d);
                p[3] = p[10] = avg2(d, ee);
                p[4] = avg3(a, b, c);
                p[5] = p[12] = avg3(b, c, d);
                p[6] = p[13] = avg3(c, d, ee);
                p[7] = p[14] = avg3(d, ee, f);
                p[11] = avg3(ee, f, g);
                p[15] = avg3(f, g, h);
            }
            case 8 -> {   // HD
                p[0] = p[6] = avg2(i, x);
                p[4] = p[10] = avg2(j, i);
                p[8] = p[14] = avg2(k, j);
                p[12] = avg2(l, k);
                p[3] = avg3(a, b, c);
                p[2] = avg3(x, a, b);
                p[1] = p[7] = avg3(i, x, a);
                p[5] = p[11] = avg3(j, i, x);
                p[9] = p[15] = avg3(k, j, i);
                p[13] = avg3(l, k, j);
            }
            default -> {  // HU
                p[0] = avg2(i, j);
                p[2] = p[4] = avg2(j, k);
                p[6] = p[8] = avg2(k, l);
                p[1] = avg3(i, j, k);
                p[3] = p[5] = avg3(j, k, l);
                p[7] = p[9] = avg3(k, l, l);
                p[11] = p[10] = p[12] = p[13] = p[14] = p[15] = l;
            }
        }
    }
}
