package dev.lamina.reference.conversion;

import dev.lamina.core.Rect;
import dev.lamina.core.Region;

/** Crop and embed by definition: pixel by pixel, with zeros where the canvas shows. */
public final class CropReference {

    private CropReference() {
    }

    /** The pixels of {@code r} of {@code in} (a whole image at 0,0), moved to 0,0. */
    public static Region crop(Region in, Rect r) {
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

    /** {@code in} placed at (left, top) on a {@code w x h} canvas of zeros. */
    public static Region embed(Region in, int left, int top, int w, int h) {
        Region out = ReferenceSamples.allocate(w, h, in.bands, in.format);
        Rect source = in.rect();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x - left, sy = y - top;
                boolean inside = sx >= 0 && sy >= 0 && sx < source.width() && sy < source.height();
                for (int b = 0; b < in.bands; b++) {
                    ReferenceSamples.put(out, x, y, b, inside ? in.sample(sx, sy, b) : 0.0);
                }
            }
        }
        return out;
    }
}
