package dev.lamina.reference.geometry;

import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.ReferenceSamples;

/** Extract by definition: pixel by pixel. */
public final class ExtractReference {

    private ExtractReference() {
    }

    /** The pixels of {@code r} of {@code in} (a whole image at 0,0), moved to 0,0. */
    public static Region extract(Region in, Rect r) {
        Region out = ReferenceSamples.allocate(r.width(), r.height(), in.bands, in.format);
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                for (int b = 0; b < in.bands; b++) {
                    ReferenceSamples.put(out, x, y, b, in.sample(x + r.x(), y + r.y(), b));
                }
            }
        }
        return out;
    }
}
