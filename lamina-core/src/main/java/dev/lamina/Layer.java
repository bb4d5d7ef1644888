package dev.lamina;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.LaminaException;
import java.util.Objects;

/**
 * One layer of a composite: an image, where it goes, how it blends, how opaque it is. Immutable:
 * every setter returns a new layer. By default a layer is centred, blended with {@code over}, at
 * full opacity.
 *
 * <pre>{@code
 * Layer.of(logo).gravity(Gravity.SOUTH_EAST).opacity(0.8)
 * Layer.of(shadow).at(40, 30).mode(BlendMode.MULTIPLY)
 * Layer.of(pattern).tiled()
 * }</pre>
 *
 * <p>Immutable and thread-safe: each method returns a new layer.
 */
public final class Layer {
    final LaminaImage image;
    final BlendMode mode;
    final Gravity gravity;    // used when x/y are not set
    final Integer x;
    final Integer y;
    final boolean tiled;
    final double opacity;

    private Layer(LaminaImage image, BlendMode mode, Gravity gravity, Integer x, Integer y, boolean tiled,
                  double opacity) {
        this.image = Objects.requireNonNull(image, "layer image");
        this.mode = Objects.requireNonNull(mode, "blend mode");
        this.gravity = Objects.requireNonNull(gravity, "gravity");
        this.x = x;
        this.y = y;
        this.tiled = tiled;
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "opacity must be between 0 and 1, not " + opacity);
        }
        this.opacity = opacity;
    }

    public static Layer of(LaminaImage image) {
        return new Layer(image, BlendMode.OVER, Gravity.CENTRE, null, null, false, 1.0);
    }

    public Layer mode(BlendMode m) {
        return new Layer(image, m, gravity, x, y, tiled, opacity);
    }

    /** Places the layer by one of the nine gravities (and forgets an explicit position). */
    public Layer gravity(Gravity g) {
        return new Layer(image, mode, g, null, null, tiled, opacity);
    }

    /** Places the layer's top-left corner at (x, y) on the base; negative or off-canvas values are clipped. */
    public Layer at(int left, int top) {
        return new Layer(image, mode, gravity, left, top, tiled, opacity);
    }

    /** Repeats the layer over the whole base, starting from its position (0, 0 unless set with {@link #at}). */
    public Layer tiled() {
        return new Layer(image, mode, gravity, x, y, true, opacity);
    }

    /** Multiplies the layer's alpha: 0 is invisible, 1 leaves it as it is. */
    public Layer opacity(double o) {
        return new Layer(image, mode, gravity, x, y, tiled, o);
    }

    public LaminaImage image() {
        return image;
    }
}
