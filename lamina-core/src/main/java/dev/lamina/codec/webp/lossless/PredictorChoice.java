package dev.lamina.codec.webp.lossless;

/**
 * The encoder's predictor transform: for each {@code 2^bits}-square tile, the mode (among the
 * allowed ones) whose residuals cost the fewest estimated bits, where a residual's cost comes from
 * the counts of the residuals already chosen (per channel, so tiles agree on one statistics and the
 * codes stay small); then the residuals of the whole image. Neighbours are the original pixels,
 * exactly those the decoder will have rebuilt, with the format's rules at the edges.
 */
final class PredictorChoice {
    private PredictorChoice() {
    }

    /** Chooses the modes; returns the sub-image (mode in green) for the stream. */
    static int[] chooseModes(int[] argb, int width, int height, int bits, int[] modes) {
        int tilesPerRow = Vp8lConstants.subsampled(width, bits);
        int tilesHigh = Vp8lConstants.subsampled(height, bits);
        int[] result = new int[tilesPerRow * tilesHigh];
        int[][] counts = new int[4][256];
        double[][] cost = new double[4][256];
        long total = 0;
        for (int ty = 0; ty < tilesHigh; ty++) {
            for (int tx = 0; tx < tilesPerRow; tx++) {
                if ((tx & 3) == 0) {
                    refreshCosts(counts, total, cost);   // every fourth tile: the statistics move slowly
                }
                int x0 = tx << bits;
                int y0 = ty << bits;
                int x1 = Math.min(width, x0 + (1 << bits));
                int y1 = Math.min(height, y0 + (1 << bits));
                int bestMode = modes[0];
                double best = Double.MAX_VALUE;
                for (int mode : modes) {
                    double c = 0;
                    for (int y = y0; y < y1 && c < best; y++) {
                        for (int x = x0; x < x1; x++) {
                            int r = Argb.subtract(argb[y * width + x], predict(argb, width, x, y, mode));
                            c += cost[0][r >>> 24] + cost[1][(r >>> 16) & 0xff] + cost[2][(r >>> 8) & 0xff] + cost[3][r & 0xff];
                        }
                    }
                    if (c < best) {
                        best = c;
                        bestMode = mode;
                    }
                }
                result[ty * tilesPerRow + tx] = 0xff000000 | (bestMode << 8);
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int r = Argb.subtract(argb[y * width + x], predict(argb, width, x, y, bestMode));
                        counts[0][r >>> 24]++;
                        counts[1][(r >>> 16) & 0xff]++;
                        counts[2][(r >>> 8) & 0xff]++;
                        counts[3][r & 0xff]++;
                        total++;
                    }
                }
            }
        }
        return result;
    }

    /** Bits for each residual value from the counts so far (with a prior that favours small residuals). */
    private static void refreshCosts(int[][] counts, long total, double[][] cost) {
        for (int c = 0; c < 4; c++) {
            for (int v = 0; v < 256; v++) {
                int magnitude = Math.min(v, 256 - v);
                // prior: about 86 pixels' worth spread as 8/(1+|residual|): small residuals are likely
                double prior = 8.0 / (1 + magnitude);
                cost[c][v] = -Math.log((counts[c][v] + prior) / (total + 86.0)) * 1.4426950408889634;
            }
        }
    }

    /** The prediction for (x, y) under {@code mode}, with the format's edge rules. */
    static int predict(int[] argb, int width, int x, int y, int mode) {
        int i = y * width + x;
        if (y == 0) {
            return x == 0 ? Predictors.BLACK : argb[i - 1];
        }
        if (x == 0) {
            return argb[i - width];
        }
        // top-right of the last column is the first pixel of this row: the next one in memory
        return Predictors.predict(mode, argb[i - 1], argb[i - width], argb[i - width - 1], argb[i - width + 1]);
    }

    /**
     * Replaces {@code argb} by the residuals under the chosen modes, top to bottom. Unless
     * {@code exact}, a fully transparent pixel takes its prediction's colour (its residual's red,
     * green and blue are 0, the cheapest to code), as libwebp does: nobody sees it, and the pixels
     * predicted from it see the colour the decoder will have.
     */
    static void apply(int[] argb, int width, int height, int bits, int[] modeImage, boolean exact) {
        int tilesPerRow = Vp8lConstants.subsampled(width, bits);
        int[] above = new int[width];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int start = y * width;
            System.arraycopy(argb, start, row, 0, width);
            for (int x = 0; x < width; x++) {
                int prediction;
                if (y == 0) {
                    prediction = x == 0 ? Predictors.BLACK : row[x - 1];
                } else if (x == 0) {
                    prediction = above[0];
                } else {
                    int mode = (modeImage[(y >>> bits) * tilesPerRow + (x >>> bits)] >>> 8) & 0xf;
                    // the top-right of the last column is the first pixel of this row
                    int topRight = x + 1 < width ? above[x + 1] : row[0];
                    prediction = Predictors.predict(mode, row[x - 1], above[x], above[x - 1], topRight);
                }
                int residual = Argb.subtract(row[x], prediction);
                if (!exact && row[x] >>> 24 == 0) {
                    residual &= 0xff000000;
                    row[x] = prediction & 0x00ffffff;
                }
                argb[start + x] = residual;
            }
            int[] t = above;
            above = row;
            row = t;
        }
    }
}
