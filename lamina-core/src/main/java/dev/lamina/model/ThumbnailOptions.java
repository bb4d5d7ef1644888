package dev.lamina.model;

/**
 * What a thumbnail should be: the box, how the image fits it (sharp's names), the resampling
 * kernel, and whether the decoder may shrink while loading.
 *
 * <p>Defaults follow libvips' {@code thumbnail} (and {@code vipsthumbnail}): fit inside the box
 * keeping the aspect ratio, Lanczos-3, shrink-on-load on, small images enlarged. The size is
 * worked out on the upright image (after EXIF orientation), in the image's own gamma-encoded
 * values unless {@link #linearLight} is on, as libvips and sharp do by default.
 *
 * <p>Immutable and thread-safe.
 *
 * @param width        the box's width in pixels (at least 1)
 * @param height       the box's height in pixels (at least 1)
 * @param fit          how the image fills the box, see {@link Fit}
 * @param kernel       the resampling kernel
 * @param shrinkOnLoad let a JPEG decode at 1/2, 1/4 or 1/8 size in the DCT domain when the
 *                     thumbnail is at least twice as small again (libvips' rule); the kernel
 *                     then resamples what is left. Off: the full image is decoded and resampled
 *                     (slower, slightly more exact; docs/resample.md measures the difference).
 *                     Linear light turns it off (the DCT shrink averages encoded values).
 * @param fastShrinkOnLoad with {@code shrinkOnLoad}, sharp's default rule instead of libvips':
 *                     reduce on load as far as the total shrink allows, leaving the kernel less
 *                     than a factor of two (a 6.4x shrink decodes at 1/4, not 1/2). Faster, and a
 *                     little further from the full decode (docs/resample.md); off by default.
 * @param enlarge      scale images smaller than the box up to it; off (sharp's
 *                     {@code withoutEnlargement}): never larger than the source
 * @param reduce       scale images larger than the box down to it; off (sharp's
 *                     {@code withoutReduction}): never smaller than the source
 * @param position     where {@link Fit#COVER} crops and {@link Fit#CONTAIN} places the image
 * @param crop         how {@link Fit#COVER} chooses its window: by {@code position}, or by content
 * @param background   {@link Fit#CONTAIN}'s letterbox colour, {@code 0xAARRGGBB} (alpha 0 = transparent)
 * @param linearLight  resample in linear light (sRGB decoded to linear F32, resampled, encoded again)
 */
public record ThumbnailOptions(int width, int height, Fit fit, Kernel kernel, boolean shrinkOnLoad,
                               boolean fastShrinkOnLoad, boolean enlarge, boolean reduce, Gravity position, Crop crop, int background, boolean linearLight) {

    /** How the image fills the box, as sharp's {@code fit}. */
    public enum Fit {
        /** The whole image inside the box, aspect kept; one side equals the box, the other may be shorter. */
        INSIDE,
        /** The box covered, aspect kept, and the overflow cropped (by {@code position} or {@code crop}). */
        COVER,
        /** The whole image inside the box, aspect kept, letterboxed to exactly the box on {@code background}. */
        CONTAIN,
        /** Exactly the box: the aspect ratio is ignored. */
        FILL,
        /** The box covered, aspect kept, nothing cropped: both sides at least the box's. */
        OUTSIDE
    }

    /** How {@link Fit#COVER} chooses the window it keeps. */
    public enum Crop {
        /** At {@code position} (centre by default). */
        POSITION,
        /**
         * The window whose luminance has the most Shannon entropy (256 bins of Rec. 709 luma of
         * the resized image): the busiest part of the picture. Ties go to the window nearest the
         * centre.
         */
        ENTROPY,
        /**
         * The window with the most salient pixels: luminance edges, skin tones and saturated
         * colours, summed (the rule is in docs/resample.md). Ties go to the window nearest the
         * centre.
         */
        ATTENTION
    }

    public ThumbnailOptions {
        if (width < 1 || height < 1) {
            throw LaminaException.badInput("thumbnail size must be at least 1x1, not " + width + "x" + height);
        }
        if (fit == null || kernel == null || position == null || crop == null) {
            throw LaminaException.badInput("thumbnail fit, kernel, position and crop must be given");
        }
    }

    /** Fit inside {@code width x height}, with the defaults above. */
    public static ThumbnailOptions box(int width, int height) {
        return new ThumbnailOptions(width, height, Fit.INSIDE, Kernel.LANCZOS3, true, false, true, true, Gravity.CENTRE,
                Crop.POSITION, 0xFF000000, false);
    }

    /** Fit inside a square of {@code edge} pixels (vipsthumbnail's {@code --size N}). */
    public static ThumbnailOptions edge(int edge) {
        return box(edge, edge);
    }

    public ThumbnailOptions fit(Fit f) {
        return new ThumbnailOptions(width, height, f, kernel, shrinkOnLoad, fastShrinkOnLoad, enlarge, reduce, position, crop,
                background, linearLight);
    }

    public ThumbnailOptions kernel(Kernel k) {
        return new ThumbnailOptions(width, height, fit, k, shrinkOnLoad, fastShrinkOnLoad, enlarge, reduce, position, crop,
                background, linearLight);
    }

    public ThumbnailOptions shrinkOnLoad(boolean on) {
        return new ThumbnailOptions(width, height, fit, kernel, on, fastShrinkOnLoad, enlarge, reduce, position, crop,
                background, linearLight);
    }

    /** sharp's {@code fastShrinkOnLoad}: see the record's description. */
    public ThumbnailOptions fastShrinkOnLoad(boolean on) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, on, enlarge, reduce, position, crop,
                background, linearLight);
    }

    public ThumbnailOptions enlarge(boolean on) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, fastShrinkOnLoad, on, reduce, position, crop,
                background, linearLight);
    }

    public ThumbnailOptions reduce(boolean on) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, fastShrinkOnLoad, enlarge, on, position, crop,
                background, linearLight);
    }

    public ThumbnailOptions position(Gravity g) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, fastShrinkOnLoad, enlarge, reduce, g, crop,
                background, linearLight);
    }

    public ThumbnailOptions crop(Crop c) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, fastShrinkOnLoad, enlarge, reduce, position, c,
                background, linearLight);
    }

    /** The letterbox colour of {@link Fit#CONTAIN}, {@code 0xAARRGGBB}. */
    public ThumbnailOptions background(int argb) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, fastShrinkOnLoad, enlarge, reduce, position, crop,
                argb, linearLight);
    }

    public ThumbnailOptions linearLight(boolean on) {
        return new ThumbnailOptions(width, height, fit, kernel, shrinkOnLoad, fastShrinkOnLoad, enlarge, reduce, position, crop,
                background, on);
    }
}
