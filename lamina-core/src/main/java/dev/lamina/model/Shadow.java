package dev.lamina.model;

/**
 * A drop shadow or an outer glow, as CSS's box-shadow describes one: an offset, a blur (sigma of
 * the Gaussian, in pixels; 0 is a hard shadow), a spread (the shape grown by that many pixels before
 * the blur), a colour and an opacity. A glow is a shadow that is not moved. Defaults: black,
 * opacity 1, no spread.
 *
 * <pre>{@code
 * logo.shadow(Shadow.of(4, 6, 3).opacity(0.5))
 * title.shadow(Shadow.glow(8).colour(0xffcc00).spread(2))
 * }</pre>
 *
 * <p>Immutable and thread-safe: each method returns a new shadow.
 */
public record Shadow(int dx, int dy, double sigma, double spread, int rgb, double opacity) {

    public Shadow {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw LaminaException.badInput("shadow: sigma must be a finite number, not negative, not " + sigma);
        }
        if (!(spread >= 0) || !Double.isFinite(spread)) {
            throw LaminaException.badInput("shadow: spread must be a finite number, not negative, not " + spread);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw LaminaException.badInput("shadow: opacity must be between 0 and 1, not " + opacity);
        }
    }

    /** A black shadow moved by (dx, dy) and blurred with {@code sigma}. */
    public static Shadow of(int dx, int dy, double sigma) {
        return new Shadow(dx, dy, sigma, 0, 0x000000, 1);
    }

    /** A black glow blurred with {@code sigma}: a shadow in place. */
    public static Shadow glow(double sigma) {
        return of(0, 0, sigma);
    }

    /** The colour, {@code 0xRRGGBB}. */
    public Shadow colour(int colour) {
        return new Shadow(dx, dy, sigma, spread, colour, opacity);
    }

    public Shadow opacity(double o) {
        return new Shadow(dx, dy, sigma, spread, rgb, o);
    }

    public Shadow spread(double pixels) {
        return new Shadow(dx, dy, sigma, pixels, rgb, opacity);
    }
}
