package dev.lamina.draw;

import dev.lamina.model.Shape;

/**
 * Curves to polylines within a distance tolerance. A curve is cut into {@code n} pieces of equal
 * parameter step, {@code n} from Wang's formula: the chord of a piece of a C2 curve is within
 * {@code h^2/8 max|B''|} of it ({@code h} the parameter step), and for a cubic
 * {@code max|B''| <= 6 max(|P0 - 2P1 + P2|, |P1 - 2P2 + P3|)}, so
 * {@code n = ceil(sqrt(3 L / (4 tol)))} keeps every point of the curve within {@code tol} of the
 * polyline (for a quadratic, {@code |B''| = 2|P0 - 2P1 + P2|} and {@code n = ceil(sqrt(L / (4 tol)))}).
 * Points are evaluated from the Bernstein form (no forward differences whose error grows along the
 * curve).
 *
 * <p>With a culling box, a curve whose control points all lie above, below, left or right of it
 * becomes the line between its ends: inside the box, a fill sees only the winding such a curve
 * adds, which is that of any path between the same ends on the same side (used for fills, where the
 * box is the canvas; strokes keep every curve).
 */
final class Flattener implements Shape.Segments {
    private final Contours out;
    private final double tolerance;
    private final double minX, minY, maxX, maxY;   // culling box, or infinite
    private double x, y;

    Flattener(Contours out, double tolerance, double minX, double minY, double maxX, double maxY) {
        this.out = out;
        this.tolerance = tolerance;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
    }

    /** {@code shape}'s path flattened to {@code tolerance}, no culling. */
    static Contours flatten(Shape shape, double tolerance, String what) {
        Contours c = new Contours(what);
        shape.segments(new Flattener(c, tolerance, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        return c;
    }

    @Override
    public void moveTo(double px, double py) {
        out.begin(px, py);
        x = px;
        y = py;
    }

    @Override
    public void lineTo(double px, double py) {
        out.add(px, py, false);
        x = px;
        y = py;
    }

    @Override
    public void quadTo(double cx, double cy, double px, double py) {
        if (outside(Math.min(Math.min(x, cx), px), Math.min(Math.min(y, cy), py),
                Math.max(Math.max(x, cx), px), Math.max(Math.max(y, cy), py))) {
            lineTo(px, py);
            return;
        }
        double l = Math.hypot(x - 2 * cx + px, y - 2 * cy + py);
        int n = pieces(Math.sqrt(l / (4 * tolerance)));
        double x0 = x, y0 = y;
        for (int i = 1; i < n; i++) {
            double t = (double) i / n, u = 1 - t;
            out.add(u * u * x0 + 2 * u * t * cx + t * t * px, u * u * y0 + 2 * u * t * cy + t * t * py, true);
        }
        out.add(px, py, false);
        x = px;
        y = py;
    }

    @Override
    public void cubicTo(double c1x, double c1y, double c2x, double c2y, double px, double py) {
        if (outside(Math.min(Math.min(x, c1x), Math.min(c2x, px)), Math.min(Math.min(y, c1y), Math.min(c2y, py)),
                Math.max(Math.max(x, c1x), Math.max(c2x, px)), Math.max(Math.max(y, c1y), Math.max(c2y, py)))) {
            lineTo(px, py);
            return;
        }
        double l = Math.max(Math.hypot(x - 2 * c1x + c2x, y - 2 * c1y + c2y),
                Math.hypot(c1x - 2 * c2x + px, c1y - 2 * c2y + py));
        int n = pieces(Math.sqrt(3 * l / (4 * tolerance)));
        double x0 = x, y0 = y;
        for (int i = 1; i < n; i++) {
            double t = (double) i / n, u = 1 - t;
            double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;
            out.add(b0 * x0 + b1 * c1x + b2 * c2x + b3 * px, b0 * y0 + b1 * c1y + b2 * c2y + b3 * py, true);
        }
        out.add(px, py, false);
        x = px;
        y = py;
    }

    /** The piece count for a real bound, at least 1; the contour refuses to grow past its limit. */
    private static int pieces(double bound) {
        return bound < 1 ? 1 : (int) Math.min(Contours.MAX_POINTS + 1L, (long) Math.ceil(bound));
    }

    private boolean outside(double x0, double y0, double x1, double y1) {
        return x1 <= minX || x0 >= maxX || y1 <= minY || y0 >= maxY;
    }

    @Override
    public void close() {
        out.close();
    }
}
