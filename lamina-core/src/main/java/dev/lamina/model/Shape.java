package dev.lamina.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A region of the plane to draw: a path (subpaths of lines, quadratic and cubic Bézier curves)
 * with a {@link FillRule}, or the area a {@link Stroke} of that path covers. Coordinates are
 * doubles in pixels of the image the shape is drawn on (x to the right, y down); elliptical arcs
 * and the rounded parts of rectangles and ellipses become cubic curves when the shape is made.
 *
 * <pre>{@code
 * Shape.parse("M10 80 C40 10, 65 10, 95 80 S150 150, 180 80 Z")
 * Shape.roundedRect(0, 0, 400, 200, 24)
 * Shape.polygon(0, 0, 100, 0, 50, 80).evenOdd()
 * Shape.circle(50, 50, 40).stroked(Stroke.width(3))
 * }</pre>
 *
 * <p>Immutable and thread-safe: every method returns a new shape.
 */
public final class Shape {

    /** Receives a shape's segments in order: what {@link #segments} calls. */
    public interface Segments {
        void moveTo(double x, double y);

        void lineTo(double x, double y);

        void quadTo(double cx, double cy, double x, double y);

        void cubicTo(double c1x, double c1y, double c2x, double c2y, double x, double y);

        /** Closes the current subpath with a line back to its start. */
        void close();
    }

    static final byte MOVE = 0, LINE = 1, QUAD = 2, CUBIC = 3, CLOSE = 4;
    private static final int[] POINTS = {1, 1, 2, 3, 0};
    private static final double[] IDENTITY = {1, 0, 0, 1, 0, 0};

    private final byte[] verbs;
    private final double[] coords;
    private final FillRule fillRule;
    private final Stroke stroke;            // null: the path's inside is the shape
    private final double[] strokeTransform; // applied to the stroke's outline (stroked shapes only)

    private Shape(byte[] verbs, double[] coords, FillRule fillRule, Stroke stroke, double[] strokeTransform) {
        this.verbs = verbs;
        this.coords = coords;
        this.fillRule = fillRule;
        this.stroke = stroke;
        this.strokeTransform = strokeTransform;
    }

