package dev.lamina.geometry;

/**
 * How much of each output pixel the transformed image covers: the area of the pixel's unit
 * square that lies inside the image's parallelogram, so the image's edges blend into the
 * background in proportion (antialiased edges, exact for any kernel).
 *
 * <p>Per output row, {@link #spans} finds with four linear inequalities (one per image edge) the
 * columns whose squares lie wholly inside (coverage 1) and those that may touch the image at all;
 * only the few pixels between, on the edges, have their area computed ({@link #at}): the square's
 * corners are mapped back into input space, where the image is the rectangle
 * {@code [0, w] x [0, h]}, the parallelogram is clipped to it (Sutherland-Hodgman) and its area
 * (shoelace) scaled by the map's determinant. A pixel within 1e-9 input pixels of being inside
 * counts as inside, and areas within 1e-12 of 0 or 1 are snapped, so that an exact turn by 90
 * degrees computed through this path keeps its edge pixels whole. Immutable.
 */
final class Coverage {
    private static final double INSIDE_TOLERANCE = 1e-9;
    private static final double SNAP = 1e-12;

    private final AffineMatrix m;
    private final AffineMatrix inverse;
    private final int width;
    private final int height;
    private final int ox;
    private final int oy;
    private final double absDet;

    /**
     * @param m      input to output
     * @param ox, oy where the output image's pixel (0, 0) lies in output space
     */
    Coverage(AffineMatrix m, int inWidth, int inHeight, int ox, int oy) {
        this.m = m;
        this.inverse = m.inverse();
        this.width = inWidth;
        this.height = inHeight;
        this.ox = ox;
        this.oy = oy;
        this.absDet = Math.abs(m.determinant());
    }

    /**
     * For output row {@code y}, within columns {@code [x0, x1)}: {@code spans[0..1]} the columns
     * {@code [from, to)} that may touch the image, {@code spans[2..3]} those wholly inside (empty
     * spans have {@code to <= from}; the inside span lies within the touching one).
     */
    void spans(int y, int x0, int x1, int[] spans) {
        double ia = inverse.a(), ib = inverse.b(), ic = inverse.c(), id = inverse.d();
        // input coordinates of the top-left corner of output pixel (0, y), less the column's part
        double px = ox - m.tx(), py = oy + y - m.ty();
        double gx = ia * px + ib * py, gy = ic * px + id * py;
        double[] touch = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] inside = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        // x >= 0, w - x >= 0, y >= 0, h - y >= 0 over the square's corners: alpha X + beta >= 0
        constrain(ia, ib, gx, touch, inside);
        constrain(-ia, -ib, width - gx, touch, inside);
        constrain(ic, id, gy, touch, inside);
        constrain(-ic, -id, height - gy, touch, inside);
        int tFrom = clampColumn(Math.floor(touch[0]) - 1, x0, x1);
        int tTo = clampColumn(Math.ceil(touch[1]) + 2, x0, x1);
        int iFrom = clampColumn(Math.ceil(inside[0]), x0, x1);
        int iTo = clampColumn(Math.floor(inside[1]) + 1, x0, x1);
        if (iTo <= iFrom) {
            iFrom = iTo = tFrom;
        }
        spans[0] = tFrom;
        spans[1] = Math.max(tFrom, tTo);
        spans[2] = Math.max(iFrom, tFrom);
        spans[3] = Math.min(Math.max(iTo, iFrom), spans[1]);
    }

    private static int clampColumn(double v, int x0, int x1) {
        return (int) Math.max(x0, Math.min(x1, v));
    }

    /**
     * Narrows the column intervals by one edge's inequality {@code alphaX X + alphaY dy + beta >= 0}
     * for the square's corners (X + {0, 1}, y + {0, 1}): for the whole square to be inside its
     * worst corner must pass; for it to touch, its best corner.
     */
    private static void constrain(double alphaX, double alphaY, double beta, double[] touch, double[] inside) {
        double worst = beta + Math.min(0, alphaX) + Math.min(0, alphaY) + INSIDE_TOLERANCE;
        double best = beta + Math.max(0, alphaX) + Math.max(0, alphaY) + INSIDE_TOLERANCE;
        narrow(alphaX, worst, inside);
        narrow(alphaX, best, touch);
    }

    private static void narrow(double alpha, double beta, double[] interval) {
        if (alpha > 0) {
            interval[0] = Math.max(interval[0], -beta / alpha);
        } else if (alpha < 0) {
            interval[1] = Math.min(interval[1], -beta / alpha);
        } else if (beta < 0) {
            interval[0] = Double.POSITIVE_INFINITY;
            interval[1] = Double.NEGATIVE_INFINITY;
        }
    }

    /** Room for {@link #at}'s polygons: one per sequence. */
    static double[][] scratch() {
        return new double[4][12];
    }

    /** The covered fraction of output pixel (x, y), 0 to 1; {@code scratch} from {@link #scratch()}. */
    double at(int x, int y, double[][] scratch) {
        double ia = inverse.a(), ib = inverse.b(), ic = inverse.c(), id = inverse.d();
        double px = ox + x - m.tx(), py = oy + y - m.ty();
        double cx = ia * px + ib * py, cy = ic * px + id * py;
        // work near the origin: the clip planes move instead of the corners, keeping magnitudes small
        double fx = Math.floor(cx), fy = Math.floor(cy);
        double[] xs = scratch[0], ys = scratch[1], xt = scratch[2], yt = scratch[3];
        xs[0] = cx - fx;
        ys[0] = cy - fy;
        xs[1] = xs[0] + ia;
        ys[1] = ys[0] + ic;
        xs[2] = xs[1] + ib;
        ys[2] = ys[1] + id;
        xs[3] = xs[0] + ib;
        ys[3] = ys[0] + id;
        int n = 4;
        n = clip(xs, ys, n, xt, yt, 1, 0, fx);             //  x >= -fx
        n = clip(xt, yt, n, xs, ys, -1, 0, width - fx);    // -x >= -(w - fx)
        n = clip(xs, ys, n, xt, yt, 0, 1, fy);
        n = clip(xt, yt, n, xs, ys, 0, -1, height - fy);
        double area = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            area += xs[i] * ys[j] - xs[j] * ys[i];
        }
        double c = Math.abs(area) * 0.5 * absDet;
        return c < SNAP ? 0.0 : c > 1 - SNAP ? 1.0 : c;
    }

    /**
     * Clips the polygon (xs, ys, n) to the half-plane {@code sx x + sy y + offset >= 0} with
     * {@code sx, sy} in {-1, 0, 1}: for {@code sx = 1} it is {@code x >= -offset}, for
     * {@code sx = -1} it is {@code x <= offset}. Writes the result to (xo, yo) and returns its length.
     */
    private static int clip(double[] xs, double[] ys, int n, double[] xo, double[] yo, int sx, int sy, double offset) {
        int out = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double di = sx * xs[i] + sy * ys[i] + offset, dj = sx * xs[j] + sy * ys[j] + offset;
            if (di >= 0) {
                xo[out] = xs[i];
                yo[out++] = ys[i];
            }
            if ((di >= 0) != (dj >= 0)) {
                double t = di / (di - dj);
                xo[out] = xs[i] + t * (xs[j] - xs[i]);
                yo[out++] = ys[i] + t * (ys[j] - ys[i]);
            }
        }
        return out;
    }
}
