package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.StripSink;

/**
 * An 8-bit image pulled whole into packed ARGB, the encoder's input (grey is replicated, a missing
 * alpha is opaque). 16-bit and float images must be cast to 8 bits first by the caller: codecs do
 * not run operations.
 */
public final class ImageArgb {
    private ImageArgb() {
    }

    public static int[] of(Image image) {
        if (image.format != BandFormat.U8) {
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, "lossless WebP stores 8-bit samples: cast the "
                    + image.format + " image to U8 first");
        }
        if (image.pixels() > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, "image of " + image.width + "x" + image.height
                    + " is too large for the lossless WebP encoder");
        }
        int[] argb = new int[(int) image.pixels()];
        boolean grey = image.interpretation == Interpretation.GREY;
        boolean alpha = image.hasAlpha;
        int bands = image.bands;
        StripSink.run(image, strip -> {
            byte[] s = strip.u8();
            int i = 0;
            int o = strip.rect().y() * image.width;
            int n = (int) strip.rect().area();
            for (int p = 0; p < n; p++, i += bands) {
                int r = s[i] & 0xff;
                int g = grey ? r : s[i + 1] & 0xff;
                int b = grey ? r : s[i + 2] & 0xff;
                int a = alpha ? s[i + bands - 1] & 0xff : 0xff;
                argb[o + p] = (a << 24) | (r << 16) | (g << 8) | b;
            }
        });
        return argb;
    }
}