    /**
     * The shape of SVG path data ({@code d}): M, L, H, V, C, S, Q, T, A, Z and their relative
     * (lower-case) forms, numbers separated by spaces or commas as SVG allows. Empty data is an
     * empty shape. An error names the position in the string where the data stopped making sense.
     */
    public static Shape parse(String svgPathData) {
        return ShapeParser.parse(Objects.requireNonNull(svgPathData, "path data"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A rectangle; one of width or height 0 covers nothing. */
    public static Shape rect(double x, double y, double width, double height) {
        checkSize("rect", width, height);
        return builder().moveTo(x, y).lineTo(x + width, y).lineTo(x + width, y + height).lineTo(x, y + height)
                .close().build();
    }

    /** A rectangle with circular corners of one radius. */
    public static Shape roundedRect(double x, double y, double width, double height, double radius) {
        return roundedRect(x, y, width, height, radius, radius, radius, radius);
    }

    /**
     * A rectangle with a circular corner radius each (top-left, top-right, bottom-right,
     * bottom-left). Radii that would overlap along a side are all scaled down by the same factor
     * until they fit, as CSS's border-radius does.
     */
    public static Shape roundedRect(double x, double y, double width, double height,
                                    double topLeft, double topRight, double bottomRight, double bottomLeft) {
        checkSize("rounded rect", width, height);
        double[] r = {topLeft, topRight, bottomRight, bottomLeft};
        for (double v : r) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw LaminaException.badInput("rounded rect: corner radii must be finite and not negative, not " + v);
            }
        }
        double f = Math.min(Math.min(fit(width, r[0], r[1]), fit(width, r[3], r[2])),
                Math.min(fit(height, r[0], r[3]), fit(height, r[1], r[2])));
        for (int i = 0; i < 4; i++) {
            r[i] *= f;
        }
        Builder b = builder().moveTo(x + r[0], y).lineTo(x + width - r[1], y);
        Arcs.corner(b, x + width - r[1], y + r[1], r[1], -Math.PI / 2);
        b.lineTo(x + width, y + height - r[2]);
        Arcs.corner(b, x + width - r[2], y + height - r[2], r[2], 0);
        b.lineTo(x + r[3], y + height);
        Arcs.corner(b, x + r[3], y + height - r[3], r[3], Math.PI / 2);
        b.lineTo(x, y + r[0]);
        Arcs.corner(b, x + r[0], y + r[0], r[0], Math.PI);
        return b.close().build();
    }

    /** How much two radii along a side of {@code length} must shrink to fit it (1 when they fit). */
    private static double fit(double length, double r1, double r2) {
        return r1 + r2 > length ? length / (r1 + r2) : 1;
    }

    /** An ellipse with axes along x and y. */
    public static Shape ellipse(double cx, double cy, double rx, double ry) {
        checkSize("ellipse", rx, ry);
        Builder b = builder().moveTo(cx + rx, cy);
        Arcs.append(b, cx, cy, rx, ry, 0, 0, 2 * Math.PI, cx + rx, cy);
        return b.close().build();
    }

    public static Shape circle(double cx, double cy, double radius) {
        return ellipse(cx, cy, radius, radius);
    }

    /** A closed polygon through the points {@code x0, y0, x1, y1, ...}. */
    public static Shape polygon(double... xy) {
        return poly("polygon", xy).close().build();
    }

    /** An open line through the points {@code x0, y0, x1, y1, ...}: something to stroke. */
    public static Shape polyline(double... xy) {
        return poly("polyline", xy).build();
    }

    private static Builder poly(String what, double[] xy) {
        if (xy.length % 2 != 0) {
            throw LaminaException.badInput(what + ": an odd number of coordinates (" + xy.length + ")");
        }
        Builder b = builder();
        for (int i = 0; i < xy.length; i += 2) {
            if (i == 0) {
                b.moveTo(xy[0], xy[1]);
            } else {
                b.lineTo(xy[i], xy[i + 1]);
            }
        }
        return b;
    }

    private static void checkSize(String what, double w, double h) {
        if (!(w >= 0 && h >= 0) || !Double.isFinite(w) || !Double.isFinite(h)) {
            throw LaminaException.badInput(what + ": size must be finite and not negative, not " + w + "x" + h);
        }
    }

    /** This path filled with the even-odd rule. */
    public Shape evenOdd() {
        return fillRule(FillRule.EVEN_ODD);
    }

    /** This path filled with {@code rule}. A stroked shape is always its outline filled non-zero. */
    public Shape fillRule(FillRule rule) {
        if (stroke != null) {
            throw LaminaException.badInput("a stroked shape has no fill rule of its own");
        }
        return new Shape(verbs, coords, Objects.requireNonNull(rule, "fill rule"), null, IDENTITY);
    }

    /**
     * The area that a line of {@code stroke} along this path covers (SVG's stroke geometry:
     * Java2D's {@code createStrokedShape}). Transforms of the result transform that area, line
     * width included.
     */
    public Shape stroked(Stroke s) {
        if (stroke != null) {
            throw LaminaException.badInput("a stroked shape cannot be stroked again");
        }
        return new Shape(verbs, coords, FillRule.NON_ZERO, Objects.requireNonNull(s, "stroke"), IDENTITY);
    }

    public FillRule fillRule() {
        return fillRule;
    }

    /** The stroke whose area this shape is, or null for a filled path. */
    public Stroke stroke() {
        return stroke;
    }

    /**
     * The matrix {@code (a, b, c, d, e, f)} that maps a stroked shape's outline (computed along the
     * path's coordinates) to its place; the identity for filled shapes, whose path is transformed
     * itself. A copy.
     */
    public double[] strokeTransform() {
        return strokeTransform.clone();
    }

    /**
     * This shape mapped by SVG's {@code matrix(a, b, c, d, e, f)}:
     * {@code x' = a x + c y + e, y' = b x + d y + f}.
     */
    public Shape transform(double a, double b, double c, double d, double e, double f) {
        double[] m = {a, b, c, d, e, f};
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw LaminaException.badInput("transform: coefficients must be finite numbers, not " + v);
            }
        }
        if (stroke != null) {
            double[] t = strokeTransform;
            // m after t: the outline is placed by t, then moved by m
            double[] composed = {a * t[0] + c * t[1], b * t[0] + d * t[1], a * t[2] + c * t[3], b * t[2] + d * t[3],
                    a * t[4] + c * t[5] + e, b * t[4] + d * t[5] + f};
            return new Shape(verbs, coords, fillRule, stroke, composed);
        }
        double[] out = new double[coords.length];
        for (int i = 0; i < coords.length; i += 2) {
            double x = coords[i], y = coords[i + 1];
            out[i] = a * x + c * y + e;
            out[i + 1] = b * x + d * y + f;
        }
        return new Shape(verbs, out, fillRule, null, IDENTITY);
    }

    public Shape translate(double dx, double dy) {
        return transform(1, 0, 0, 1, dx, dy);
    }

    public Shape scale(double s) {
        return scale(s, s);
    }

    public Shape scale(double sx, double sy) {
        return transform(sx, 0, 0, sy, 0, 0);
    }

    /** Rotated about the origin by {@code degrees}, clockwise on the screen (y down), as SVG's rotate. */
    public Shape rotate(double degrees) {
        double r = Math.toRadians(degrees), cos = Math.cos(r), sin = Math.sin(r);
        return transform(cos, sin, -sin, cos, 0, 0);
    }

    /** Rotated about (cx, cy) by {@code degrees}. */
    public Shape rotate(double degrees, double cx, double cy) {
        return translate(-cx, -cy).rotate(degrees).translate(cx, cy);
    }

    /** Whether the path has no segments at all. */
    public boolean isEmpty() {
        return verbs.length == 0;
    }

    /** Replays the path's segments (the path before any stroke) in order. */
    public void segments(Segments sink) {
        int p = 0;
        for (byte v : verbs) {
            double[] c = coords;
            switch (v) {
                case MOVE -> sink.moveTo(c[p], c[p + 1]);
                case LINE -> sink.lineTo(c[p], c[p + 1]);
                case QUAD -> sink.quadTo(c[p], c[p + 1], c[p + 2], c[p + 3]);
                case CUBIC -> sink.cubicTo(c[p], c[p + 1], c[p + 2], c[p + 3], c[p + 4], c[p + 5]);
                default -> sink.close();
            }
            p += 2 * POINTS[v];
        }
    }

    @Override
    public String toString() {
        return "Shape[" + verbs.length + " segments, " + (stroke != null ? stroke : fillRule) + "]";
    }

    /**
     * Builds a path segment by segment. Every subpath starts with {@link #moveTo}; after
     * {@link #close}, a segment other than a move starts from the closed subpath's start, as in SVG.
     * Not thread-safe; the shapes it builds are.
     */
    public static final class Builder {
        private byte[] verbs = new byte[16];
        private double[] coords = new double[32];
        private int nv;
        private int nc;
        private boolean hasCurrent;
        private boolean closed;
        private double startX, startY, curX, curY;

        private Builder() {
        }

        public Builder moveTo(double x, double y) {
            finite(x, y);
            add(MOVE, x, y);
            startX = curX = x;
            startY = curY = y;
            hasCurrent = true;
            closed = false;
            return this;
        }

        public Builder lineTo(double x, double y) {
            finite(x, y);
            current("lineTo");
            add(LINE, x, y);
            curX = x;
            curY = y;
            return this;
        }

        public Builder quadTo(double cx, double cy, double x, double y) {
            finite(cx, cy, x, y);
            current("quadTo");
            add(QUAD, cx, cy, x, y);
            curX = x;
            curY = y;
            return this;
        }

        public Builder cubicTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
            finite(c1x, c1y, c2x, c2y, x, y);
            current("cubicTo");
            add(CUBIC, c1x, c1y, c2x, c2y, x, y);
            curX = x;
            curY = y;
            return this;
        }

        /**
         * An elliptical arc to (x, y) as SVG's {@code A} command: radii, rotation of the x axis in
         * degrees, which of the four candidate arcs ({@code largeArc}, {@code sweep} = clockwise on
         * the screen). Radii too small to reach are scaled up; a zero radius makes a line.
         */
        public Builder arcTo(double rx, double ry, double xAxisRotation, boolean largeArc, boolean sweep,
                             double x, double y) {
            finite(rx, ry, xAxisRotation, x, y);
            current("arcTo");
            Arcs.svgArc(this, curX, curY, rx, ry, xAxisRotation, largeArc, sweep, x, y);
            return this;
        }

        public Builder close() {
            if (hasCurrent && !closed) {
                add(CLOSE);
                curX = startX;
                curY = startY;
                closed = true;
            }
            return this;
        }

        double currentX() {
            return curX;
        }

        double currentY() {
            return curY;
        }

        /** The path so far, filled non-zero. */
        public Shape build() {
            return new Shape(Arrays.copyOf(verbs, nv), Arrays.copyOf(coords, nc), FillRule.NON_ZERO, null, IDENTITY);
        }

        private void current(String what) {
            if (!hasCurrent) {
                throw LaminaException.badInput("path: " + what + " before any moveTo");
            }
            if (closed) {
                add(MOVE, startX, startY);   // SVG: the next subpath starts where the closed one did
                closed = false;
            }
        }

        private void add(byte verb, double... xy) {
            if (nv == verbs.length) {
                verbs = Arrays.copyOf(verbs, 2 * nv);
            }
            verbs[nv++] = verb;
            if (nc + xy.length > coords.length) {
                coords = Arrays.copyOf(coords, 2 * (nc + xy.length));
            }
            System.arraycopy(xy, 0, coords, nc, xy.length);
            nc += xy.length;
        }

        private static void finite(double... v) {
            for (double d : v) {
                if (!Double.isFinite(d)) {
                    throw LaminaException.badInput("path: coordinates must be finite numbers, not " + d);
                }
            }
        }
    }
}
