package dev.lamina.conversion;

import dev.lamina.model.LaminaException;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * Composites straight-alpha pixels over an opaque background colour and drops the alpha band:
 * {@code colour x alpha + background x (1 - alpha)} per colour band, in double, rounded once into
 * the input's format. What JPEG and other formats without alpha need before they can store a
 * pixel. An image without alpha is returned as it is.
 *
 * <p>Alpha outside 0..1 (only possible in F32 data) is clamped first: more than opaque or less
 * than transparent has no meaning here, and an unclamped alpha would push colour out of range.
 */
public final class Flatten {

    private Flatten() {
    }

    /**
     * @param background normalised background (0..1), one value per colour band of {@code in}
     *                   (one for grey, three for RGB)
     */
    public static Image build(Image in, double[] background) {
        if (!in.hasAlpha) {
            return in;
        }
        int colour = in.interpretation.colourBands;
        if (background == null || background.length != colour) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "flatten needs " + colour + " background value"
                    + (colour == 1 ? "" : "s") + " for a " + in.interpretation + " image, not "
                    + (background == null ? "none" : String.valueOf(background.length)));
        }
        double[] bg = background.clone();
        int bands = in.bands;
        return PointProducer.image(in, in.interpretation, false, in.format, () -> new PointProducer.RowKernel() {
            private double[] src;
            private double[] dst;

            @Override
            public void row(Region in, Region out, int x, int y, int pixels) {
                src = PointProducer.scratch(src, pixels * bands);
                dst = PointProducer.scratch(dst, pixels * colour);
                SampleRows.read(in, x, y, pixels, src);
                for (int p = 0, i = 0, o = 0; p < pixels; p++, i += bands) {
                    double a = Math.min(1.0, Math.max(0.0, src[i + colour]));
                    for (int c = 0; c < colour; c++) {
                        dst[o++] = src[i + c] * a + bg[c] * (1.0 - a);
                    }
                }
                SampleRows.write(dst, out, x, y, pixels);
            }
        });
    }
}
