package dev.lamina.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.core.Image;

/**
 * One layer of a composite: the image, how it combines with what is below it, where it goes, and
 * an opacity (0..1) that multiplies its alpha. {@link CompositeOp#build} checks the values and
 * names the layer in its errors, so this record accepts anything.
 */
public record CompositeLayer(Image image, BlendMode mode, Placement placement, double opacity) {

    /** A fully opaque layer drawn with {@code over}: the common watermark case. */
    public static CompositeLayer over(Image image, Placement placement) {
        return new CompositeLayer(image, BlendMode.OVER, placement, 1.0);
    }
}
