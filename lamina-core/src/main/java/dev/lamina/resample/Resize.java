package dev.lamina.resample;

import dev.lamina.Kernel;
import dev.lamina.LaminaException;
import dev.lamina.core.Image;

/**
 * Resizes an image to {@code outWidth x outHeight} with a {@link Kernel}: the result has the
 * input's interpretation, alpha and band format (U8, U16 or F32; 1 to 4 bands) and computes
 * nothing until pulled.
 *
 * <p>The model (Pillow's Resample.c, with libvips' reduce for the geometry):
 * <ul>
 * <li>Pixel centres are aligned: output x maps to input {@code (x + 0.5) * scale - 0.5}, with
 * {@code scale = in / out} per axis. Downscaling stretches the kernel by the scale (antialiased);
 * upscaling uses it as it is. The window is clipped to the image and its weights renormalised to
 * sum 1. Weights are computed once per axis ({@link ResampleWeights}).</li>
 * <li>Two separable passes, horizontal ({@link ResampleHorizontal}) then vertical
 * ({@link ResampleVertical}), each skipped when its axis keeps its size; an image that keeps both
 * is returned as it is.</li>
 * <li>Alpha is premultiplied inside (straight at the edges), so a transparent pixel's hidden colour
 * never bleeds into visible ones. {@link Kernel#NEAREST} mixes nothing, so it copies pixels exactly
 * without premultiplying.</li>
 * <li>Between reading and the final rounding everything is double: no rounding between passes, and
 * U8 and U16 results are the correctly rounded value of the float64 reference
 * ({@code core/Rounding}).</li>
 * <li>Demand-driven in strips: an output strip asks its input once for the rows its windows need,
 * so memory follows strip height x width; a sequential input (a decoder behind a line cache) is
 * read once, top to bottom.</li>
 * </ul>
 */
public final class Resize {

    private Resize() {
    }

    public static Image build(Image in, int outWidth, int outHeight, Kernel kernel) {
        if (outWidth < 1 || outHeight < 1) {
            throw new LaminaException("resize needs a positive output size, not " + outWidth + "x" + outHeight);
        }
        if (kernel == null) {
            throw new LaminaException("resize needs a kernel");
        }
        if (outWidth == in.width && outHeight == in.height) {
            return in;
        }
        boolean mixes = kernel != Kernel.NEAREST;
        RowSource rows = new ImageRows(in, mixes);
        if (outWidth != in.width) {
            rows = new ResampleHorizontal(rows, ResampleWeights.of(kernel, in.width, outWidth), outWidth, in.bands);
        }
        if (outHeight != in.height) {
            rows = new ResampleVertical(rows, ResampleWeights.of(kernel, in.height, outHeight), outHeight, in.bands);
        }
        RowsToImage producer = new RowsToImage(rows, in.bands, mixes && in.hasAlpha);
        return new Image(outWidth, outHeight, in.interpretation, in.hasAlpha, in.format, in.sequential, in.metadata,
                producer);
    }
}
