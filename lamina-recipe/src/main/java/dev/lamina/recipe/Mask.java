package dev.lamina.recipe;

import dev.lamina.model.MaskMode;

/**
 * A layer's mask: where its coverage comes from (an image asset, a layer drawn only for the mask,
 * or another layer of the recipe named by its id), whether by alpha or by luminance, and whether
 * inverted. The source is placed in canvas coordinates like any layer; outside it the coverage is 0
 * (1 when inverted).
 */
public record Mask(Source source, MaskMode mode, boolean invert) {

    public sealed interface Source {
    }

    /** An image asset, drawn at the canvas's top-left corner. */
    public record Asset(String name) implements Source {
    }

    /** A layer drawn only to make the mask. */
    public record Inline(Node layer) implements Source {
    }

    /** The layer of this recipe whose id this is, drawn again for the mask. */
    public record Ref(String id) implements Source {
    }

    public static Mask asset(String name) {
        return new Mask(new Asset(name), MaskMode.ALPHA, false);
    }

    public static Mask layer(Node layer) {
        return new Mask(new Inline(layer), MaskMode.ALPHA, false);
    }

    public static Mask ref(String id) {
        return new Mask(new Ref(id), MaskMode.ALPHA, false);
    }

    public Mask luminance() {
        return new Mask(source, MaskMode.LUMINANCE, invert);
    }

    public Mask inverted() {
        return new Mask(source, mode, !invert);
    }
}
