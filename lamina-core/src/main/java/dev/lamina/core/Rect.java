package dev.lamina.core;

/** A rectangle of pixels: left, top, width, height. Empty when width or height is not positive. */
public record Rect(int x, int y, int width, int height) {

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

    public boolean contains(Rect o) {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }

    public Rect translate(int dx, int dy) {
        return new Rect(x + dx, y + dy, width, height);
    }
}
