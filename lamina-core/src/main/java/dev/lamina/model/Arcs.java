package dev.lamina.model;

/**
 * Elliptical arcs as cubic Bézier curves, for {@link Shape}. An arc is cut into pieces of at most
 * 22.5 degrees, each the cubic with control arms {@code 4/3 tan(angle/4)} of the radius (the
 * standard fit, exact at both ends and in the middle): the distance from such a piece to the true
 * circle is at most 6.7e-8 of the radius (2.7e-4 for a quarter circle, shrinking with the sixth
 * power of the angle; measured in ShapeTest), so 0.0014 px at a radius of 20000 px, below the
 * rasteriser's flattening tolerance (docs/precision.md).
 */
final class Arcs {
    private static final double MAX_PIECE = Math.PI / 8;

    private Arcs() {
    }

    /** A quarter circle of {@code r} about (cx, cy) from angle {@code start}, clockwise on the screen. */
    static void corner(Shape.Builder b, double cx, double cy, double r, double start) {
        if (r > 0) {
            append(b, cx, cy, r, r, 0, start, Math.PI / 2);
        }
    }

    /**
     * Appends the arc of the ellipse (centre, radii, x axis rotated by {@code phi} radians) from
     * angle {@code theta} through {@code delta} (positive: clockwise on the screen). The builder's
     * current point must be the arc's start.
     */
    static void append(Shape.Builder b, double cx, double cy, double rx, double ry, double phi,
                       double theta, double delta) {
        append(b, cx, cy, rx, ry, phi, theta, delta, Double.NaN, Double.NaN);
    }

    /** The same, ending exactly on (endX, endY) (unless NaN), the point the arc ends on in exact arithmetic. */
    static void append(Shape.Builder b, double cx, double cy, double rx, double ry, double phi,
                               double theta, double delta, double endX, double endY) {
        int n = Math.max(1, (int) Math.ceil(Math.abs(delta) / MAX_PIECE - 1e-9));
        double step = delta / n;
        double k = 4.0 / 3.0 * Math.tan(step / 4);
        double cosPhi = Math.cos(phi), sinPhi = Math.sin(phi);
        double a = theta, ca = Math.cos(a), sa = Math.sin(a);
        for (int i = 1; i <= n; i++) {
            double e = theta + step * i, ce = Math.cos(e), se = Math.sin(e);
            // on the unit circle: start + k * tangent at start, end - k * tangent at end
            double u1 = ca - k * sa, v1 = sa + k * ca;
            double u2 = ce + k * se, v2 = se - k * ce;
            double x = cx + rx * cosPhi * ce - ry * sinPhi * se, y = cy + rx * sinPhi * ce + ry * cosPhi * se;
            if (i == n && !Double.isNaN(endX)) {
                x = endX;   // land exactly on the end point the caller asked for
                y = endY;
            }
            b.cubicTo(cx + rx * cosPhi * u1 - ry * sinPhi * v1, cy + rx * sinPhi * u1 + ry * cosPhi * v1,
                    cx + rx * cosPhi * u2 - ry * sinPhi * v2, cy + rx * sinPhi * u2 + ry * cosPhi * v2, x, y);
            ca = ce;
            sa = se;
        }
    }

    /**
     * SVG's {@code A} from (x1, y1) to (x2, y2): the endpoint parameters converted to centre
     * parameters as in the SVG specification's implementation notes (F.6.5, F.6.6): coincident ends
     * draw nothing, a zero radius draws a line, radii too small to reach are scaled up.
     */
    static void svgArc(Shape.Builder b, double x1, double y1, double rx, double ry, double degrees,
                       boolean largeArc, boolean sweep, double x2, double y2) {
        if (x1 == x2 && y1 == y2) {
            return;
        }
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0) {
            b.lineTo(x2, y2);
            return;
        }
        double phi = Math.toRadians(degrees % 360), cos = Math.cos(phi), sin = Math.sin(phi);
        double dx2 = (x1 - x2) / 2, dy2 = (y1 - y2) / 2;
        double x1p = cos * dx2 + sin * dy2, y1p = -sin * dx2 + cos * dy2;
        double lambda = x1p * x1p / (rx * rx) + y1p * y1p / (ry * ry);
        if (lambda > 1) {
            double s = Math.sqrt(lambda);
            rx *= s;
            ry *= s;
        }
        double rx2 = rx * rx, ry2 = ry * ry;
        double num = rx2 * ry2 - rx2 * y1p * y1p - ry2 * x1p * x1p;
        double den = rx2 * y1p * y1p + ry2 * x1p * x1p;
        double coef = Math.sqrt(Math.max(0, num / den));
        if (largeArc == sweep) {
            coef = -coef;
        }
        double cxp = coef * rx * y1p / ry, cyp = -coef * ry * x1p / rx;
        double cx = cos * cxp - sin * cyp + (x1 + x2) / 2, cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
        double ux = (x1p - cxp) / rx, uy = (y1p - cyp) / ry;
        double vx = (-x1p - cxp) / rx, vy = (-y1p - cyp) / ry;
        double theta = Math.atan2(uy, ux);
        double delta = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
        if (!sweep && delta > 0) {
            delta -= 2 * Math.PI;
        } else if (sweep && delta < 0) {
            delta += 2 * Math.PI;
        }
        append(b, cx, cy, rx, ry, phi, theta, delta, x2, y2);
    }
}
