package dev.lamina;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.Paint;
import dev.lamina.model.Shape;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.conversion.Canvas;
import dev.lamina.conversion.RawPixels;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Interpretation;
import dev.lamina.core.IoReasons;
import dev.lamina.codec.Decoders;
import dev.lamina.draw.PaintFill;
import dev.lamina.draw.ShapeCoverage;
import dev.lamina.draw.ShapeFill;
import dev.lamina.thumbnail.Thumbnail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where Lamina starts: open images from files, byte arrays or streams. Opening reads only the
 * header; pixels are decoded when something pulls them (a save, a metric), strip by strip.
 *
 * <pre>{@code
 * LaminaImage photo = Lamina.open(Path.of("photo.png"));
 * LaminaImage logo = Lamina.open(Path.of("logo.png"));
 * photo.composite(Layer.of(logo).gravity(Gravity.CENTRE).opacity(0.8))
 *      .save(Path.of("out.png"), PngOptions.png().compression(6));
 * }</pre>
 *
 * <p>Thread-safe: stateless; every method may be called from any thread.
 */
public final class Lamina {
    private Lamina() {
    }

    /** Opens a PNG or JPEG file (recognised by its content, not its name) with default options. */
    public static LaminaImage open(Path file) {
        return open(file, LoadOptions.defaults());
    }

    public static LaminaImage open(Path file, LoadOptions options) {
        String name = String.valueOf(file);
        return LaminaImage.withinMemory(name, "opening it", options.limits(),
                () -> new LaminaImage(Decoders.open(file, options), options.limits(), name));
    }

    /** Opens an encoded image held in memory; {@code name} is used in error messages. */
    public static LaminaImage open(byte[] data, String name) {
        return open(data, name, LoadOptions.defaults());
    }

    public static LaminaImage open(byte[] data, String name, LoadOptions options) {
        return LaminaImage.withinMemory(name, "opening it", options.limits(),
                () -> new LaminaImage(Decoders.open(data, name, options), options.limits(), name));
    }

