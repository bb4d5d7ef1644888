package dev.lamina.reference.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Region;

/** Unpremultiply by definition: colour divided by alpha (0 where alpha is 0), alpha kept, stored as F32. */
public final class UnpremultiplyReference {

    private UnpremultiplyReference() {
    }

    public static Region unpremultiply(Region in) {
        int w = in.rect().width(), h = in.rect().height();
        int colour = ReferenceSamples.hasAlpha(in.bands) ? in.bands - 1 : in.bands;
        Region out = ReferenceSamples.allocate(w, h, in.bands, BandFormat.F32);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = colour < in.bands ? in.sample(x, y, colour) : 1.0;
                for (int c = 0; c < colour; c++) {
                    ReferenceSamples.put(out, x, y, c, a == 0 ? 0.0 : in.sample(x, y, c) / a);
                }
                if (colour < in.bands) {
                    ReferenceSamples.put(out, x, y, colour, a);
                }
            }
        }
        return out;
    }
}
