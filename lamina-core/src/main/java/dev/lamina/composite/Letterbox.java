package dev.lamina.composite;

import dev.lamina.model.Gravity;
import dev.lamina.conversion.Canvas;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;

import java.util.List;

/**
 * An image placed on a {@code width x height} canvas of one colour (sharp's {@code contain}): the
 * canvas, then the image drawn over it at {@code position}, in one composite (exact: an opaque
 * pixel over the canvas is itself). The result keeps the image's metadata; it has alpha when the
 * image or the background has any, and colour when either is not grey.
 */
public final class Letterbox {
    private Letterbox() {
    }

    /** @param argb the background, {@code 0xAARRGGBB} */
    public static Image build(Image image, int width, int height, Gravity position, int argb) {
        if (width == image.width && height == image.height && !image.hasAlpha) {
            return image;   // nothing of the background shows
        }
        int a = argb >>> 24, r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
        boolean alpha = a != 255;
        boolean grey = image.interpretation == Interpretation.GREY && r == g && g == b;
        double[] pixel;
        if (grey) {
            pixel = alpha ? new double[]{r / 255.0, a / 255.0} : new double[]{r / 255.0};
        } else {
            pixel = alpha ? new double[]{r / 255.0, g / 255.0, b / 255.0, a / 255.0}
                    : new double[]{r / 255.0, g / 255.0, b / 255.0};
        }
        Image canvas = Canvas.image(width, height, grey ? Interpretation.GREY : Interpretation.RGB, alpha,
                BandFormat.U8, pixel);
        Image placed = CompositeOp.build(canvas, List.of(CompositeLayer.over(image, Placement.gravity(position))), null);
        return placed.withMetadata(image.metadata);
    }
}
