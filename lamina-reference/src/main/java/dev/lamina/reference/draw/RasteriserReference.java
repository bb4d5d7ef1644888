package dev.lamina.reference.draw;

import dev.lamina.model.FillRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact coverage of polygons by definition, in float64, computed differently from the engine's
 * rasteriser: per pixel, every edge is clipped to the pixel's square; the square is cut into
 * vertical slabs at every x where a clipped edge ends or two of them cross; inside a slab the edges
 * that span it are straight and do not cross, so sorted by y they bound trapezoids; each
 * trapezoid's winding number is counted afresh by casting a ray from its middle through every edge
 * of the polygons, and the areas of the trapezoids the fill rule calls inside are added up.
 * Slow and obvious: the engine sweeps rows, accumulates areas and sorts edges by x; this sweeps
 * columns inside each pixel and never accumulates winding.
 */
public final class RasteriserReference {

    private RasteriserReference() {
    }

    /** The coverage of {@code rings} (closed polygons {x0, y0, x1, y1, ...}) for every pixel, [y][x]. */
    public static double[][] coverage(List<double[]> rings, FillRule rule, int width, int height) {
        List<double[]> edges = new ArrayList<>();   // {x0, y0, x1, y1}
        for (double[] r : rings) {
            int n = r.length / 2;
            for (int i = 0; n >= 2 && i < n; i++) {
                int j = (i + 1) % n;
                if (r[2 * i] != r[2 * j] || r[2 * i + 1] != r[2 * j + 1]) {
                    edges.add(new double[]{r[2 * i], r[2 * i + 1], r[2 * j], r[2 * j + 1]});
                }
            }
        }
        double[][] out = new double[height][width];
        for (int py = 0; py < height; py++) {
            List<double[]> row = new ArrayList<>();
            for (double[] e : edges) {
                if (Math.max(e[1], e[3]) >= py && Math.min(e[1], e[3]) <= py + 1) {
                    row.add(e);
                }
            }
            for (int px = 0; px < width; px++) {
                out[py][px] = pixel(row, rule, px, py);
            }
        }
        return out;
    }

    private static double pixel(List<double[]> rowEdges, FillRule rule, int px, int py) {
        List<double[]> pieces = new ArrayList<>();
        List<Double> cuts = new ArrayList<>(List.of((double) px, px + 1.0));
        for (double[] e : rowEdges) {
            double[] c = clip(e, px, py, px + 1, py + 1);
            if (c != null) {
                cuts.add(c[0]);
                cuts.add(c[2]);
                if (c[0] != c[2]) {
                    pieces.add(c);   // vertical pieces only cut slabs; they span none
                }
            }
        }
        for (int i = 0; i < pieces.size(); i++) {
            for (int j = i + 1; j < pieces.size(); j++) {
                double x = crossingX(pieces.get(i), pieces.get(j));
                if (x > px && x < px + 1) {
                    cuts.add(x);
                }
            }
        }
        double[] xs = cuts.stream().mapToDouble(Double::doubleValue).filter(x -> x >= px && x <= px + 1).sorted().distinct().toArray();
        double area = 0;
        for (int s = 0; s + 1 < xs.length; s++) {
            double u = xs[s], v = xs[s + 1], mid = (u + v) / 2;
            List<Double> ys = new ArrayList<>();
            ys.add((double) py);
            ys.add(py + 1.0);
            for (double[] p : pieces) {
                double lo = Math.min(p[0], p[2]), hi = Math.max(p[0], p[2]);
                if (lo <= u && hi >= v) {
                    ys.add(p[1] + (mid - p[0]) * (p[3] - p[1]) / (p[2] - p[0]));
                }
            }
            double[] sorted = ys.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            for (int k = 0; k + 1 < sorted.length; k++) {
                double h = sorted[k + 1] - sorted[k];
                if (h > 0 && inside(rule, winding(rowEdges, mid, (sorted[k] + sorted[k + 1]) / 2))) {
                    area += (v - u) * h;   // a trapezoid: its mean height is its height at the middle
                }
            }
        }
        return area;
    }

    /** The winding number of the polygons around (x, y): signed crossings of the ray to the right. */
    static int winding(List<double[]> edges, double x, double y) {
        int w = 0;
        for (double[] e : edges) {
            double y0 = e[1], y1 = e[3];
            if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) {
                double xc = e[0] + (y - y0) * (e[2] - e[0]) / (y1 - y0);
                if (xc > x) {
                    w += y1 > y0 ? 1 : -1;
                }
            }
        }
        return w;
    }

    private static boolean inside(FillRule rule, int w) {
        return rule == FillRule.EVEN_ODD ? (w & 1) != 0 : w != 0;
    }

    /** Where two non-vertical segments cross, as an x, or NaN when they do not. */
    private static double crossingX(double[] a, double[] b) {
        double rx = a[2] - a[0], ry = a[3] - a[1], sx = b[2] - b[0], sy = b[3] - b[1];
        double den = rx * sy - ry * sx;
        if (den == 0) {
            return Double.NaN;
        }
        double t = ((b[0] - a[0]) * sy - (b[1] - a[1]) * sx) / den;
        double u = ((b[0] - a[0]) * ry - (b[1] - a[1]) * rx) / den;
        if (t < 0 || t > 1 || u < 0 || u > 1) {
            return Double.NaN;
        }
        return a[0] + t * rx;
    }

    /** Liang-Barsky: the part of segment e inside the box, or null. */
    private static double[] clip(double[] e, double x0, double y0, double x1, double y1) {
        double dx = e[2] - e[0], dy = e[3] - e[1];
        double t0 = 0, t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {e[0] - x0, x1 - e[0], e[1] - y0, y1 - e[1]};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        double[] c = {e[0] + t0 * dx, e[1] + t0 * dy, e[0] + t1 * dx, e[1] + t1 * dy};
        for (int i = 0; i < 4; i += 2) {   // keep clipped ends exactly on the box
            c[i] = Math.min(x1, Math.max(x0, c[i]));
            c[i + 1] = Math.min(y1, Math.max(y0, c[i + 1]));
        }
        return c[0] == c[2] && c[1] == c[3] ? null : c;
    }
}
