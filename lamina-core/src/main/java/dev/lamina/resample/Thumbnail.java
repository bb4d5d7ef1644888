package dev.lamina.resample;

import dev.lamina.Limits;
import dev.lamina.LoadOptions;
import dev.lamina.ThumbnailOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.conversion.Crop;
import dev.lamina.conversion.Orient;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;

import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * A thumbnail from a file, as libvips' {@code thumbnail} makes it: read the header, work out the
 * final size from the upright source, let the decoder shrink on load by the largest power of two
 * that still leaves a factor of two for the kernel (JPEG only, {@link JpegDecodeOptions#shrinkOnLoad}),
 * then {@link Resize} what was loaded to the final size, turn it upright and, for {@code COVER},
 * crop the centre.
 *
 * <p>Geometry: the final size always comes from the source's own dimensions, and the resize keeps
 * the source's scale ({@code source side / (shrink x final side)}) rather than the shrunk image's:
 * a 1411-pixel side decoded at 1/8 is 177 pixels whose last block holds only 3 source pixels, and
 * resizing those 177 pixels as if they were whole would shift the right edge of a thumbnail by a
 * third of a pixel (libvips does; measured in docs/resample.md). The blocks are aligned with the
 * image as stored, so the resize runs before the EXIF rotation, which then turns a thumbnail, not
 * a full image.
 */
public final class Thumbnail {
    private Thumbnail() {
    }

    /** The thumbnail of an image file; the file is opened twice at most (header, then shrunk). */
    public static Image open(Path file, LoadOptions load, ThumbnailOptions options) {
        LoadOptions stored = load.autoOrient(false);
        return make(shrink -> Decoders.open(file, stored, shrink), load.autoOrient(), options, load.limits());
    }

    /** The thumbnail of an encoded image in memory; {@code name} names it in errors. */
    public static Image open(byte[] data, String name, LoadOptions load, ThumbnailOptions options) {
        LoadOptions stored = load.autoOrient(false);
        return make(shrink -> Decoders.open(data, name, stored, shrink), load.autoOrient(), options, load.limits());
    }

    /** The thumbnail of an image already opened (no shrink on load; its orientation is left as it is). */
    public static Image of(Image source, ThumbnailOptions options, Limits limits) {
        return make(shrink -> source, false, options.shrinkOnLoad(false), limits);
    }

    /**
     * @param openStored opens the image as stored (no EXIF rotation) at 1/shrink
     * @param upright    turn the result upright from its EXIF orientation
     * @param limits     the thumbnail (an enlargement may be large) must be within the pixel limit
     */
    private static Image make(IntFunction<Image> openStored, boolean upright, ThumbnailOptions o, Limits limits) {
        Image full = openStored.apply(1);
        int orientation = upright ? full.metadata.orientation() : 1;
        boolean swapped = orientation >= 5;   // 5-8 exchange width and height
        Size size = Size.of(swapped ? full.height : full.width, swapped ? full.width : full.height, o);
        limits.checkPixels("thumbnail", size.resizedWidth, size.resizedHeight);
        int storedWidth = swapped ? size.resizedHeight : size.resizedWidth;
        int storedHeight = swapped ? size.resizedWidth : size.resizedHeight;
        Image loaded = full;
        int shrink = 1;
        if (o.shrinkOnLoad()) {
            // The total shrink along the axis that decides the size: the same rule for INSIDE and COVER.
            shrink = JpegDecodeOptions.shrinkOnLoad(1 / size.scale);
            if (shrink > 1) {
                loaded = openStored.apply(shrink);
                if (loaded.width == full.width && loaded.height == full.height) {
                    shrink = 1;   // the format cannot shrink on load: it came at full size
                }
            }
        }
        Image resized = Resize.build(loaded, storedWidth, storedHeight, o.kernel(),
                full.width / ((double) shrink * storedWidth), full.height / ((double) shrink * storedHeight));
        Image turned = orientation == 1 ? resized : Orient.build(resized, orientation);
        if (size.cropWidth == turned.width && size.cropHeight == turned.height) {
            return turned;
        }
        return Crop.build(turned, new Rect((turned.width - size.cropWidth) / 2, (turned.height - size.cropHeight) / 2,
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
