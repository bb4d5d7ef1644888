package dev.lamina.draw;

import dev.lamina.model.Stroke;

/**
 * The area a stroke covers, as a union of simple pieces: a rectangle per segment, a wedge per
 * join (bevel triangle, miter quadrilateral, or round pie), a piece per cap. This is SVG's
 * definition of a stroke taken literally, so it is exact for the polyline it is given (round parts
 * are chords inside the true circle, within the flattening tolerance). Every piece is a positively
 * oriented ring: filled with the non-zero rule, their overlaps count once.
 *
 * <p>Inside a curve (points the flattener marks smooth) the stroke's join does not apply, since
 * the curve has no corner there: the gap on the outer side of the turn is closed with a bevel when
 * the bevel is within the tolerance of the round join's arc ({@code hw (1 - cos(θ/2))}), else with the
 * round join, so thick strokes on tight curves stay round. More edges than a stroker that traces
 * the outline, but the rasteriser handles overlaps exactly, and the geometry is obviously right.
 */
final class Stroker {
    private final Contours in;
    private final Contours out;
    private final double hw;
    private final Stroke.Join join;
    private final Stroke.Cap cap;
    private final double miterLimit;
    private final double tolerance;
    private final double arcStep;   // largest angle whose chord on a circle of radius hw is within tolerance

    private Stroker(Contours in, Contours out, Stroke stroke, double tolerance) {
        this.in = in;
        this.out = out;
        this.hw = stroke.width() / 2;
        this.join = stroke.join();
        this.cap = stroke.cap();
        this.miterLimit = stroke.miterLimit();
        this.tolerance = tolerance;
        this.arcStep = tolerance >= hw ? Math.PI / 2 : Math.min(Math.PI / 2, 2 * Math.acos(1 - tolerance / hw));
    }

    /** The pieces of the stroke of every contour of {@code in}, as positively oriented rings. */
    static Contours stroke(Contours in, Stroke stroke, double tolerance, String what) {
        Contours out = new Contours(what);
        Stroker s = new Stroker(in, out, stroke, tolerance);
        for (int c = 0; c < in.count(); c++) {
            s.contour(c);
        }
        return out;
    }

    private void contour(int c) {
        int a = in.start(c), n = in.end(c) - a;
        if (!in.drawn(c)) {
            return;   // a lone move draws nothing
        }
        if (n == 1) {
            dot(in.x(a), in.y(a));
            return;
        }
        boolean closed = in.closed(c);
        int segments = closed ? n : n - 1;
        for (int i = 0; i < segments; i++) {
            int p = a + i, q = a + (i + 1) % n;
            segment(in.x(p), in.y(p), in.x(q), in.y(q));
        }
        int firstJoin = closed ? 0 : 1, lastJoin = closed ? n - 1 : n - 2;
        for (int i = firstJoin; i <= lastJoin; i++) {
            int prev = a + (i - 1 + n) % n, v = a + i, next = a + (i + 1) % n;
            joinAt(in.x(prev), in.y(prev), in.x(v), in.y(v), in.x(next), in.y(next), in.smooth(v));
        }
        if (!closed) {
            capAt(in.x(a), in.y(a), in.x(a + 1), in.y(a + 1));                          // start: facing back
            capAt(in.x(a + n - 1), in.y(a + n - 1), in.x(a + n - 2), in.y(a + n - 2));  // end: facing forward
        }
    }

    private void segment(double px, double py, double qx, double qy) {
        double len = Math.hypot(qx - px, qy - py);
        double nx = -(qy - py) / len * hw, ny = (qx - px) / len * hw;
        out.begin(px + nx, py + ny);
        out.add(qx + nx, qy + ny, false);
        out.add(qx - nx, qy - ny, false);
        out.add(px - nx, py - ny, false);
        out.closePositive();
    }

