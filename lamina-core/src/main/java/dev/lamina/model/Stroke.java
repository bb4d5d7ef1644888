package dev.lamina.model;

import java.util.Arrays;

/**
 * How a path's line is drawn, as SVG's stroke properties: width, joins (with the miter limit),
 * caps and dashes. Lengths are in the shape's units (pixels for a shape drawn as it is). The
 * defaults are SVG's: width 1, miter joins with limit 4, butt caps, no dashes.
 *
 * <pre>{@code
 * Stroke.width(4).join(Stroke.Join.ROUND).cap(Stroke.Cap.ROUND)
 * Stroke.width(2).dashes(0, 8, 4)      // 8 on, 4 off, starting at the beginning of the pattern
 * }</pre>
 *
 * <p>Immutable and thread-safe: each method returns a new stroke.
 */
public final class Stroke {

    /** The shape of a corner between two segments. */
    public enum Join {
        /** Edges extended until they meet, unless that is longer than the miter limit allows: then bevel. */
        MITER,
        ROUND,
        BEVEL
    }

    /** The shape of the ends of an open subpath (and of each dash). */
    public enum Cap {
        BUTT,
        ROUND,
        /** Extended by half the width beyond the end. */
        SQUARE
    }

    private final double width;
    private final Join join;
    private final double miterLimit;
    private final Cap cap;
    private final double[] dashes;
    private final double dashOffset;

    private Stroke(double width, Join join, double miterLimit, Cap cap, double[] dashes, double dashOffset) {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw LaminaException.badInput("stroke width must be a positive number, not " + width);
        }
        if (!(miterLimit >= 1) || !Double.isFinite(miterLimit)) {
            throw LaminaException.badInput("miter limit must be at least 1, not " + miterLimit);
        }
        if (!Double.isFinite(dashOffset)) {
            throw LaminaException.badInput("dash offset must be a finite number, not " + dashOffset);
        }
        this.width = width;
        this.join = java.util.Objects.requireNonNull(join, "join");
        this.miterLimit = miterLimit;
        this.cap = java.util.Objects.requireNonNull(cap, "cap");
        this.dashes = dashes;
        this.dashOffset = dashOffset;
    }

    /** A stroke of {@code width} with SVG's defaults otherwise. */
    public static Stroke width(double width) {
        return new Stroke(width, Join.MITER, 4, Cap.BUTT, new double[0], 0);
    }

    public Stroke join(Join j) {
        return new Stroke(width, j, miterLimit, cap, dashes, dashOffset);
    }

    /** The longest miter allowed, as a multiple of the width (SVG's stroke-miterlimit; at least 1). */
    public Stroke miterLimit(double limit) {
        return new Stroke(width, join, limit, cap, dashes, dashOffset);
    }

    public Stroke cap(Cap c) {
        return new Stroke(width, join, miterLimit, c, dashes, dashOffset);
    }

    /**
     * Dashes as SVG's {@code stroke-dasharray} and {@code stroke-dashoffset}: alternating lengths
     * on and off (an odd list is repeated to make it even), the pattern starting {@code offset}
     * into itself. No lengths means a solid line. Lengths must not be negative and must not all be
     * zero.
     */
    public Stroke dashes(double offset, double... lengths) {
        double sum = 0;
        for (double d : lengths) {
            if (!(d >= 0) || !Double.isFinite(d)) {
                throw LaminaException.badInput("dash lengths must be finite and not negative, not " + d);
            }
            sum += d;
        }
        if (lengths.length > 0 && !(sum > 0)) {
            throw LaminaException.badInput("dash lengths must not all be zero");
        }
        double[] pattern = lengths.length % 2 == 1 ? concat(lengths, lengths) : lengths.clone();
        return new Stroke(width, join, miterLimit, cap, pattern, offset);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    public double width() {
        return width;
    }

    public Join join() {
        return join;
    }

    public double miterLimit() {
        return miterLimit;
    }

    public Cap cap() {
        return cap;
    }

    /** The dash pattern (even length, on first), empty for a solid line. A copy. */
    public double[] dashes() {
        return dashes.clone();
    }

    public double dashOffset() {
        return dashOffset;
    }

    @Override
    public String toString() {
        return "Stroke[width " + width + ", " + join + (join == Join.MITER ? " " + miterLimit : "") + ", " + cap
                + (dashes.length > 0 ? ", dashes " + Arrays.toString(dashes) + " offset " + dashOffset : "") + "]";
    }
}
