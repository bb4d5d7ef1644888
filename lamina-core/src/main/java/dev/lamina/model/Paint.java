package dev.lamina.model;

import java.util.Arrays;
import java.util.List;

/**
 * What fills a shape or a canvas: one colour, or a linear or radial gradient. Colours are sRGB
 * {@code 0xRRGGBB} with a separate opacity (0 transparent .. 1 opaque); gradients interpolate
 * between their stops in premultiplied space (so a stop fading to transparent does not drag its
 * neighbour's colour through grey), as CSS does. A gradient is sampled at pixel centres, in pixel
 * coordinates of the image it fills.
 *
 * <pre>{@code
 * Paint.solid(0x3366ff, 0.5)
 * Paint.linear(0, 0, 0, 400, Paint.stop(0, 0x000000), Paint.stop(1, 0x000000, 0))
 * Paint.radial(200, 200, 150, Paint.stop(0, 0xffffff), Paint.stop(1, 0x0066cc)).spread(Paint.Spread.REFLECT)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Paint {

    /** What a gradient does beyond its ends (SVG's spreadMethod). */
    enum Spread {
        /** The end colours continue. */
        PAD,
        /** The gradient starts again. */
        REPEAT,
        /** The gradient runs back and forth. */
        REFLECT
    }

    /** A colour at a position (0..1) along a gradient. */
    record Stop(double offset, int rgb, double alpha) {
        public Stop {
            if (!Double.isFinite(offset)) {
                throw LaminaException.badInput("gradient stop offset must be a finite number, not " + offset);
            }
            checkAlpha("gradient stop", alpha);
        }
    }

    static Stop stop(double offset, int rgb) {
        return new Stop(offset, rgb, 1);
    }

    static Stop stop(double offset, int rgb, double alpha) {
        return new Stop(offset, rgb, alpha);
    }

    /** One colour everywhere. */
    record Solid(int rgb, double alpha) implements Paint {
        public Solid {
            checkAlpha("colour", alpha);
        }
    }

    static Solid solid(int rgb) {
        return new Solid(rgb, 1);
    }

    static Solid solid(int rgb, double alpha) {
        return new Solid(rgb, alpha);
    }

    /**
     * Colour changing along the line from (x0, y0), offset 0, to (x1, y1), offset 1, constant across
     * it. When the two points coincide the last stop's colour fills everything, as in SVG.
     */
    record Linear(double x0, double y0, double x1, double y1, List<Stop> stops, Spread spread) implements Paint {
        public Linear {
            checkFinite("linear gradient", x0, y0, x1, y1);
            stops = checkStops(stops);
            java.util.Objects.requireNonNull(spread, "spread");
        }

        public Linear spread(Spread s) {
            return new Linear(x0, y0, x1, y1, stops, s);
        }
    }

    static Linear linear(double x0, double y0, double x1, double y1, Stop... stops) {
        return new Linear(x0, y0, x1, y1, Arrays.asList(stops), Spread.PAD);
    }

    /**
     * Colour changing with the distance from (cx, cy): offset 0 at the centre, 1 at {@code radius}
     * (the focal point is the centre). A radius of 0 fills everything with the last stop's colour.
     */
    record Radial(double cx, double cy, double radius, List<Stop> stops, Spread spread) implements Paint {
        public Radial {
            checkFinite("radial gradient", cx, cy, radius);
            if (radius < 0) {
                throw LaminaException.badInput("radial gradient radius must not be negative, not " + radius);
            }
            stops = checkStops(stops);
            java.util.Objects.requireNonNull(spread, "spread");
        }

        public Radial spread(Spread s) {
            return new Radial(cx, cy, radius, stops, s);
        }
    }

    static Radial radial(double cx, double cy, double radius, Stop... stops) {
        return new Radial(cx, cy, radius, Arrays.asList(stops), Spread.PAD);
    }

    private static void checkAlpha(String what, double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw LaminaException.badInput(what + ": opacity must be between 0 and 1, not " + alpha);
        }
    }

    private static void checkFinite(String what, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw LaminaException.badInput(what + ": coordinates must be finite numbers, not " + v);
            }
        }
    }

    /**
     * At least one stop; offsets clamped to 0..1 and made non-decreasing (each at least the one
     * before), as SVG and CSS do, so equal offsets make a hard edge.
     */
    private static List<Stop> checkStops(List<Stop> stops) {
        if (stops == null || stops.isEmpty()) {
            throw LaminaException.badInput("a gradient needs at least one colour stop");
        }
        Stop[] s = new Stop[stops.size()];
        double last = 0;
        for (int i = 0; i < s.length; i++) {
            Stop t = java.util.Objects.requireNonNull(stops.get(i), "gradient stop");
            last = Math.max(last, Math.min(1, Math.max(0, t.offset())));
            s[i] = new Stop(last, t.rgb(), t.alpha());
        }
        return List.of(s);
    }
}
