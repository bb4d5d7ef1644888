package dev.lamina.model;

/**
 * The interpolation kernel of a resize. The kernel is a function of the distance {@code d} (in
 * input pixels when upscaling, in output pixels when downscaling, where it is stretched by the
 * scale so that every input pixel contributes: antialiasing as in Pillow and libvips' reduce) and
 * is zero beyond its support. Weights are normalised to sum 1 after the window is clipped to the
 * image.
 *
 * <p>Like the other value types of this package, it depends on nothing else in Lamina; the
 * formulas themselves live with the resampler ({@code dev.lamina.resample}).
 */
public enum Kernel {
    /**
     * Point sampling, no mixing: output pixel {@code x} takes input pixel
     * {@code floor((x + 0.5) * in / out)}, clamped to the image (Pillow's rule), per axis. Alpha
     * is not premultiplied, so pixels are copied exactly, hidden colour included. Fast and
     * blocky; for pixel art and masks.
     */
    NEAREST(0.5),
    /** Triangle (bilinear): {@code 1 - |d|}, support 1. */
    LINEAR(1),
    /**
     * Catmull-Rom cubic (Mitchell-Netravali B = 0, C = 0.5), support 2: sharp and interpolating,
     * with a small negative lobe. What libvips and sharp call "cubic".
     */
    CUBIC(2),
    /**
     * Mitchell-Netravali B = C = 1/3, support 2: softer than {@link #CUBIC}, with less ringing; does
     * not interpolate (its value at 0 is 8/9), so even a 1:1 pass would blur slightly.
     */
    MITCHELL(2),
    /** Lanczos, a = 2: {@code sinc(d) sinc(d / 2)} for {@code |d| < 2}, support 2. */
    LANCZOS2(2),
    /**
     * Lanczos, a = 3: {@code sinc(d) sinc(d / 3)} for {@code |d| < 3}, support 3. The sharpest
     * kernel here and the usual choice for photographs (Pillow's and sharp's default).
     */
    LANCZOS3(3);

    /** Half the width of the kernel's non-zero part, in pixels of the unstretched kernel. */
    public final double support;

    Kernel(double support) {
        this.support = support;
    }
}