    /** The join at (vx, vy) between the segment from p and the segment to q. */
    private void joinAt(double px, double py, double vx, double vy, double qx, double qy, boolean smooth) {
        double l0 = Math.hypot(vx - px, vy - py), l1 = Math.hypot(qx - vx, qy - vy);
        double d0x = (vx - px) / l0, d0y = (vy - py) / l0, d1x = (qx - vx) / l1, d1y = (qy - vy) / l1;
        double cross = d0x * d1y - d0y * d1x, dot = d0x * d1x + d0y * d1y;
        if (cross == 0 && dot > 0) {
            return;   // straight on: the two rectangles meet exactly
        }
        // The outer side of the turn is the side away from it.
        double s = cross > 0 ? -hw : hw;
        double o0x = -d0y * s, o0y = d0x * s, o1x = -d1y * s, o1y = d1x * s;
        double turn = Math.atan2(Math.abs(cross), dot);
        Stroke.Join style = join;
        if (smooth) {
            style = hw * (1 - Math.cos(turn / 2)) > tolerance ? Stroke.Join.ROUND : Stroke.Join.BEVEL;
        }
        if (style == Stroke.Join.MITER && (cross == 0 || 1 / Math.cos(turn / 2) > miterLimit)) {
            style = Stroke.Join.BEVEL;   // SVG: a miter longer than the limit is drawn as a bevel
        }
        switch (style) {
            case BEVEL -> {
                if (cross != 0) {
                    out.begin(vx, vy);
                    out.add(vx + o0x, vy + o0y, false);
                    out.add(vx + o1x, vy + o1y, false);
                    out.closePositive();
                }
            }
            case MITER -> {
                double k = 1 / (1 + dot);   // tip = v + (o0 + o1) / (1 + cos(turn))
                out.begin(vx, vy);
                out.add(vx + o0x, vy + o0y, false);
                out.add(vx + (o0x + o1x) * k, vy + (o0y + o1y) * k, false);
                out.add(vx + o1x, vy + o1y, false);
                out.closePositive();
            }
            case ROUND -> {
                // the short way from o0 to o1; a full reversal turns through the front (+d0)
                double sweep = cross == 0 ? -Math.PI : Math.atan2(o0x * o1y - o0y * o1x, o0x * o1x + o0y * o1y);
                pie(vx, vy, o0x, o0y, sweep);
            }
        }
    }

    /** A cap at the end (ex, ey) of a segment coming from (fx, fy). */
    private void capAt(double ex, double ey, double fx, double fy) {
        double len = Math.hypot(ex - fx, ey - fy);
        double dx = (ex - fx) / len * hw, dy = (ey - fy) / len * hw;   // outwards, half a width long
        double nx = -dy, ny = dx;
        switch (cap) {
            case BUTT -> {
            }
            case SQUARE -> {
                out.begin(ex + nx, ey + ny);
                out.add(ex + nx + dx, ey + ny + dy, false);
                out.add(ex - nx + dx, ey - ny + dy, false);
                out.add(ex - nx, ey - ny, false);
                out.closePositive();
            }
            case ROUND -> pie(ex, ey, nx, ny, -Math.PI);   // from +n through the front to -n
        }
    }

    /** A zero-length subpath: SVG draws a round cap as a disc and a square cap as an axis-aligned square. */
    private void dot(double x, double y) {
        switch (cap) {
            case BUTT -> {
            }
            case SQUARE -> {
                out.begin(x - hw, y - hw);
                out.add(x + hw, y - hw, false);
                out.add(x + hw, y + hw, false);
                out.add(x - hw, y + hw, false);
                out.closePositive();
            }
            case ROUND -> {
                int m = Math.max(4, (int) Math.ceil(2 * Math.PI / arcStep));
                out.begin(x + hw, y);
                for (int k = 1; k < m; k++) {
                    double t = 2 * Math.PI * k / m;
                    out.add(x + hw * Math.cos(t), y + hw * Math.sin(t), false);
                }
                out.closePositive();
            }
        }
    }

    /** The pie from the centre (cx, cy): the arc from offset (ox, oy) turning by {@code sweep}. */
    private void pie(double cx, double cy, double ox, double oy, double sweep) {
        int m = Math.max(1, (int) Math.ceil(Math.abs(sweep) / arcStep));
        out.begin(cx, cy);
        out.add(cx + ox, cy + oy, false);
        for (int k = 1; k <= m; k++) {
            double t = sweep * k / m, cos = Math.cos(t), sin = Math.sin(t);
            out.add(cx + ox * cos - oy * sin, cy + ox * sin + oy * cos, false);
        }
        out.closePositive();
    }
}
