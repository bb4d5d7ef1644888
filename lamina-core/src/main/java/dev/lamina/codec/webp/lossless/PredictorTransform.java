package dev.lamina.codec.webp.lossless;

/**
 * Inverse predictor transform (RFC 9649, 4.1): each pixel is its residual plus a prediction from
 * the pixels already decoded, the mode chosen per {@code 2^bits}-square tile from the green byte
 * of the sub-image. The top row predicts from the left (its first pixel from opaque black), the
 * left column from the top, and the rightmost pixel's top-right neighbour is the leftmost pixel of
 * the current row (the pixel that follows the top row in memory, as libwebp reads it).
 */
final class PredictorTransform implements InverseTransform {
    private final int width;
    private final int bits;
    private final int tilesPerRow;
    private final int[] modes;
    private int[] previous;
    private int[] current;

    PredictorTransform(int width, int bits, int[] modes) {
        this.width = width;
        this.bits = bits;
        this.tilesPerRow = Vp8lConstants.subsampled(width, bits);
        this.modes = modes;
        this.previous = new int[width];
        this.current = new int[width];
    }

    @Override
    public int inWidth() {
        return width;
    }

    @Override
    public int[] apply(int[] in, int y) {
        int[] out = previous;   // the row before last is no longer needed: reuse it
        int[] top = current;
        if (y == 0) {
            out[0] = Argb.add(in[0], Predictors.BLACK);
            for (int x = 1; x < width; x++) {
                out[x] = Argb.add(in[x], out[x - 1]);
            }
        } else {
            out[0] = Argb.add(in[0], top[0]);
            int tileRow = (y >>> bits) * tilesPerRow;
            int x = 1;
            while (x < width) {
                int mode = (modes[tileRow + (x >>> bits)] >>> 8) & 0xf;
                int end = Math.min(width, ((x >>> bits) + 1) << bits);
                addPredicted(mode, in, top, out, x, end);
                x = end;
            }
        }
        previous = top;
        current = out;
        return out;
    }

    private void addPredicted(int mode, int[] in, int[] top, int[] out, int from, int to) {
        switch (mode) {
            case 1 -> {
                int left = out[from - 1];
                for (int x = from; x < to; x++) {
                    out[x] = left = Argb.add(in[x], left);
                }
            }
            case 2 -> {
                for (int x = from; x < to; x++) {
                    out[x] = Argb.add(in[x], top[x]);
                }
            }
            default -> {
                int last = width - 1;
                for (int x = from; x < to; x++) {
                    int tr = x < last ? top[x + 1] : out[0];
                    out[x] = Argb.add(in[x], Predictors.predict(mode, out[x - 1], top[x], top[x - 1], tr));
                }
            }
        }
    }
}
