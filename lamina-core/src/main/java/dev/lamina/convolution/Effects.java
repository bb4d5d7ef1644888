package dev.lamina.convolution;

import dev.lamina.model.ExtendWith;
import dev.lamina.model.LaminaException;
import dev.lamina.conversion.Colourise;
import dev.lamina.conversion.ExtractAlpha;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.geometry.Extend;

/**
 * Layer effects made from an image's alpha, each a chain of small operations: the alpha as a
 * float mask ({@link ExtractAlpha}), grown ({@link AlphaDilate}), blurred ({@link GaussianBlur}),
 * moved ({@link Extend}, onto zeros) and given a colour ({@link Colourise}). Each returns the effect alone, an
 * RGBA image of the input's size and format (what would fall outside it is cut), to be composited
 * under the image it came from; give the image transparent margins first if the effect must not
 * be cut.
 */
public final class Effects {

    private Effects() {
    }

    /**
     * A drop shadow as CSS's box-shadow draws it: the alpha grown by {@code spread} pixels, blurred
     * with {@code sigma} (0: a hard shadow), moved by (dx, dy), in {@code rgb} (normalised) at
     * {@code opacity}.
     */
    public static Image shadow(Image in, int dx, int dy, double sigma, double spread, double[] rgb, double opacity) {
        return shadow(in, dx, dy, sigma, spread, rgb, opacity, in.format == BandFormat.U8);
    }

    /**
     * The same, with the blur's error budget chosen by the caller: {@code eightBitResult} when what
     * the shadow ends in is rounded to 8 bits (a 16-bit layer tree with an 8-bit output), which lets
     * sigma 3 and more take the recursive filter (within 0.15 of an 8-bit step) whatever the depth
     * the shadow is stored at.
     */
    public static Image shadow(Image in, int dx, int dy, double sigma, double spread, double[] rgb, double opacity,
                               boolean eightBitResult) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw LaminaException.badInput("shadow: opacity must be between 0 and 1, not " + opacity);
        }
        if (!(sigma >= 0)) {
            throw LaminaException.badInput("shadow: sigma must not be negative, not " + sigma);
        }
        Image mask = AlphaDilate.build(ExtractAlpha.build(in), spread);
        if (sigma > 0) {
            // the mask is float, but what it becomes is in.format (or what the caller rounds it to
            // in the end): its error budget is that of the result
            mask = GaussianBlur.build(mask, sigma, eightBitResult);
        }
        mask = Extend.build(mask, dx, dy, in.width, in.height, ExtendWith.BACKGROUND, null);
        return Colourise.build(mask, rgb, opacity, in.format);
    }

    /** An outer glow: a shadow that is not moved, grown by {@code spread} and blurred with {@code sigma}. */
    public static Image glow(Image in, double sigma, double spread, double[] rgb, double opacity) {
        return shadow(in, 0, 0, sigma, spread, rgb, opacity);
    }

    /** An outline: the alpha grown by {@code radius}, antialiased, in one colour, to go under the image. */
    public static Image outline(Image in, double radius, double[] rgb, double opacity) {
        return shadow(in, 0, 0, 0, radius, rgb, opacity);
    }
}
