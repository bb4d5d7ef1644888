package dev.lamina.reference.geometry;

import dev.lamina.core.Region;
import dev.lamina.reference.conversion.CastReference;
import dev.lamina.reference.conversion.ReferenceSamples;

/**
 * EXIF orientation by its definition, built from three elementary moves instead of one affine
 * table (the core's way), so the two can disagree. The EXIF 2.3 text for tag 0x0112 says where
 * the stored 0th row and 0th column belong visually:
 * <pre>
 *   1 row 0 = top,    column 0 = left     nothing to do
 *   2 row 0 = top,    column 0 = right    mirror left-right
 *   3 row 0 = bottom, column 0 = right    mirror left-right, mirror top-bottom
 *   4 row 0 = bottom, column 0 = left     mirror top-bottom
 *   5 row 0 = left,   column 0 = top      transpose (rows become columns)
 *   6 row 0 = right,  column 0 = top      transpose, then mirror left-right
 *   7 row 0 = right,  column 0 = bottom   transpose, then mirror both ways
 *   8 row 0 = left,   column 0 = bottom   transpose, then mirror top-bottom
 * </pre>
 * After a transpose row 0 is the left column and column 0 the top row; mirroring left-right puts
 * row 0 on the right, mirroring top-bottom puts column 0 at the bottom.
 */
public final class OrientReference {

    private OrientReference() {
    }

    /** Mirrored top-bottom: orientation 4 undone. */
    public static Region flip(Region in) {
        return orient(in, 4);
    }

    /** Mirrored left-right: orientation 2 undone. */
    public static Region flop(Region in) {
        return orient(in, 2);
    }

    /**
     * Turned clockwise by {@code quarterTurns} x 90 degrees: 90 clockwise is orientation 6 undone
     * (row 0 belongs on the right), 180 is 3, 270 is 8.
     */
    public static Region rotate(Region in, int quarterTurns) {
        return orient(in, new int[]{1, 6, 3, 8}[Math.floorMod(quarterTurns, 4)]);
    }

    /** The upright image of {@code in} (a whole image at 0,0) stored with {@code orientation}. */
    public static Region orient(Region in, int orientation) {
        Region r = in;
        if (orientation >= 5) {
            r = transpose(r);
        }
        boolean mirrorLeftRight = switch (orientation) {
            case 2, 3, 6, 7 -> true;
            default -> false;
        };
        boolean mirrorTopBottom = switch (orientation) {
            case 3, 4, 7, 8 -> true;
            default -> false;
        };
        if (mirrorLeftRight) {
            r = mirror(r, true);
        }
        if (mirrorTopBottom) {
            r = mirror(r, false);
        }
        return r == in ? CastReference.cast(in, in.format) : r;
    }

    private static Region transpose(Region in) {
        int w = in.rect().width(), h = in.rect().height();
        Region out = ReferenceSamples.allocate(h, w, in.bands, in.format);
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < h; x++) {
                for (int b = 0; b < in.bands; b++) {
                    ReferenceSamples.put(out, x, y, b, in.sample(y, x, b));
                }
            }
        }
        return out;
    }

    private static Region mirror(Region in, boolean leftRight) {
        int w = in.rect().width(), h = in.rect().height();
        Region out = ReferenceSamples.allocate(w, h, in.bands, in.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = leftRight ? w - 1 - x : x, sy = leftRight ? y : h - 1 - y;
                for (int b = 0; b < in.bands; b++) {
                    ReferenceSamples.put(out, x, y, b, in.sample(sx, sy, b));
                }
            }
        }
        return out;
    }
}
