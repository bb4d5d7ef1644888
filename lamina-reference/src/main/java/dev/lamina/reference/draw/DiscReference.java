package dev.lamina.reference.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact area of a disc inside each pixel, from the integral of the circle's height: no
 * polygon, no flattening. Between breakpoints (the pixel's sides, the circle's leftmost and
 * rightmost x, and where the circle crosses the pixel's top and bottom) the covered height is a
 * constant or {@code cy +- sqrt(r^2 - (x-cx)^2)}, whose integral is
 * {@code (u sqrt(r^2 - u^2) + r^2 asin(u / r)) / 2}.
 */
public final class DiscReference {

    private DiscReference() {
    }

    /** Coverage [y][x] of the disc of radius {@code r} about (cx, cy). */
    public static double[][] coverage(double cx, double cy, double r, int width, int height) {
        double[][] out = new double[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y][x] = area(cx, cy, r, x, y, x + 1, y + 1);
            }
        }
        return out;
    }

    public static double area(double cx, double cy, double r, double x0, double y0, double x1, double y1) {
        double lo = Math.max(x0, cx - r), hi = Math.min(x1, cx + r);
        if (!(hi > lo)) {
            return 0;
        }
        List<Double> cuts = new ArrayList<>(List.of(lo, hi));
        for (double y : new double[]{y0, y1}) {
            double d = Math.abs(y - cy);
            if (d < r) {
                double w = Math.sqrt(r * r - d * d);
                cuts.add(cx - w);
                cuts.add(cx + w);
            }
        }
        double[] xs = cuts.stream().mapToDouble(Double::doubleValue).filter(x -> x >= lo && x <= hi).sorted().distinct().toArray();
        double area = 0;
        for (int i = 0; i + 1 < xs.length; i++) {
            double a = xs[i], b = xs[i + 1], m = (a + b) / 2;
            double s = Math.sqrt(Math.max(0, r * r - (m - cx) * (m - cx)));
            boolean topIsCircle = cy + s < y1, bottomIsCircle = cy - s > y0;
            double upper = topIsCircle ? cy + s : y1, lower = bottomIsCircle ? cy - s : y0;
            if (!(upper > lower)) {
                continue;
            }
            double integral = (topIsCircle ? cy * (b - a) + root(b - cx, r) - root(a - cx, r) : y1 * (b - a))
                    - (bottomIsCircle ? cy * (b - a) - (root(b - cx, r) - root(a - cx, r)) : y0 * (b - a));
            area += integral;
        }
        return area;
    }

    /** The integral of sqrt(r^2 - u^2) from 0 to u. */
    private static double root(double u, double r) {
        double v = Math.max(-r, Math.min(r, u));
        return (v * Math.sqrt(Math.max(0, r * r - v * v)) + r * r * Math.asin(v / r)) / 2;
    }
}
