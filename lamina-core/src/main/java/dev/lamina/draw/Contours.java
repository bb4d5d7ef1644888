package dev.lamina.draw;

import dev.lamina.model.LaminaException;

import java.util.Arrays;

/**
 * Polylines: the flattened subpaths of a shape, or the rings of an outline to fill. Each contour is
 * a run of points, open or closed; a point is marked <em>smooth</em> when it lies inside a curve
 * (the stroker joins there without the stroke's join style, since the curve has no corner there).
 * Consecutive equal points are stored once.
 *
 * <p>Growth is checked against {@link #MAX_POINTS} before any array grows, so a path cannot make
 * Lamina allocate more than that, whatever its coordinates.
 */
public final class Contours {
    /** The most points (hence line segments) one shape may flatten or stroke to. */
    public static final int MAX_POINTS = 1_000_000;

    private double[] xy = new double[64];
    private boolean[] smooth = new boolean[32];
    private int points;
    private int[] starts = new int[8];
    private boolean[] closed = new boolean[8];
    private boolean[] drawn = new boolean[8];
    private int contours;
    private final String what;

    /** {@code what} names the shape in a limit error. */
    public Contours(String what) {
        this.what = what;
    }

    /** Starts a new contour at (x, y). */
    public void begin(double x, double y) {
        if (contours == starts.length) {
            starts = Arrays.copyOf(starts, 2 * contours);
            closed = Arrays.copyOf(closed, 2 * contours);
            drawn = Arrays.copyOf(drawn, 2 * contours);
        }
        starts[contours] = points;
        closed[contours] = false;
        drawn[contours] = false;
        contours++;
        put(x, y, false);
    }

    /** Adds a point to the current contour, unless it equals the last one. */
    public void add(double x, double y, boolean isSmooth) {
        drawn[contours - 1] = true;
        int last = 2 * (points - 1);
        if (xy[last] == x && xy[last + 1] == y) {
            return;
        }
        put(x, y, isSmooth);
    }

    /** Marks the current contour as drawn although it may hold a single point (a dash of length 0). */
    public void markDrawn() {
        drawn[contours - 1] = true;
    }

    /**
     * Appends contour {@code c}'s points after its first to the current contour (whose last point is
     * {@code c}'s first): a closed subpath's last dash continuing into its first.
     */
    void appendContour(int c) {
        int from = starts[c], to = end(c);
        for (int p = from + 1; p < to; p++) {
            put(xy[2 * p], xy[2 * p + 1], smooth[p]);
        }
    }

    /** Leaves contour {@code c} in place but drawing nothing. */
    void discard(int c) {
        drawn[c] = false;
    }

    /** Marks the current contour closed (its last point joins its first). */
    public void close() {
        drawn[contours - 1] = true;
        closed[contours - 1] = true;
        // a closing point equal to the first is implied by "closed"
        int first = starts[contours - 1];
        if (points - first > 1 && xy[2 * first] == xy[2 * (points - 1)] && xy[2 * first + 1] == xy[2 * (points - 1) + 1]) {
            points--;
        }
    }

    /**
     * Closes the current contour as a ring of positive orientation (positive shoelace area in
     * image coordinates), reversing its points if needed: the stroker's pieces all wind the same way,
     * so filling them non-zero gives their union.
     */
    public void closePositive() {
        close();
        int first = starts[contours - 1];
        double area = 0;
        for (int i = first, j = points - 1; i < points; j = i++) {
            area += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
        }
        if (area < 0) {
            for (int i = first, j = points - 1; i < j; i++, j--) {
                double tx = xy[2 * i], ty = xy[2 * i + 1];
                xy[2 * i] = xy[2 * j];
                xy[2 * i + 1] = xy[2 * j + 1];
                xy[2 * j] = tx;
                xy[2 * j + 1] = ty;
                boolean ts = smooth[i];
                smooth[i] = smooth[j];
                smooth[j] = ts;
            }
        }
    }

    private void put(double x, double y, boolean isSmooth) {
        if (points == smooth.length) {
            if (points >= MAX_POINTS) {
                throw LaminaException.limit(what + ": more than " + MAX_POINTS
                        + " line segments after flattening curves and stroking");
            }
            int n = Math.min(MAX_POINTS, 2 * points);
            xy = Arrays.copyOf(xy, 2 * n);
            smooth = Arrays.copyOf(smooth, n);
        }
        xy[2 * points] = x;
        xy[2 * points + 1] = y;
        smooth[points] = isSmooth;
        points++;
    }

    public int count() {
        return contours;
    }

    /** Index of the first point of contour {@code c}. */
    public int start(int c) {
        return starts[c];
    }

    /** Index after the last point of contour {@code c}. */
    public int end(int c) {
        return c + 1 < contours ? starts[c + 1] : points;
    }

    public boolean closed(int c) {
        return closed[c];
    }

    /** Whether the subpath drew anything (a lone move does not; a zero-length line does). */
    public boolean drawn(int c) {
        return drawn[c];
    }

    public double x(int p) {
        return xy[2 * p];
    }

    public double y(int p) {
        return xy[2 * p + 1];
    }

    public boolean smooth(int p) {
        return smooth[p];
    }

    /** Total points over all contours. */
    public int points() {
        return points;
    }

    /** Every point mapped by {@code m = (a, b, c, d, e, f)}: x' = a x + c y + e, y' = b x + d y + f. */
    public void transform(double[] m) {
        for (int i = 0; i < points; i++) {
            double x = xy[2 * i], y = xy[2 * i + 1];
            xy[2 * i] = m[0] * x + m[2] * y + m[4];
            xy[2 * i + 1] = m[1] * x + m[3] * y + m[5];
        }
    }

    /** Contour {@code c}'s points as {x0, y0, x1, y1, ...}: for tests and the reference. */
    public double[] ring(int c) {
        return Arrays.copyOfRange(xy, 2 * start(c), 2 * end(c));
    }
}
