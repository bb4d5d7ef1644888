package dev.lamina.bench.precision;

import java.awt.image.BufferedImage;

/**
 * The float64 result of Porter-Duff "over" with straight alpha, for layers over an opaque base,
 * computed from the decoded 8-bit inputs and never rounded: the target every engine's output is
 * measured against.
 *
 * <p>The lab uses its own short twin until lamina-reference's ReferenceComposite is on main; the
 * formula is the one the precision contract names (dst' = src a + dst (1 - a), with an opaque
 * base the result stays opaque, so no division by the result's alpha is needed).
 */
public final class ReferenceOver {
    private ReferenceOver() {
    }

    /** Interleaved RGB of the base, 0..1. */
    public static double[] base(BufferedImage base) {
        int w = base.getWidth();
        int h = base.getHeight();
        double[] out = new double[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            base.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int i = 3 * (y * w + x);
                out[i] = (p >> 16 & 0xFF) / 255.0;
                out[i + 1] = (p >> 8 & 0xFF) / 255.0;
                out[i + 2] = (p & 0xFF) / 255.0;
            }
        }
        return out;
    }

    /** Composites {@code layer} over {@code acc} (interleaved RGB of an opaque image w wide) at x0, y0. */
    public static void over(double[] acc, int w, int h, BufferedImage layer, int x0, int y0) {
        int lw = layer.getWidth();
        int[] row = new int[lw];
        for (int y = 0; y < layer.getHeight(); y++) {
            if (y + y0 < 0 || y + y0 >= h) {
                continue;
            }
            // getRGB gives straight (non-premultiplied) 8-bit ARGB for every ImageIO PNG type.
            layer.getRGB(0, y, lw, 1, row, 0, lw);
            for (int x = 0; x < lw; x++) {
                if (x + x0 < 0 || x + x0 >= w) {
                    continue;
                }
                int p = row[x];
                double a = (p >>> 24) / 255.0;
                int i = 3 * ((y + y0) * w + x + x0);
                acc[i] = (p >> 16 & 0xFF) / 255.0 * a + acc[i] * (1 - a);
                acc[i + 1] = (p >> 8 & 0xFF) / 255.0 * a + acc[i + 1] * (1 - a);
                acc[i + 2] = (p & 0xFF) / 255.0 * a + acc[i + 2] * (1 - a);
            }
        }
    }

    /** Interleaved 8-bit RGB of an output; also reports whether any alpha sample is below 255. */
    public static int[] rgb(BufferedImage img, boolean[] translucent) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                if (p >>> 24 != 255) {
                    translucent[0] = true;
                }
                int i = 3 * (y * w + x);
                out[i] = p >> 16 & 0xFF;
                out[i + 1] = p >> 8 & 0xFF;
                out[i + 2] = p & 0xFF;
            }
        }
        return out;
    }
}
