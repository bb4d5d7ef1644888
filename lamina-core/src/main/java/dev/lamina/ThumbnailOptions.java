package dev.lamina;

/**
 * What a thumbnail should be: the box it must fit, how it fits, the resampling kernel, and
 * whether the decoder may shrink while loading.
 *
 * <p>Defaults follow libvips' {@code thumbnail} (and {@code vipsthumbnail}): fit inside the box
 * keeping the aspect ratio, Lanczos-3, shrink-on-load on, small images enlarged. The size is
 * worked out on the upright image (after EXIF orientation), in the image's own gamma-encoded
 * values, as libvips and sharp do by default.
 *
 * <p>Immutable and thread-safe.
 *
 * @param width        the box's width in pixels (at least 1)
 * @param height       the box's height in pixels (at least 1)
 * @param fit          {@link Fit#INSIDE}: the whole image, as large as fits; {@link Fit#COVER}:
 *                     the box filled exactly, the overflow cropped equally from both sides
 * @param kernel       the resampling kernel
 * @param shrinkOnLoad let a JPEG decode at 1/2, 1/4 or 1/8 size in the DCT domain when the
 *                     thumbnail is at least twice as small again (libvips' rule); the kernel
 *                     then resamples what is left. Off: the full image is decoded and resampled
 *                     (slower, slightly more exact; docs/resample.md measures the difference).
 * @param enlarge      scale images smaller than the box up to it; off: never larger than the source
 */
public record ThumbnailOptions(int width, int height, Fit fit, Kernel kernel, boolean shrinkOnLoad, boolean enlarge) {

    /** How the image fills the box. */
    public enum Fit {
        /** The whole image inside the box; one side equals the box, the other may be shorter. */
        INSIDE,
        /** The box filled; the image's overflow is cropped equally from both ends. */
        COVER
    }

    public ThumbnailOptions {
        if (width < 1 || height < 1) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "thumbnail size must be at least 1x1, not " + width + "x" + height);
        }
        if (fit == null || kernel == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "thumbnail fit and kernel must be given");
        }
    }

    /** Fit inside {@code width x height}, with the defaults above. */
    public static ThumbnailOptions box(int width, int height) {
        return new ThumbnailOptions(width, height, Fit.INSIDE, Kernel.LANCZOS3, true, true);
    }

    /** Fit inside a square of {@code edge} pixels (vipsthumbnail's {@code --size N}). */
    public static ThumbnailOptions edge(int edge) {
        return box(edge, edge);
    }

    public ThumbnailOptions fit(Fit f) {
        return new ThumbnailOptions(width, height, f, kernel, shrinkOnLoad, enlarge);
    }

    public ThumbnailOptions kernel(Kernel k) {
        return new ThumbnailOptions(width, height, fit, k, shrinkOnLoad, enlarge);
    }

    public ThumbnailOptions shrinkOnLoad(boolean on) {
        return new ThumbnailOptions(width, height, fit, kernel, on, enlarge);
    }

    public ThumbnailOptions enlarge(boolean on) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, on);
    }
}
