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
        return build(in, outWidth, outHeight, kernel, Double.NaN, Double.NaN);
    }

    /**
     * Resizes with the scales given (input pixels per output pixel; NaN for {@code in / out}) rather
     * than taken from the sizes: {@link Thumbnail} passes the source's scale when the input is a
     * shrunk-on-load copy whose last block is partial. An axis is left alone only when it keeps
     * its size at scale 1.
     */
    public static Image build(Image in, int outWidth, int outHeight, Kernel kernel, double scaleX, double scaleY) {
        if (outWidth < 1 || outHeight < 1) {
            throw new LaminaException("resize needs a positive output size, not " + outWidth + "x" + outHeight);
        }
        if (kernel == null) {
            throw new LaminaException("resize needs a kernel");
        }
        double sx = Double.isNaN(scaleX) ? (double) in.width / outWidth : scaleX;
        double sy = Double.isNaN(scaleY) ? (double) in.height / outHeight : scaleY;
        if (!(sx > 0 && sy > 0 && Double.isFinite(sx) && Double.isFinite(sy))) {
            throw new LaminaException("resize scales must be positive, not " + scaleX + " and " + scaleY);
        }
        boolean keepsWidth = outWidth == in.width && sx == 1;
        boolean keepsHeight = outHeight == in.height && sy == 1;
        if (keepsWidth && keepsHeight) {
            return in;
        }
        boolean mixes = kernel != Kernel.NEAREST;
        RowSource rows = new ImageRows(in, mixes);
        if (!keepsWidth) {
            rows = new ResampleHorizontal(rows, ResampleWeights.of(kernel, in.width, outWidth, sx), outWidth, in.bands);
        }
        if (!keepsHeight) {
            rows = new ResampleVertical(rows, ResampleWeights.of(kernel, in.height, outHeight, sy), outHeight, in.bands);
        }
        RowsToImage producer = new RowsToImage(rows, in.bands, mixes && in.hasAlpha);
        return new Image(outWidth, outHeight, in.interpretation, in.hasAlpha, in.format, in.sequential, in.metadata,
                producer);
    }
}
