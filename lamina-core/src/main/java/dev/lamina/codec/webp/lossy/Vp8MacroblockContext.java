package dev.lamina.codec.webp.lossy;

/**
 * One macroblock's source samples and the neighbouring samples it is predicted from, with the
 * values the VP8 decoder assumes outside the frame: 127 above the top row (the top-left corner
 * included), 129 left of the left column (and at the top-left corner below the first row), the
 * above-right samples of the rightmost macroblock repeated from the last one above.
 */
final class Vp8MacroblockContext {
    final int[] srcY = new int[256];
    final int[] srcU = new int[64];
    final int[] srcV = new int[64];
    /** [0] the top-left corner, [1..16] the row above, [17..20] the four above-right. */
    final int[] topY = new int[21];
    final int[] leftY = new int[16];
    /** [0] the corner, [1..8] the row above. */
    final int[] topU = new int[9];
    final int[] topV = new int[9];
    final int[] leftU = new int[8];
    final int[] leftV = new int[8];
    boolean hasTop;
    boolean hasLeft;
    int mx;
    int my;

    /** Loads the source block at (mx, my) from {@code yuv} and its edges from the given planes. */
    void load(Vp8YuvConverter yuv, int[] y, int[] u, int[] v, int mx, int my, int mbW) {
        this.mx = mx;
        this.my = my;
        hasTop = my > 0;
        hasLeft = mx > 0;
        int ys = yuv.yStride;
        int us = yuv.uvStride;
        int y0 = my * 16 * ys + mx * 16;
        for (int j = 0; j < 16; j++) {
            System.arraycopy(yuv.y, y0 + j * ys, srcY, j * 16, 16);
        }
        int c0 = my * 8 * us + mx * 8;
        for (int j = 0; j < 8; j++) {
            System.arraycopy(yuv.u, c0 + j * us, srcU, j * 8, 8);
            System.arraycopy(yuv.v, c0 + j * us, srcV, j * 8, 8);
        }
        edges(y, ys, y0, 16, topY, leftY, mx == mbW - 1, true);
        edges(u, us, c0, 8, topU, leftU, false, false);
        edges(v, us, c0, 8, topV, leftV, false, false);
    }

    private void edges(int[] plane, int stride, int origin, int size, int[] top, int[] left, boolean lastColumn, boolean luma) {
        if (hasTop) {
            int above = origin - stride;
            top[0] = hasLeft ? plane[above - 1] : 129;
            System.arraycopy(plane, above, top, 1, size);
            if (luma) {
                for (int i = 0; i < 4; i++) {
                    top[17 + i] = lastColumn ? plane[above + 15] : plane[above + 16 + i];
                }
            }
        } else {
            java.util.Arrays.fill(top, 127);
        }
        if (hasLeft) {
            for (int j = 0; j < size; j++) {
                left[j] = plane[origin + j * stride - 1];
            }
        } else {
            java.util.Arrays.fill(left, 129);
        }
    }
}
