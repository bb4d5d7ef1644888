package dev.lamina.reference.conversion;

import dev.lamina.core.Region;

/** Add alpha by definition: the colour samples as they are, then alpha 1.0 (opaque). */
public final class AddAlphaReference {

    private AddAlphaReference() {
    }

    /** {@code in} (1 or 3 bands, no alpha) with an opaque alpha band. */
    public static Region addAlpha(Region in) {
        int w = in.rect().width(), h = in.rect().height();
        Region out = ReferenceSamples.allocate(w, h, in.bands + 1, in.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < in.bands; b++) {
                    ReferenceSamples.put(out, x, y, b, in.sample(x, y, b));
                }
                ReferenceSamples.put(out, x, y, in.bands, 1.0);
            }
        }
        return out;
    }
}
