package dev.lamina.draw;

import dev.lamina.model.FillRule;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Shape;
import dev.lamina.model.Stroke;

/**
 * What the rasteriser fills: a shape turned into closed polygons in pixel coordinates, with the
 * rule that says which points they enclose. A filled shape is its path flattened; a stroked shape
 * is its path flattened, dashed, stroked (all in the path's own coordinates, where the stroke width
 * means what it says) and then mapped by the shape's stroke transform.
 *
 * <p>Curves are flattened to within {@link #TOLERANCE} pixels of the true curve. Why so fine: a
 * chord that strays {@code d} from a curve changes the coverage of a pixel it crosses by at most
 * {@code d} times the chord's length inside the pixel (at most {@code sqrt 2}), and 0.002 px keeps
 * that under 1/255, so a curve's 8-bit coverage is within 1 of the exact curve's, not only of the
 * polygon's. It costs little: the number of segments grows with {@code 1/sqrt(tolerance)}, and the
 * rasteriser's work with the rows and cells an edge crosses, which does not change.
 */
public final class Outline {
    /** Largest distance, in pixels, between a curve and its polyline. */
    public static final double TOLERANCE = 0.002;

    private final Contours rings;
    private final FillRule rule;
    private final boolean convex;

    private Outline(Contours rings, FillRule rule) {
        this.rings = rings;
        this.rule = rule;
        this.convex = isSingleConvexRing(rings);
    }

    /**
     * {@code shape} ready to fill on a {@code width x height} image; {@code what} names it in
     * errors. Curves of a filled shape that lie wholly outside the image are not flattened.
     */
    public static Outline of(Shape shape, int width, int height, String what) {
        if (shape.stroke() == null) {
            Contours c = new Contours(what);
            shape.segments(new Flattener(c, TOLERANCE, 0, 0, width, height));
            return new Outline(checked(c, what), shape.fillRule());
        }
        double[] m = shape.strokeTransform();
        double scale = largestScale(m);
        if (!(scale > 0)) {
            return new Outline(new Contours(what), FillRule.NON_ZERO);   // squashed to nothing
        }
        double tolerance = TOLERANCE / scale;   // in the path's units, so that it is TOLERANCE in pixels
        Stroke stroke = shape.stroke();
        Contours path = Flattener.flatten(shape, tolerance, what);
        if (stroke.dashes().length > 0) {
            path = Dasher.dash(path, stroke.dashes(), stroke.dashOffset(), what);
        }
        Contours pieces = Stroker.stroke(path, stroke, tolerance, what);
        pieces.transform(m);
        return new Outline(checked(pieces, what), FillRule.NON_ZERO);
    }

    /** Coordinates can overflow to infinity when a huge shape is transformed: refuse it plainly. */
    private static Contours checked(Contours c, String what) {
        for (int p = 0; p < c.points(); p++) {
            if (!Double.isFinite(c.x(p)) || !Double.isFinite(c.y(p))) {
                throw LaminaException.badInput(what + ": coordinates too large to draw");
            }
        }
        return c;
    }

    /** The largest factor by which {@code m} stretches a length: its 2x2 part's largest singular value. */
    static double largestScale(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3];
        double s = a * a + b * b + c * c + d * d;
        double t = Math.sqrt((a * a + b * b - c * c - d * d) * (a * a + b * b - c * c - d * d)
                + 4 * (a * c + b * d) * (a * c + b * d));
        return Math.sqrt((s + t) / 2);
    }

    /** The polygons: every contour is a closed ring (an open subpath of a fill closes itself). */
    public Contours rings() {
        return rings;
    }

    public FillRule rule() {
        return rule;
    }

    /**
     * Whether the outline is one convex ring: then every row crosses it at most twice, winding is
     * 0 or one sign, and the rasteriser needs no winding analysis.
     */
    public boolean convex() {
        return convex;
    }

    private static boolean isSingleConvexRing(Contours rings) {
        int drawn = -1;
        for (int c = 0; c < rings.count(); c++) {
            if (rings.end(c) - rings.start(c) >= 2) {
                if (drawn >= 0) {
                    return false;
                }
                drawn = c;
            }
        }
        if (drawn < 0) {
            return true;   // nothing, or lines of no area
        }
        int a = rings.start(drawn), n = rings.end(drawn) - a;
        if (n < 3) {
            return true;
        }
        int sign = 0;
        double turning = 0;
        for (int i = 0; i < n; i++) {
            int p = a + i, q = a + (i + 1) % n, r = a + (i + 2) % n;
            double ux = rings.x(q) - rings.x(p), uy = rings.y(q) - rings.y(p);
            double vx = rings.x(r) - rings.x(q), vy = rings.y(r) - rings.y(q);
            double cross = ux * vy - uy * vx;
            if (cross != 0) {
                int s = cross > 0 ? 1 : -1;
                if (sign != 0 && s != sign) {
                    return false;
                }
                sign = s;
            }
            turning += Math.atan2(cross, ux * vx + uy * vy);
        }
        // turning once round, not several times (a pentagram turns twice with every turn the same way)
        return Math.abs(Math.abs(turning) - 2 * Math.PI) < 1e-6;
    }
}
