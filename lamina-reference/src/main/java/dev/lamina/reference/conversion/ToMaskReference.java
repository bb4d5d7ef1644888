package dev.lamina.reference.conversion;

import dev.lamina.core.Region;

/**
 * A mask by definition (CSS Masking level 1): coverage = alpha, or
 * {@code (0.2125 R + 0.7154 G + 0.0721 B) x alpha} (grey: {@code grey x alpha}), optionally
 * {@code 1 - coverage}; written as white grey+alpha, alpha = coverage.
 */
public final class ToMaskReference {

    private ToMaskReference() {
    }

    public static Region toMask(Region in, boolean luminance, boolean invert) {
        int w = in.rect().width(), h = in.rect().height();
        boolean alpha = ReferenceSamples.hasAlpha(in.bands);
        int colourBands = alpha ? in.bands - 1 : in.bands;
        Region out = ReferenceSamples.allocate(w, h, 2, in.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = alpha ? clamp(in.sample(x, y, in.bands - 1)) : 1.0;
                double coverage;
                if (!luminance) {
                    coverage = a;
                } else if (colourBands == 3) {
                    double l = 0.2125 * in.sample(x, y, 0) + 0.7154 * in.sample(x, y, 1) + 0.0721 * in.sample(x, y, 2);
                    coverage = a * clamp(l);
                } else {
                    coverage = a * clamp(in.sample(x, y, 0));
                }
                ReferenceSamples.put(out, x, y, 0, 1.0);
                ReferenceSamples.put(out, x, y, 1, invert ? 1.0 - coverage : coverage);
            }
        }
        return out;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

}
