package dev.lamina.codec.jpeg;

/**
 * The frame an encode writes: components, sampling, MCU grid, and for each component the blocks
 * that hold image data ({@code widthInBlocks x heightInBlocks}, as libjpeg counts them) inside the
 * MCU-padded grid ({@code blocksW x mcusY * v}).
 */
final class EncoderLayout {
    final int width;
    final int height;
    final int components;
    final int[] h;
    final int[] v;
    final int hmax;
    final int vmax;
    final int mcusX;
    final int mcusY;
    final int[] blocksW;
    final int[] widthInBlocks;
    final int[] heightInBlocks;

    EncoderLayout(int width, int height, boolean grey, boolean subsample420) {
        this.width = width;
        this.height = height;
        this.components = grey ? 1 : 3;
        h = new int[components];
        v = new int[components];
        for (int c = 0; c < components; c++) {
            h[c] = c == 0 && subsample420 && !grey ? 2 : 1;
            v[c] = h[c];
        }
        hmax = h[0];
        vmax = v[0];
        mcusX = JpegFrame.ceilDiv(width, 8 * hmax);
        mcusY = JpegFrame.ceilDiv(height, 8 * vmax);
        blocksW = new int[components];
        widthInBlocks = new int[components];
        heightInBlocks = new int[components];
        for (int c = 0; c < components; c++) {
            blocksW[c] = mcusX * h[c];
            widthInBlocks[c] = JpegFrame.ceilDiv(JpegFrame.ceilDiv(width * h[c], hmax), 8);
            heightInBlocks[c] = JpegFrame.ceilDiv(JpegFrame.ceilDiv(height * v[c], vmax), 8);
        }
    }

    /** Blocks of all components, padded to whole MCUs: what a whole-image coefficient buffer holds. */
    long totalBlocks() {
        long total = 0;
        for (int c = 0; c < components; c++) {
            total += (long) blocksW[c] * mcusY * v[c];
        }
        return total;
    }

    /** Rows of one iMCU row: 16 for 4:2:0, else 8. */
    int imcuHeight() {
        return 8 * vmax;
    }
}
