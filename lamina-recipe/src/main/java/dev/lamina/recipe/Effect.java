package dev.lamina.recipe;

/**
 * An effect on a layer, applied after its clip and mask, in the order listed: a blur of the layer,
 * or something drawn under it from its alpha (drop shadow, outer glow, outline).
 */
public sealed interface Effect {

    /** Gaussian blur of the layer, sigma in pixels. */
    record Blur(double sigma) implements Effect {
    }

    /** The layer's alpha grown by {@code spread}, blurred, moved by (dx, dy), coloured, under the layer (CSS box-shadow). */
    record DropShadow(int dx, int dy, double sigma, int rgb, double opacity, double spread) implements Effect {
    }

    /** A shadow in place: the alpha grown by {@code spread} and blurred, coloured, under the layer. */
    record Glow(double sigma, int rgb, double opacity, double spread) implements Effect {
    }

    /** The layer's alpha grown by {@code width} pixels (antialiased), in one colour, under the layer. */
    record Outline(double width, int rgb, double opacity) implements Effect {
    }

    static Blur blur(double sigma) {
        return new Blur(sigma);
    }

    static DropShadow shadow(int dx, int dy, double sigma, int rgb, double opacity) {
        return new DropShadow(dx, dy, sigma, rgb, opacity, 0);
    }

    static Glow glow(double sigma, int rgb, double opacity) {
        return new Glow(sigma, rgb, opacity, 0);
    }

    static Outline outline(double width, int rgb, double opacity) {
        return new Outline(width, rgb, opacity);
    }
}
