package dev.lamina.codec.webp.lossless;

/**
 * The encoder's cross-colour transform: per {@code 2^bits}-square tile, the multipliers
 * green_to_red, then green_to_blue and red_to_blue, that make the tile's red and blue residuals
 * cheapest (Shannon bits of the tile's histogram, with a small bonus for repeating the tile to the
 * left's value, which codes the sub-image more cheaply). The search is coarse to fine over the
 * signed byte range.
 */
final class CrossColourChoice {
    private CrossColourChoice() {
    }

    static int[] choose(int[] argb, int width, int height, int bits, int step) {
        int tilesPerRow = Vp8lConstants.subsampled(width, bits);
        int tilesHigh = Vp8lConstants.subsampled(height, bits);
        int[] result = new int[tilesPerRow * tilesHigh];
        int[] hist = new int[256];   // left empty after every cost evaluation
        int[] touched = new int[256];
        int prevG2r = 0;
        int prevG2b = 0;
        int prevR2b = 0;
        for (int ty = 0; ty < tilesHigh; ty++) {
            for (int tx = 0; tx < tilesPerRow; tx++) {
                int x0 = tx << bits;
                int y0 = ty << bits;
                int x1 = Math.min(width, x0 + (1 << bits));
                int y1 = Math.min(height, y0 + (1 << bits));
                int g2r = search(argb, width, x0, y0, x1, y1, hist, touched, step, prevG2r, GREEN_TO_RED, 0);
                int g2b = search(argb, width, x0, y0, x1, y1, hist, touched, step, prevG2b, GREEN_TO_BLUE, 0);
                int r2b = search(argb, width, x0, y0, x1, y1, hist, touched, step, prevR2b, RED_TO_BLUE, g2b);
                prevG2r = g2r;
                prevG2b = g2b;
                prevR2b = r2b;
                result[ty * tilesPerRow + tx] = 0xff000000 | ((r2b & 0xff) << 16) | ((g2b & 0xff) << 8) | (g2r & 0xff);
            }
        }
        return result;
    }

    private static final int GREEN_TO_RED = 0;
    private static final int GREEN_TO_BLUE = 1;
    private static final int RED_TO_BLUE = 2;

    /** The best value of one multiplier ({@code which}); green_to_blue is {@code g2b} when red_to_blue is searched. */
    private static int search(int[] argb, int width, int x0, int y0, int x1, int y1, int[] hist, int[] touched, int step, int prev,
                              int which, int g2b) {
        int best = 0;
        double bestCost = Double.MAX_VALUE;
        for (int s = step; s >= 1; s /= 2) {
            int centre = best;
            for (int d = -s * 2; d <= s * 2; d += s) {
                int m = centre + d;
                if ((d == 0 && s != step) || m < -128 || m > 127) {
                    continue;
                }
                double c = switch (which) {
                    case GREEN_TO_RED -> costOf(argb, width, x0, y0, x1, y1, hist, touched, m, 0, 0, true);
                    case GREEN_TO_BLUE -> costOf(argb, width, x0, y0, x1, y1, hist, touched, 0, m, 0, false);
                    default -> costOf(argb, width, x0, y0, x1, y1, hist, touched, 0, g2b, m, false);
                } - bonus(m, prev);
                if (c < bestCost) {
                    bestCost = c;
                    best = m;
                }
            }
        }
        return best;
    }

    private static double bonus(int m, int prev) {
        return m == prev ? 3 : 0;
    }

    /** Shannon bits of the tile's transformed red (or blue) channel. */
    private static double costOf(int[] argb, int width, int x0, int y0, int x1, int y1, int[] hist, int[] touched,
                                 int g2r, int g2b, int r2b, boolean red) {
        int used = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = argb[y * width + x];
                int green = (byte) (p >>> 8);
                int v;
                if (red) {
                    v = ((p >>> 16) - ((g2r * green) >> 5)) & 0xff;
                } else {
                    int r = (byte) (p >>> 16);
                    v = (p - ((g2b * green) >> 5) - ((r2b * r) >> 5)) & 0xff;
                }
                if (hist[v]++ == 0) {
                    touched[used++] = v;
                }
                n++;
            }
        }
        double sum = 0;
        for (int k = 0; k < used; k++) {
            int c = hist[touched[k]];
            sum += c * Histograms.log2(c);
            hist[touched[k]] = 0;   // leave the histogram empty for the next evaluation
        }
        return n * Histograms.log2(n) - sum;
    }

    /** Replaces {@code argb} by its cross-colour transform under the chosen multipliers. */
    static void apply(int[] argb, int width, int height, int bits, int[] multipliers) {
        int tilesPerRow = Vp8lConstants.subsampled(width, bits);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int m = multipliers[(y >>> bits) * tilesPerRow + (x >>> bits)];
                int g2r = (byte) m;
                int g2b = (byte) (m >>> 8);
                int r2b = (byte) (m >>> 16);
                int i = y * width + x;
                int p = argb[i];
                int green = (byte) (p >>> 8);
                int red = (byte) (p >>> 16);
                int newRed = ((p >>> 16) - ((g2r * green) >> 5)) & 0xff;
                int newBlue = (p - ((g2b * green) >> 5) - ((r2b * red) >> 5)) & 0xff;
                argb[i] = (p & 0xff00ff00) | (newRed << 16) | newBlue;
            }
        }
    }
}
