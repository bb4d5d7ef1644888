package dev.lamina.core;

import dev.lamina.model.LaminaException;

/**
 * A rectangle of pixels: left, top, width, height. Empty when width or height is not positive.
 * Its right and bottom edges must be ints too: a rectangle whose {@code x + width} would pass 2^31
 * is refused here (as bad input: such numbers come from a caller), so no code ever indexes with a
 * wrapped-around edge. Code that places things
 * at offsets it does not control (a layer at {@code x = 2^31 - 1}) clips them first with
 * {@link #clip}, in long arithmetic.
 */
public record Rect(int x, int y, int width, int height) {

    public Rect {
        if ((long) x + width > Integer.MAX_VALUE || (long) y + height > Integer.MAX_VALUE) {
            throw LaminaException.badInput("rectangle " + width + "x" + height + " at (" + x + ", " + y
                    + ") reaches past 2^31");
        }
    }

    public static Rect of(int width, int height) {
        return new Rect(0, 0, width, height);
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    public long area() {
        return isEmpty() ? 0 : (long) width * height;
    }

    /** The overlap of two rectangles; an empty rectangle when they do not meet. */
    public Rect intersect(Rect o) {
        int l = Math.max(x, o.x), t = Math.max(y, o.y);
        int r = Math.min(right(), o.right()), b = Math.min(bottom(), o.bottom());
        return new Rect(l, t, Math.max(0, r - l), Math.max(0, b - t));
    }

    /**
     * The part of the rectangle at ({@code x}, {@code y}) of {@code width x height}, computed in long
     * arithmetic so that it may reach past the int range, that lies inside this one; empty (and
     * never matching a row) when they do not meet.
     */
    public Rect clip(long x, long y, long width, long height) {
        long l = Math.max(this.x, x), t = Math.max(this.y, y);
        long r = Math.min(right(), x + width), b = Math.min(bottom(), y + height);
        if (r <= l || b <= t) {
            return new Rect(0, 0, 0, 0);
        }
        return new Rect((int) l, (int) t, (int) (r - l), (int) (b - t));
    }

    public boolean contains(Rect o) {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }

    public Rect translate(int dx, int dy) {
        return new Rect(x + dx, y + dy, width, height);
    }
}
