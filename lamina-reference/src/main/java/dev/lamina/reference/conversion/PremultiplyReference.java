package dev.lamina.reference.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Region;

/** Premultiply by definition: colour times alpha, alpha kept, stored as F32. */
public final class PremultiplyReference {

    private PremultiplyReference() {
    }

    public static Region premultiply(Region in) {
        int w = in.rect().width(), h = in.rect().height();
        int colour = ReferenceSamples.hasAlpha(in.bands) ? in.bands - 1 : in.bands;
        Region out = ReferenceSamples.allocate(w, h, in.bands, BandFormat.F32);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = colour < in.bands ? in.sample(x, y, colour) : 1.0;
                for (int c = 0; c < colour; c++) {
                    ReferenceSamples.put(out, x, y, c, in.sample(x, y, c) * a);
                }
                if (colour < in.bands) {
                    ReferenceSamples.put(out, x, y, colour, a);
                }
            }
        }
        return out;
    }
}
