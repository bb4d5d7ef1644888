package dev.lamina.thumbnail;

import dev.lamina.resample.Resize;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.composite.Letterbox;
import dev.lamina.geometry.Dihedral;
import dev.lamina.geometry.Extract;
import dev.lamina.conversion.Cast;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;

import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * A thumbnail from a file, as libvips' {@code thumbnail} makes it: read the header, work out the
 * final size from the upright source, let the decoder shrink on load by the largest power of two
 * that still leaves a factor of two for the kernel (JPEG only, {@link JpegDecodeOptions#shrinkOnLoad};
 * sharp's faster rule, {@link JpegDecodeOptions#fastShrinkOnLoad}, when the options ask for it),
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
        return open(file, load, options, null);
    }

    /**
     * The same, with what was loaded cast to {@code working} before the resize (null: kept as
     * loaded), so that the resize computes into and stores that format: U16 for a thumbnail that
     * later steps will mix (a recipe's layer), as {@code Cast} then {@link #of} would, but with
     * the shrink on load.
     */
    public static Image open(Path file, LoadOptions load, ThumbnailOptions options, BandFormat working) {
        String name = String.valueOf(file);
        byte[] once = Decoders.contentsIfNotRegular(file, load.limits());
        if (once != null) {
            return open(once, name, load, options, working);   // a FIFO or a device cannot be opened twice
        }
        LoadOptions stored = load.autoOrient(false);
        return make(shrink -> Decoders.open(file, stored, shrink), load.autoOrient(), options, load.limits(), name, working);
    }

    /** The thumbnail of an encoded image in memory; {@code name} names it in errors. */
    public static Image open(byte[] data, String name, LoadOptions load, ThumbnailOptions options) {
        return open(data, name, load, options, null);
    }

    /** The same, resized in {@code working} (null: as loaded), as {@link #open(Path, LoadOptions, ThumbnailOptions, BandFormat)}. */
    public static Image open(byte[] data, String name, LoadOptions load, ThumbnailOptions options, BandFormat working) {
        LoadOptions stored = load.autoOrient(false);
        return make(shrink -> Decoders.open(data, name, stored, shrink), load.autoOrient(), options, load.limits(), name,
                working);
    }

    /**
     * The thumbnail of an image already opened (no shrink on load; its orientation is left as it
     * is); {@code name} names it in errors.
     */
    public static Image of(Image source, ThumbnailOptions options, Limits limits, String name) {
        return make(shrink -> source, false, options.shrinkOnLoad(false), limits, name, null);
    }

    /**
     * @param openStored opens the image as stored (no EXIF rotation) at 1/shrink
     * @param upright    turn the result upright from its EXIF orientation
     * @param limits     the thumbnail (an enlargement may be large) must be within the pixel limit,
     *                   and what the resize holds within the memory budget
     * @param name       names the source in errors
     * @param working    the format the loaded image is cast to before the resize, or null
     */
    private static Image make(IntFunction<Image> openStored, boolean upright, ThumbnailOptions o, Limits limits,
                              String name, BandFormat working) {
        Image full = openStored.apply(1);
        int orientation = upright ? full.metadata.orientation() : 1;
        boolean swapped = orientation >= 5;   // 5-8 exchange width and height
        Size size = Size.of(swapped ? full.height : full.width, swapped ? full.width : full.height, o);
        limits.checkPixels(name + ": thumbnail", size.resizedWidth, size.resizedHeight);
        limits.checkPixels(name + ": thumbnail", size.outWidth, size.outHeight);
        int storedWidth = swapped ? size.resizedHeight : size.resizedWidth;
        int storedHeight = swapped ? size.resizedWidth : size.resizedHeight;
        Image loaded = full;
        int shrink = loadShrink(size, o);
        if (shrink > 1) {
            loaded = openStored.apply(shrink);
            if (loaded.width == full.width && loaded.height == full.height) {
                shrink = 1;   // the format cannot shrink on load: it came at full size
            }
        }
        if (working != null) {
            loaded = Cast.build(loaded, working);
        }
        double scaleX = full.width / ((double) shrink * storedWidth);
        double scaleY = full.height / ((double) shrink * storedHeight);
        Image resized = o.linearLight()
                ? Resize.buildLinear(loaded, storedWidth, storedHeight, o.kernel(), scaleX, scaleY, limits, name)
                : Resize.build(loaded, storedWidth, storedHeight, o.kernel(), scaleX, scaleY, limits, name);
        Image turned = orientation == 1 ? resized : Dihedral.upright(resized, orientation, limits, name);
        return switch (o.fit()) {
            case INSIDE, OUTSIDE, FILL -> turned;
            case COVER -> cover(turned, size, o, limits, name);
            case CONTAIN -> Letterbox.build(turned, size.outWidth, size.outHeight, o.position(), o.background());
        };
    }

    /**
     * The factor a JPEG whose upright size is {@code width x height} is decoded at for a thumbnail
     * with these options: 1, 2, 4 or 8 (formats that cannot shrink on load decode at full size).
     */
    public static int loadShrink(int width, int height, ThumbnailOptions o) {
        return loadShrink(Size.of(width, height, o), o);
    }

    private static int loadShrink(Size size, ThumbnailOptions o) {
        // The DCT shrink averages encoded values, so linear light decodes at full size (as libvips).
        if (!o.shrinkOnLoad() || o.linearLight()) {
            return 1;
        }
        // The smaller of the two axes' shrinks: the same rule for every fit.
        double total = 1 / Math.max(size.scaleX, size.scaleY);
        return o.fastShrinkOnLoad() ? JpegDecodeOptions.fastShrinkOnLoad(total) : JpegDecodeOptions.shrinkOnLoad(total);
    }

    private static Image cover(Image turned, Size size, ThumbnailOptions o, Limits limits, String name) {
        int cw = size.outWidth, ch = size.outHeight;
        if (cw == turned.width && ch == turned.height) {
            return turned;
        }
        if (o.crop() == ThumbnailOptions.Crop.POSITION) {
            return Extract.build(turned, new Rect(o.position().left(turned.width, cw), o.position().top(turned.height, ch),
                    cw, ch));
        }
        // A content-aware window looks at the resized image before cutting it: computed once, here,
        // into memory (it is thumbnail-sized and within the pixel limit), then analysed and cropped.
        Image held = turned.materialise(limits, name);
        return Extract.build(held, SmartCrop.window(held, cw, ch, o.crop()));
    }

    /**
     * The sizes of a thumbnail of a {@code width x height} source (upright): the scales, the resize
     * target, and the output (the crop of COVER, the letterbox of CONTAIN, else the resize
     * target). A side whose scale is the box's own gets the box's size exactly; the other is rounded
     * to the nearest pixel, at least one.
     */
    record Size(double scaleX, double scaleY, int resizedWidth, int resizedHeight, int outWidth, int outHeight) {
        static Size of(int width, int height, ThumbnailOptions o) {
            double sx = o.width() / (double) width;
            double sy = o.height() / (double) height;
            double scaleX, scaleY;
            switch (o.fit()) {
                case INSIDE, CONTAIN -> scaleX = scaleY = Math.min(sx, sy);
                case COVER, OUTSIDE -> scaleX = scaleY = Math.max(sx, sy);
                default -> {
                    scaleX = sx;
                    scaleY = sy;
                }
            }
            if (!o.enlarge()) {
                scaleX = Math.min(scaleX, 1);
                scaleY = Math.min(scaleY, 1);
            }
            if (!o.reduce()) {
                scaleX = Math.max(scaleX, 1);
                scaleY = Math.max(scaleY, 1);
            }
            int rw = scaleX == 1 ? width : scaleX == sx ? o.width() : side(width, scaleX);
            int rh = scaleY == 1 ? height : scaleY == sy ? o.height() : side(height, scaleY);
            int ow = rw, oh = rh;
            if (o.fit() == ThumbnailOptions.Fit.COVER) {
                ow = Math.min(rw, o.width());
                oh = Math.min(rh, o.height());
            } else if (o.fit() == ThumbnailOptions.Fit.CONTAIN) {
                ow = Math.max(rw, o.width());
                oh = Math.max(rh, o.height());
            }
            return new Size(scaleX, scaleY, rw, rh, ow, oh);
        }

        private static int side(int source, double scale) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(source * scale)));
        }
    }
}
