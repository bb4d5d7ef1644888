package dev.lamina.resample;

import dev.lamina.LoadOptions;
import dev.lamina.ThumbnailOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.conversion.Crop;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;

import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * A thumbnail from a file, as libvips' {@code thumbnail} makes it: read the header, work out the
 * final size from the upright source, let the decoder shrink on load by the largest power of two
 * that still leaves a factor of two for the kernel (JPEG only, {@link JpegDecodeOptions#shrinkOnLoad}),
 * then {@link Resize} what was loaded to the final size and, for {@code COVER}, crop the centre.
 *
 * <p>The final size always comes from the source's own dimensions, not from the shrunk image's
 * (a block reduction rounds sizes up), so a thumbnail has the same size with and without
 * shrink-on-load.
 */
public final class Thumbnail {
    private Thumbnail() {
    }

    /** The thumbnail of an image file; the file is opened twice at most (header, then shrunk). */
    public static Image open(Path file, LoadOptions load, ThumbnailOptions options) {
        return make(shrink -> Decoders.open(file, load, shrink), options);
    }

    /** The thumbnail of an encoded image in memory; {@code name} names it in errors. */
    public static Image open(byte[] data, String name, LoadOptions load, ThumbnailOptions options) {
        return make(shrink -> Decoders.open(data, name, load, shrink), options);
    }

    /** The thumbnail of an image already opened (no shrink on load). */
    public static Image of(Image source, ThumbnailOptions options) {
        return make(shrink -> source, options.shrinkOnLoad(false));
    }

    private static Image make(IntFunction<Image> openShrunk, ThumbnailOptions o) {
        Image full = openShrunk.apply(1);
        Size size = Size.of(full.width, full.height, o);
        Image loaded = full;
        if (o.shrinkOnLoad()) {
            // The total shrink along the axis that decides the size: the same rule for INSIDE and COVER.
            int shrink = JpegDecodeOptions.shrinkOnLoad(1 / size.scale);
            if (shrink > 1) {
                loaded = openShrunk.apply(shrink);   // formats that cannot shrink give full size again
            }
        }
        Image resized = loaded.width == size.resizedWidth && loaded.height == size.resizedHeight
                ? loaded : Resize.build(loaded, size.resizedWidth, size.resizedHeight, o.kernel());
        if (size.cropWidth == resized.width && size.cropHeight == resized.height) {
            return resized;
        }
        return Crop.build(resized, new Rect((resized.width - size.cropWidth) / 2, (resized.height - size.cropHeight) / 2,
                size.cropWidth, size.cropHeight));
    }

    /**
     * The sizes of a thumbnail of a {@code width x height} source: the resize target and the crop
     * (equal to it for INSIDE). The side that decides the scale gets the box's size exactly; the
     * other is rounded to the nearest pixel, at least one.
     */
    record Size(double scale, int resizedWidth, int resizedHeight, int cropWidth, int cropHeight) {
        static Size of(int width, int height, ThumbnailOptions o) {
            double sx = o.width() / (double) width;
            double sy = o.height() / (double) height;
            boolean byWidth = o.fit() == ThumbnailOptions.Fit.INSIDE ? sx <= sy : sx >= sy;
            double scale = byWidth ? sx : sy;
            if (!o.enlarge() && scale > 1) {
                scale = 1;
            }
            int rw = scale == 1 ? width : byWidth ? o.width() : side(width, scale);
            int rh = scale == 1 ? height : byWidth ? side(height, scale) : o.height();
            int cw = o.fit() == ThumbnailOptions.Fit.COVER ? Math.min(rw, o.width()) : rw;
            int ch = o.fit() == ThumbnailOptions.Fit.COVER ? Math.min(rh, o.height()) : rh;
            return new Size(scale, rw, rh, cw, ch);
        }

        private static int side(int source, double scale) {
            return (int) Math.max(1, Math.round(source * scale));
        }
    }
}
