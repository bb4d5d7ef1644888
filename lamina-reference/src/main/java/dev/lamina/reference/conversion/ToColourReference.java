package dev.lamina.reference.conversion;

import dev.lamina.core.Region;

/** Grey to RGB by definition: R = G = B = grey, alpha (if any) kept. */
public final class ToColourReference {

    private ToColourReference() {
    }

    /** {@code in} with 1 (grey) or 2 (grey + alpha) bands as 3 or 4 bands. */
    public static Region toColour(Region in) {
        int w = in.rect().width(), h = in.rect().height();
        Region out = ReferenceSamples.allocate(w, h, in.bands + 2, in.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double grey = in.sample(x, y, 0);
                for (int c = 0; c < 3; c++) {
                    ReferenceSamples.put(out, x, y, c, grey);
                }
                if (in.bands == 2) {
                    ReferenceSamples.put(out, x, y, 3, in.sample(x, y, 1));
                }
            }
        }
        return out;
    }
}
