package dev.lamina.reference.conversion;

import dev.lamina.core.Region;

/**
 * Flatten by definition: source-over of a straight-alpha pixel onto an opaque background,
 * {@code C = c a + B (1 - a)}, with alpha clamped to 0..1; the alpha band is dropped.
 */
public final class FlattenReference {

    private FlattenReference() {
    }

    /** {@code in} (2 or 4 bands) over {@code background} (one normalised value per colour band). */
    public static Region flatten(Region in, double[] background) {
        int w = in.rect().width(), h = in.rect().height();
        int colour = in.bands - 1;
        Region out = ReferenceSamples.allocate(w, h, colour, in.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = Math.clamp(in.sample(x, y, colour), 0.0, 1.0);
                for (int c = 0; c < colour; c++) {
                    ReferenceSamples.put(out, x, y, c, in.sample(x, y, c) * a + background[c] * (1.0 - a));
                }
            }
        }
        return out;
    }
}