    /**
     * Reads the whole stream (up to {@link Limits#maxFileBytes()}) and opens it. The stream is not
     * closed.
     */
    public static LaminaImage open(InputStream in, String name, LoadOptions options) {
        try {
            Limits limits = options.limits();
            long cap = Math.min(Math.min(limits.maxFileBytes(), limits.maxMemoryBytes()), Integer.MAX_VALUE - 16);
            byte[] data = in.readNBytes((int) cap);
            if (in.read() >= 0) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": the stream holds more than "
                        + cap + " bytes (the lower of the file size limit and the memory budget)");
            }
            return open(data, name, options);
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot read: " + IoReasons.of(e), e);
        }
    }

    /**
     * What a file is, from its headers: "PNG", "JPEG", "TIFF", or for WebP its coding ("WebP, lossy
     * (VP8) with alpha (ALPH)", "WebP, lossless (VP8L)", "WebP, animated, 12 frames, the first lossy
     * (VP8)"), as {@code lamina info} shows it.
     */
    public static String describe(Path file, LoadOptions options) {
        return Decoders.describe(file, options);
    }

    /**
     * A thumbnail of an image file: a JPEG is decoded at 1/2, 1/4 or 1/8 size when the thumbnail
     * is small enough (shrink-on-load), then resampled to the final size with the options' kernel.
     *
     * <pre>{@code
     * Lamina.thumbnail(Path.of("photo.jpg"), ThumbnailOptions.edge(256))
     *       .save(Path.of("thumb.jpg"), JpegOptions.jpeg().quality(85));
     * }</pre>
     */
    public static LaminaImage thumbnail(Path file, ThumbnailOptions options) {
        return thumbnail(file, options, LoadOptions.defaults());
    }

    public static LaminaImage thumbnail(Path file, ThumbnailOptions options, LoadOptions load) {
        String name = String.valueOf(file);
        return LaminaImage.withinMemory(name, "opening it", load.limits(),
                () -> new LaminaImage(Thumbnail.open(file, load, options), load.limits(), name));
    }

    /**
     * A thumbnail resampled at 8 or 16 bits per sample: what was loaded (at 1/2, 1/4 or 1/8 for a
     * JPEG when the thumbnail is small enough, as above) is cast to {@code bitDepth} first (exactly,
     * from 8 bits to 16), so the resize computes and stores that depth. The pixels of
     * {@code Lamina.open(file, load).bitDepth(bitDepth).thumbnail(options)}, but with the shrink on
     * load (an EXIF-oriented source is resized as stored, then turned, as above): for thumbnails that later steps mix with other layers and round once at the end (a
     * recipe's image layer, at 16 bits).
     */
    public static LaminaImage thumbnail(Path file, ThumbnailOptions options, LoadOptions load, int bitDepth) {
        String name = String.valueOf(file);
        BandFormat working = depth(bitDepth);
        return LaminaImage.withinMemory(name, "opening it", load.limits(),
                () -> new LaminaImage(Thumbnail.open(file, load, options, working), load.limits(), name));
    }

    /**
     * The factor {@link #thumbnail(Path, ThumbnailOptions)} decodes a JPEG at, given the image's
     * upright size (after its EXIF orientation): 1, 2, 4 or 8, by libvips' rule or, with
     * {@link ThumbnailOptions#fastShrinkOnLoad}, sharp's; 1 when shrink-on-load is off or linear
     * light on. Other formats decode at full size whatever this says. For a caller that holds a
     * decoded copy of an image and must choose between resizing it and loading the file again
     * smaller (a service's cache of hot assets).
     */
    public static int thumbnailShrink(int width, int height, ThumbnailOptions options) {
        if (width < 1 || height < 1) {
            throw LaminaException.badInput("thumbnail of a " + width + "x" + height + " image");
        }
        return Thumbnail.loadShrink(width, height, options);
    }

    /** A thumbnail of an encoded image held in memory; {@code name} is used in error messages. */
    public static LaminaImage thumbnail(byte[] data, String name, ThumbnailOptions options, LoadOptions load) {
        return LaminaImage.withinMemory(name, "opening it", load.limits(),
                () -> new LaminaImage(Thumbnail.open(data, name, load, options), load.limits(), name));
    }

    /** The same from an encoded image held in memory, at 8 or 16 bits per sample as the file's. */
    public static LaminaImage thumbnail(byte[] data, String name, ThumbnailOptions options, LoadOptions load, int bitDepth) {
        BandFormat working = depth(bitDepth);
        return LaminaImage.withinMemory(name, "opening it", load.limits(),
                () -> new LaminaImage(Thumbnail.open(data, name, load, options, working), load.limits(), name));
    }

    /**
     * A blank opaque RGB image of one colour ({@code 0xRRGGBB}), as sharp's {@code create}. It holds
     * no pixels (every strip is filled when asked), so it costs no memory of its own.
     */
    public static LaminaImage canvas(int width, int height, int rgb) {
        checkCanvas(width, height);
        return new LaminaImage(Canvas.image(width, height, Interpretation.RGB, false, BandFormat.U8,
                rgbUnits(rgb, Double.NaN)), Limits.defaults(), "canvas");
    }

    /** A blank RGBA image of one colour and opacity ({@code alpha} 0 = transparent .. 1). */
    public static LaminaImage canvas(int width, int height, int rgb, double alpha) {
        checkCanvas(width, height);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw LaminaException.badInput("canvas: alpha must be between 0 and 1, not " + alpha);
        }
        return new LaminaImage(Canvas.image(width, height, Interpretation.RGB, true, BandFormat.U8,
                rgbUnits(rgb, alpha)), Limits.defaults(), "canvas");
    }

    /**
     * A shape filled with a paint on a transparent {@code width x height} canvas, 8 bits per sample:
     * RGBA whose alpha is the exact area of each pixel the shape covers (times the paint's alpha).
     * Shape coordinates are pixels of this canvas. Nothing is drawn until pixels are pulled, strip
     * by strip, so a canvas of any size costs the shape's edges plus a strip.
     *
     * <pre>{@code
     * Lamina.shape(400, 200, Shape.roundedRect(10, 10, 380, 180, 24), Paint.solid(0x2255aa))
     * Lamina.shape(400, 200, Shape.parse("M20 180 L200 20 L380 180").stroked(Stroke.width(6)), Paint.solid(0xffffff))
     * }</pre>
     */
    public static LaminaImage shape(int width, int height, Shape shape, Paint paint) {
        return shape(width, height, shape, paint, 8);
    }

    /** The same with 8 or 16 bits per sample (16 for images that further steps will mix). */
    public static LaminaImage shape(int width, int height, Shape shape, Paint paint, int bitDepth) {
        checkCanvas(width, height);
        return new LaminaImage(ShapeFill.image(java.util.Objects.requireNonNull(shape, "shape"),
                java.util.Objects.requireNonNull(paint, "paint"), width, height, depth(bitDepth), "shape"), Limits.defaults(), "shape");
    }

    /**
     * A canvas filled with a paint: a gradient (or a colour) over the whole image, RGB when the paint
     * is opaque everywhere, RGBA otherwise, 8 bits per sample.
     */
    public static LaminaImage fill(int width, int height, Paint paint) {
        return fill(width, height, paint, 8);
    }

    /** The same with 8 or 16 bits per sample. */
    public static LaminaImage fill(int width, int height, Paint paint, int bitDepth) {
        checkCanvas(width, height);
        return new LaminaImage(PaintFill.image(java.util.Objects.requireNonNull(paint, "paint"), width, height,
                depth(bitDepth)), Limits.defaults(), "fill");
    }

    /**
     * A shape's coverage as a one-band grey image (white inside, black outside, the exact covered
     * area at the edges): a mask or a clip for other images.
     */
    public static LaminaImage mask(int width, int height, Shape shape, int bitDepth) {
        checkCanvas(width, height);
        return new LaminaImage(ShapeCoverage.image(java.util.Objects.requireNonNull(shape, "shape"), width, height,
                depth(bitDepth), "mask"), Limits.defaults(), "mask");
    }

    private static BandFormat depth(int bits) {
        return switch (bits) {
            case 8 -> BandFormat.U8;
            case 16 -> BandFormat.U16;
            default -> throw LaminaException.badInput("bit depth must be 8 or 16, not " + bits);
        };
    }

    private static void checkCanvas(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw LaminaException.badInput("canvas: invalid size " + width + "x" + height);
        }
        Limits.defaults().checkPixels("canvas", width, height);
    }

    private static double[] rgbUnits(int rgb, double alpha) {
        double r = ((rgb >> 16) & 0xFF) / 255.0, g = ((rgb >> 8) & 0xFF) / 255.0, b = (rgb & 0xFF) / 255.0;
        return Double.isNaN(alpha) ? new double[]{r, g, b} : new double[]{r, g, b, alpha};
    }

    /**
     * An image over a copy of interleaved 8-bit samples: {@code bands} 1 grey, 2 grey+alpha, 3 RGB,
     * 4 RGBA (straight alpha), rows top to bottom.
     */
    public static LaminaImage fromPixels(byte[] samples, int width, int height, int bands) {
        return new LaminaImage(RawPixels.image(samples, width, height, bands), Limits.defaults(), "pixels");
    }

    /** The same for 16-bit samples (each {@code short} read unsigned, 65535 = white). */
    public static LaminaImage fromPixels(short[] samples, int width, int height, int bands) {
        return new LaminaImage(RawPixels.image(samples, width, height, bands), Limits.defaults(), "pixels");
    }

    /** The same for float samples, normalised (1.0 = white; values outside 0..1 are kept until output). */
    public static LaminaImage fromPixels(float[] samples, int width, int height, int bands) {
        return new LaminaImage(RawPixels.image(samples, width, height, bands), Limits.defaults(), "pixels");
    }
}
