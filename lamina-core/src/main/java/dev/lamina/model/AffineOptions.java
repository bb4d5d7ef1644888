package dev.lamina.model;

/**
 * How {@link LaminaImage#rotate(double, AffineOptions)} and {@link LaminaImage#affine} sample and
 * what they produce.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kernel     the interpolation kernel; {@link Kernel#LINEAR} (bilinear) by default, as libvips'
 *                   and sharp's rotate. A kernel is stretched along an input axis that the transform
 *                   compresses, as a resize does (docs/decisions.md)
 * @param background the colour where the image is not, {@code 0xAARRGGBB}; null (the default) for
 *                   zeros in the image's layout: transparent black for an image with alpha, black
 *                   without. A colour that is not opaque gives an image without alpha an alpha band; a
 *                   colour that is not grey makes a grey image RGB
 * @param area       the output rectangle in output space, or null (the default) for the bounding box of
 *                   the transformed image (libvips' {@code oarea})
 */
public record AffineOptions(Kernel kernel, Integer background, Area area) {

    /**
     * A rectangle of output space: the result's pixel (0, 0) is output pixel (left, top), whose
     * square is {@code [left, left + 1) x [top, top + 1)} in the transform's coordinates.
     */
    public record Area(int left, int top, int width, int height) {
        public Area {
            if (width <= 0 || height <= 0) {
                throw LaminaException.badInput("affine: the output area must have a positive size, not "
                        + width + "x" + height);
            }
            if ((long) left + width > Integer.MAX_VALUE || (long) top + height > Integer.MAX_VALUE) {
                throw LaminaException.badInput("affine: the output area " + width + "x" + height + " at " + left + ","
                        + top + " reaches beyond what an image can address");
            }
        }
    }

    public AffineOptions {
        if (kernel == null) {
            throw LaminaException.badInput("affine: no kernel given");
        }
    }

    /** Bilinear, zeros as background, the transformed image's bounding box. */
    public static AffineOptions defaults() {
        return new AffineOptions(Kernel.LINEAR, null, null);
    }

    public AffineOptions kernel(Kernel k) {
        return new AffineOptions(k, background, area);
    }

    /** The background, {@code 0xAARRGGBB}. */
    public AffineOptions background(int argb) {
        return new AffineOptions(kernel, argb, area);
    }

    /** An explicit output rectangle instead of the bounding box. */
    public AffineOptions area(int left, int top, int width, int height) {
        return new AffineOptions(kernel, background, new Area(left, top, width, height));
    }
}
