package dev.lamina.composite;

import dev.lamina.model.Gravity;
import dev.lamina.model.LaminaException;

/**
 * Where a layer goes on the base: at an explicit top-left corner ({@link #at}), at one of the nine
 * {@link Gravity} positions ({@link #gravity}), or repeated as tiles over the whole base
 * ({@link #tiled}).
 *
 * <p>A tiled layer's grid is anchored at {@code (x, y)}: one copy has its top-left corner there and
 * the others follow at multiples of the layer's size in every direction, so the tiles cover the
 * whole base whatever the offset (an offset only shifts the pattern).
 *
 * @param kind    which of the three forms this is
 * @param x       left edge (AT) or grid anchor (TILED); 0 for GRAVITY
 * @param y       top edge (AT) or grid anchor (TILED); 0 for GRAVITY
 * @param gravity the position for GRAVITY, null otherwise
 */
public record Placement(Kind kind, int x, int y, Gravity gravity) {

    /** The three forms of placement. */
    public enum Kind { AT, GRAVITY, TILED }

    public Placement {
        if (kind == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "placement kind is missing");
        }
        if (kind == Kind.GRAVITY && gravity == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "gravity placement needs a gravity");
        }
        if (kind != Kind.GRAVITY) {
            gravity = null;
        }
    }

    /** Top-left corner at {@code (x, y)} on the base; negative or beyond the base is fine (clipped). */
    public static Placement at(int x, int y) {
        return new Placement(Kind.AT, x, y, null);
    }

    /** At one of the nine positions (centred positions round down). */
    public static Placement gravity(Gravity g) {
        return new Placement(Kind.GRAVITY, 0, 0, g);
    }

    /** Tiles over the whole base, the grid anchored at {@code (x, y)}. */
    public static Placement tiled(int x, int y) {
        return new Placement(Kind.TILED, x, y, null);
    }

    public boolean isTiled() {
        return kind == Kind.TILED;
    }

    /** Left edge of a {@code layerWidth}-wide layer on a {@code baseWidth}-wide base (the anchor when tiled). */
    public int left(int baseWidth, int layerWidth) {
        return kind == Kind.GRAVITY ? gravity.left(baseWidth, layerWidth) : x;
    }

    /** Top edge of a {@code layerHeight}-high layer on a {@code baseHeight}-high base (the anchor when tiled). */
    public int top(int baseHeight, int layerHeight) {
        return kind == Kind.GRAVITY ? gravity.top(baseHeight, layerHeight) : y;
    }
}
