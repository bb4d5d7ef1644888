package dev.lamina.geometry;

import dev.lamina.model.LaminaException;
import dev.lamina.core.Rect;

/**
 * A 2x3 affine map from input to output coordinates: {@code X = a x + b y + tx},
 * {@code Y = c x + d y + ty}. Coordinates are continuous: pixel (i, j) is the unit square
 * {@code [i, i+1) x [j, j+1)}, its centre at {@code (i + 0.5, j + 0.5)}, in both images (so a scale
 * by 2 maps the input's extent {@code [0, w]} onto {@code [0, 2w]}, as a resize does).
 * Immutable.
 */
public record AffineMatrix(double a, double b, double c, double d, double tx, double ty) {
    /** Coordinates within this of an integer count as that integer when bounds are rounded outwards. */
    static final double BOUNDS_TOLERANCE = 1e-9;

    public AffineMatrix {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)
                && Double.isFinite(tx) && Double.isFinite(ty))) {
            throw LaminaException.badInput("affine: the matrix must be finite numbers, not [" + a + ", " + b + ", " + c
                    + ", " + d + "] + (" + tx + ", " + ty + ")");
        }
        double det = a * d - b * c;
        double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c), Math.abs(d)));
        if (!(Math.abs(det) > 1e-12 * scale * scale) || !(Math.abs(det) > 1e-300)) {
            throw LaminaException.badInput("affine: the matrix [" + a + ", " + b + ", " + c + ", " + d
                    + "] is singular (it flattens the image to a line or a point)");
        }
    }

    public double determinant() {
        return a * d - b * c;
    }

    /** The map from output back to input coordinates. */
    public AffineMatrix inverse() {
        double det = determinant();
        double ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
        return new AffineMatrix(ia, ib, ic, id, -(ia * tx + ib * ty), -(ic * tx + id * ty));
    }

    /**
     * The output pixels that the transformed {@code width x height} image touches: the bounding box
     * of its four corners, rounded outwards to whole pixels (a coordinate within 1e-9 of an integer
     * counts as that integer, so that rounding noise in a turn by 90 degrees adds no empty row).
     */
    public Rect bounds(int width, int height) {
        double[] xs = {tx, a * width + tx, b * height + tx, a * width + b * height + tx};
        double[] ys = {ty, c * width + ty, d * height + ty, c * width + d * height + ty};
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
        }
        double left = Math.floor(x0 + BOUNDS_TOLERANCE), top = Math.floor(y0 + BOUNDS_TOLERANCE);
        double right = Math.max(left + 1, Math.ceil(x1 - BOUNDS_TOLERANCE));
        double bottom = Math.max(top + 1, Math.ceil(y1 - BOUNDS_TOLERANCE));
        return checkedRect(left, top, right - left, bottom - top);
    }

    /** A rectangle from doubles, refused when it does not fit the int coordinates of an image. */
    static Rect checkedRect(double left, double top, double width, double height) {
        double limit = Integer.MAX_VALUE;
        if (!(Math.abs(left) < limit && Math.abs(top) < limit && width < limit && height < limit
                && Math.abs(left + width) < limit && Math.abs(top + height) < limit)) {
            throw LaminaException.limit("affine: the transformed image would be " + (long) width + "x" + (long) height
                    + " pixels at " + (long) left + "," + (long) top + ", beyond what an image can address");
        }
        return new Rect((int) left, (int) top, (int) width, (int) height);
    }
}
