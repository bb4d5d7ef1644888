package dev.lamina.reference.geometry;

import dev.lamina.model.ExtendWith;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.ReferenceSamples;

/**
 * Extend (libvips' embed) by definition, pixel by pixel: the image at (left, top) on a
 * {@code w x h} canvas. The edge modes are built the way libvips builds them, as tiles laid from
 * the image's own position: repeat tiles the image itself; mirror tiles a 2n x 2m tile made of
 * the image, its left-right mirror to its right, and the top-bottom mirror of those two below; copy
 * takes the nearest pixel of the image.
 */
public final class ExtendReference {

    private ExtendReference() {
    }

    /**
     * @param background normalised pixel for {@link ExtendWith#BACKGROUND}, in {@code in}'s layout
     *                   (the caller widens {@code in} first when the background needs alpha or colour)
     */
    public static Region extend(Region in, int left, int top, int w, int h, ExtendWith mode, double[] background) {
        int iw = in.rect().width(), ih = in.rect().height();
        Region tile = mode == ExtendWith.MIRROR ? mirrorTile(in) : in;
        int tw = tile.rect().width(), th = tile.rect().height();
        Region out = ReferenceSamples.allocate(w, h, in.bands, in.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long sx = (long) x - left, sy = (long) y - top;
                boolean inside = sx >= 0 && sy >= 0 && sx < iw && sy < ih;
                for (int b = 0; b < in.bands; b++) {
                    double v = switch (mode) {
                        case BACKGROUND -> inside ? in.sample((int) sx, (int) sy, b) : background[b];
                        case COPY -> in.sample((int) Math.max(0, Math.min(iw - 1, sx)), (int) Math.max(0, Math.min(ih - 1, sy)), b);
                        case REPEAT, MIRROR -> tile.sample((int) Math.floorMod(sx, tw), (int) Math.floorMod(sy, th), b);
                    };
                    ReferenceSamples.put(out, x, y, b, v);
                }
            }
        }
        return out;
    }

    /** [image | mirrored left-right] over [mirrored top-bottom | both]: 2w x 2h. */
    static Region mirrorTile(Region in) {
        int w = in.rect().width(), h = in.rect().height();
        Region t = ReferenceSamples.allocate(2 * w, 2 * h, in.bands, in.format);
        for (int y = 0; y < 2 * h; y++) {
            for (int x = 0; x < 2 * w; x++) {
                int sx = x < w ? x : 2 * w - 1 - x;
                int sy = y < h ? y : 2 * h - 1 - y;
                for (int b = 0; b < in.bands; b++) {
                    ReferenceSamples.put(t, x, y, b, in.sample(sx, sy, b));
                }
            }
        }
        return t;
    }
}
