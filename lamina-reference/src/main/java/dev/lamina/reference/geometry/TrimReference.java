package dev.lamina.reference.geometry;

import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.ReferenceSamples;

import java.util.Arrays;

/**
 * Trim by definition: each pixel's colour flattened onto the background colour by its alpha,
 * every band's 3x3 median (edge pixels repeated, found by sorting the nine values) unless line
 * art, a pixel is content when any band is more than {@code threshold} (8-bit units, 1e-7
 * tolerance) from the background; the bounding box of the content, or null.
 */
public final class TrimReference {

    private TrimReference() {
    }

    /** @param background normalised, one value per band of {@code in} (colour bands, then alpha) */
    public static Rect box(Region in, double[] background, double threshold, boolean lineArt) {
        int w = in.rect().width(), h = in.rect().height(), bands = in.bands;
        boolean alpha = ReferenceSamples.hasAlpha(bands);
        double[][][] flat = new double[h][w][bands];   // in 8-bit units
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = alpha ? Math.max(0, Math.min(1, in.sample(x, y, bands - 1))) : 1;
                for (int b = 0; b < bands; b++) {
                    boolean isAlpha = alpha && b == bands - 1;
                    double s = in.sample(x, y, b);
                    flat[y][x][b] = 255 * (isAlpha || !alpha ? s : s * a + background[b] * (1 - a));
                }
            }
        }
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean content = false;
                for (int b = 0; b < bands; b++) {
                    double v;
                    if (lineArt) {
                        v = flat[y][x][b];
                    } else {
                        double[] nine = new double[9];
                        int k = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                nine[k++] = flat[Math.max(0, Math.min(h - 1, y + dy))][Math.max(0, Math.min(w - 1, x + dx))][b];
                            }
                        }
                        Arrays.sort(nine);
                        v = nine[4];
                    }
                    if (Math.abs(v - 255 * background[b]) > threshold + 1e-7) {
                        content = true;
                    }
                }
                if (content) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
