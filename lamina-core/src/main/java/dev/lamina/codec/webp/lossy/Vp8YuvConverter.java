package dev.lamina.codec.webp.lossy;

/**
 * RGB to the Y'CbCr 4:2:0 that VP8 codes, as libwebp's default ("fast", not sharp-YUV) import
 * does it, so that the same pixels give the same planes as {@code cwebp}: BT.601 studio-range
 * coefficients in 16-bit fixed point; each chroma sample from its 2x2 pixels averaged in a
 * gamma-0.8 light space (so that subsampling does not darken edges), the average weighted by alpha
 * where the block is partly transparent. The planes are padded to whole macroblocks by repeating
 * the last row and column.
 */
final class Vp8YuvConverter {
    private static final int YUV_FIX = 16;
    private static final int YUV_HALF = 1 << (YUV_FIX - 1);
    private static final int GAMMA_FIX = 12;
    private static final int GAMMA_TAB_FIX = 7;
    private static final int GAMMA_TAB_SIZE = 1 << (GAMMA_FIX - GAMMA_TAB_FIX);
    private static final int GAMMA_SCALE = (1 << GAMMA_FIX) - 1;
    private static final int GAMMA_TAB_SCALE = 1 << GAMMA_TAB_FIX;
    private static final int GAMMA_TAB_ROUNDER = GAMMA_TAB_SCALE >> 1;
    private static final int[] TO_LINEAR = new int[256];
    private static final int[] TO_GAMMA = new int[GAMMA_TAB_SIZE + 1];

    static {
        double scale = (double) (1 << GAMMA_TAB_FIX) / GAMMA_SCALE;
        for (int v = 0; v <= 255; v++) {
            TO_LINEAR[v] = (int) (Math.pow(v / 255.0, 0.80) * GAMMA_SCALE + .5);
        }
        for (int v = 0; v <= GAMMA_TAB_SIZE; v++) {
            TO_GAMMA[v] = (int) (255. * Math.pow(scale * v, 1. / 0.80) + .5);
        }
    }

    final int width;
    final int height;
    final int yStride;
    final int uvStride;
    final int[] y;
    final int[] u;
    final int[] v;

    private Vp8YuvConverter(int width, int height, int mbW, int mbH) {
        this.width = width;
        this.height = height;
        yStride = mbW * 16;
        uvStride = mbW * 8;
        y = new int[yStride * mbH * 16];
        u = new int[uvStride * mbH * 8];
        v = new int[uvStride * mbH * 8];
    }

    static Vp8YuvConverter convert(int[] argb, int width, int height) {
        int mbW = (width + 15) >> 4;
        int mbH = (height + 15) >> 4;
        Vp8YuvConverter p = new Vp8YuvConverter(width, height, mbW, mbH);
        for (int yy = 0; yy < height; yy++) {
            for (int x = 0; x < width; x++) {
                int c = argb[yy * width + x];
                int r = (c >> 16) & 0xff;
                int g = (c >> 8) & 0xff;
                int b = c & 0xff;
                p.y[yy * p.yStride + x] = (16839 * r + 33059 * g + 6420 * b + YUV_HALF + (16 << YUV_FIX)) >> YUV_FIX;
            }
        }
        int uvW = (width + 1) >> 1;
        int uvH = (height + 1) >> 1;
        for (int j = 0; j < uvH; j++) {
            int y0 = 2 * j;
            int y1 = Math.min(y0 + 1, height - 1);
            for (int i = 0; i < uvW; i++) {
                int x0 = 2 * i;
                int x1 = Math.min(x0 + 1, width - 1);
                int[] rgb = average(argb[y0 * width + x0], argb[y0 * width + x1], argb[y1 * width + x0], argb[y1 * width + x1]);
                p.u[j * p.uvStride + i] = clipUv(-9719 * rgb[0] - 19081 * rgb[1] + 28800 * rgb[2]);
                p.v[j * p.uvStride + i] = clipUv(28800 * rgb[0] - 24116 * rgb[1] - 4684 * rgb[2]);
            }
        }
        pad(p.y, p.yStride, width, height, mbH * 16);
        pad(p.u, p.uvStride, uvW, uvH, mbH * 8);
        pad(p.v, p.uvStride, uvW, uvH, mbH * 8);
        return p;
    }

    /**
     * The gamma-space average of four pixels' R, G, B, times 4 (libwebp's SUM4, or its alpha-weighted
     * form when the four are neither all opaque nor all transparent). At the right or bottom edge
     * the pixels passed are repeated, which gives libwebp's two-pixel average.
     */
    private static int[] average(int p0, int p1, int p2, int p3) {
        int a0 = p0 >>> 24;
        int a1 = p1 >>> 24;
        int a2 = p2 >>> 24;
        int a3 = p3 >>> 24;
        int a = a0 + a1 + a2 + a3;
        int[] out = new int[3];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            int l0 = TO_LINEAR[(p0 >> shift) & 0xff];
            int l1 = TO_LINEAR[(p1 >> shift) & 0xff];
            int l2 = TO_LINEAR[(p2 >> shift) & 0xff];
            int l3 = TO_LINEAR[(p3 >> shift) & 0xff];
            if (a == 4 * 255 || a == 0) {
                out[c] = linearToGamma(l0 + l1 + l2 + l3);
            } else {
                long sum = (long) a0 * l0 + (long) a1 * l1 + (long) a2 * l2 + (long) a3 * l3;
                out[c] = linearToGamma((int) (4 * sum / a));
            }
        }
        return out;
    }

    private static int linearToGamma(int v) {
        int tabPos = v >> (GAMMA_TAB_FIX + 2);
        int x = v & ((GAMMA_TAB_SCALE << 2) - 1);
        int v0 = TO_GAMMA[tabPos];
        int v1 = TO_GAMMA[Math.min(tabPos + 1, GAMMA_TAB_SIZE)];
        int y = v1 * x + v0 * ((GAMMA_TAB_SCALE << 2) - x);
        return (y + GAMMA_TAB_ROUNDER) >> GAMMA_TAB_FIX;
    }

    private static int clipUv(int uv) {
        int r = (uv + (YUV_HALF << 2) + (128 << (YUV_FIX + 2))) >> (YUV_FIX + 2);
        return r < 0 ? 0 : Math.min(r, 255);
    }

    private static void pad(int[] plane, int stride, int w, int h, int rows) {
        for (int yy = 0; yy < h; yy++) {
            int last = plane[yy * stride + w - 1];
            for (int x = w; x < stride; x++) {
                plane[yy * stride + x] = last;
            }
        }
        for (int yy = h; yy < rows; yy++) {
            System.arraycopy(plane, (h - 1) * stride, plane, yy * stride, stride);
        }
    }
}
