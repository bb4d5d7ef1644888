package dev.lamina.reference.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Region;

/** Cast by definition: every sample keeps its normalised value, rounded once into the new format. */
public final class CastReference {

    private CastReference() {
    }

    /** {@code in} (a whole image at 0,0) in format {@code to}. */
    public static Region cast(Region in, BandFormat to) {
        int w = in.rect().width(), h = in.rect().height();
        Region out = ReferenceSamples.allocate(w, h, in.bands, to);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < in.bands; b++) {
                    ReferenceSamples.put(out, x, y, b, in.sample(x, y, b));
                }
            }
        }
        return out;
    }
}
