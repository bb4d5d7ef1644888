package dev.lamina;

import dev.lamina.conversion.RawPixels;
import dev.lamina.codec.Encoders;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.CompositeOp;
import dev.lamina.composite.Placement;
import dev.lamina.conversion.Cast;
import dev.lamina.conversion.Flatten;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.geometry.Affine;
import dev.lamina.geometry.AffineMatrix;
import dev.lamina.geometry.Dihedral;
import dev.lamina.geometry.Extend;
import dev.lamina.geometry.Extract;
import dev.lamina.geometry.Trim;
import dev.lamina.resample.Resize;
import dev.lamina.resample.Thumbnail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An image in Lamina's public API: an immutable description of pixels still to be computed.
 * Operations return new images and compute nothing; {@code save} and {@code write} pull the
 * pixels through the chain strip by strip on Lamina's worker pool, so memory stays a few strips
 * whatever the image size.
 *
 * <p>Thread-safe: any number of threads may build on, save and encode the same image at once,
 * with the same bytes as one thread alone. Each save is a run of its own that reads a file-backed
 * image forward once; an image that many requests need should be {@link #pin() pinned}. The
 * {@link Execution} bound to the calling thread (if any) chooses the threads and the deadline.
 */
public final class LaminaImage {
    private final Image image;
    private final Limits limits;

    LaminaImage(Image image, Limits limits) {
        this.image = image;
        this.limits = limits;
    }

    /**
     * This image computed once into memory (libvips' {@code copy_memory}): later pipelines read
     * the pixels from memory, at random, from any number of threads, without decoding again. For
     * assets a service keeps hot. The pixel limit applies; memory is width x height x bands x bytes
     * per sample. Runs under the calling thread's {@link Execution}.
     */
    public LaminaImage pin() {
        limits.checkPixels("pinned image", image.width, image.height);
        return new LaminaImage(image.materialise(), limits);
    }

    public int width() {
        return image.width;
    }

    public int height() {
        return image.height;
    }

    /** Number of bands, alpha included: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
    public int bands() {
        return image.bands;
    }

    public boolean hasAlpha() {
        return image.hasAlpha;
    }

    /** "grey" or "rgb". */
    public String colourSpace() {
        return image.interpretation.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Sample format: "u8", "u16" or "f32". */
    public String sampleFormat() {
        return image.format.name().toLowerCase(java.util.Locale.ROOT);
    }

    public Metadata metadata() {
        return image.metadata;
    }

    /**
     * The same image with only the metadata that {@code keep} keeps ({@link Metadata.Keep}): all of
     * it (the default of every image: EXIF, XMP, text, ICC are carried to the saved file, as libvips
     * does), the colour profile only ({@code ICC_ONLY}: no camera, GPS, dates, serial numbers,
     * editing history; what sharp writes by default), or {@code NONE} (the profile dropped too, so
     * the values are read as sRGB). Density and orientation stay in every mode.
     */
    public LaminaImage keepMetadata(Metadata.Keep keep) {
        Metadata kept = image.metadata.keep(keep);
        return kept == image.metadata ? this : new LaminaImage(image.withMetadata(kept), limits);
    }

    /** Draws the layers on this image, in order, as one operation (no rounding between layers). */
    public LaminaImage composite(Layer... layers) {
        return composite(Arrays.asList(layers));
    }

    public LaminaImage composite(List<Layer> layers) {
        if (layers.isEmpty()) {
            return this;
        }
        if (layers.size() > limits.maxLayers()) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, layers.size() + " layers is over the limit of " + limits.maxLayers());
        }
        List<CompositeLayer> specs = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            Placement p;
            int x = l.x == null ? 0 : l.x;
            int y = l.y == null ? 0 : l.y;
            if (l.tiled) {
                p = Placement.tiled(x, y);
            } else if (l.x != null) {
                p = Placement.at(x, y);
            } else {
                p = Placement.gravity(l.gravity);
            }
            specs.add(new CompositeLayer(l.image.image, l.mode, p, l.opacity));
        }
        return new LaminaImage(CompositeOp.build(image, specs, null), limits);
    }

    /**
     * Resamples to exactly {@code width x height} with Lanczos-3 (the aspect ratio is the caller's
     * business; {@link #thumbnail} keeps it). Alpha is premultiplied inside, so hidden colours of
     * transparent pixels never bleed into visible ones.
     */
    public LaminaImage resize(int width, int height) {
        return resize(width, height, Kernel.LANCZOS3);
    }

    /** Resamples to exactly {@code width x height} with {@code kernel}. */
    public LaminaImage resize(int width, int height, Kernel kernel) {
        limits.checkPixels("resize", width, height);
        if (width == image.width && height == image.height) {
            return this;
        }
        return new LaminaImage(Resize.build(image, width, height, kernel), limits);
    }

    /**
     * Resamples to {@code width x height}; with {@code linearLight} the sRGB-encoded samples are
     * decoded to linear light (F32), resampled there and encoded again, so that averages are
     * averages of light (a black/white checkerboard halves to sRGB 188, not 128). About 1.5-2x the
     * time of the gamma-encoded resize (docs/resample.md).
     */
    public LaminaImage resize(int width, int height, Kernel kernel, boolean linearLight) {
        if (!linearLight) {
            return resize(width, height, kernel);
        }
        limits.checkPixels("resize", width, height);
        return new LaminaImage(Resize.buildLinear(image, width, height, kernel, Double.NaN, Double.NaN), limits);
    }

    /**
     * This image made to fit the options' box. For files, {@link Lamina#thumbnail} is faster: it
     * can let the decoder shrink while loading.
     */
    public LaminaImage thumbnail(ThumbnailOptions options) {
        return new LaminaImage(Thumbnail.of(image, options, limits), limits);
    }

    /**
     * The {@code width x height} rectangle at ({@code left}, {@code top}) (sharp's {@code extract},
     * libvips' {@code extract_area}). Streams: only the rectangle's rows are read.
     */
    public LaminaImage extract(int left, int top, int width, int height) {
        return new LaminaImage(Extract.build(image, new Rect(left, top, width, height)), limits);
    }

    /**
     * Margins added around the image, filled with zeros in its layout: transparent black for an
     * image with alpha, black without (libvips' {@code embed} default).
     */
    public LaminaImage extend(int top, int right, int bottom, int left) {
        return extend(top, right, bottom, left, ExtendWith.BACKGROUND, null);
    }

    /**
     * Margins filled with a colour, {@code 0xAARRGGBB} (sharp's {@code extend} with a
     * {@code background}). A colour that is not opaque adds an alpha band to an image without one;
     * one that is not grey makes a grey image RGB.
     */
    public LaminaImage extend(int top, int right, int bottom, int left, int argb) {
        return extend(top, right, bottom, left, ExtendWith.BACKGROUND, argb);
    }

    /**
     * Margins filled from the image's edges (sharp's {@code extendWith}): copied, repeated or
     * mirrored ({@link ExtendWith} gives the exact rule); {@link ExtendWith#BACKGROUND} gives zeros.
     */
    public LaminaImage extend(int top, int right, int bottom, int left, ExtendWith mode) {
        return extend(top, right, bottom, left, mode, null);
    }

    private LaminaImage extend(int top, int right, int bottom, int left, ExtendWith mode, Integer argb) {
        if (top < 0 || right < 0 || bottom < 0 || left < 0) {
            throw LaminaException.badInput("extend: margins must be 0 or more, not " + top + ", " + right + ", "
                    + bottom + ", " + left + " (top, right, bottom, left)");
        }
        long w = (long) image.width + left + right, h = (long) image.height + top + bottom;
        limits.checkPixels("extend", w, h);
        if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw LaminaException.limit("extend: " + w + "x" + h + " is beyond what an image can address");
        }
        return new LaminaImage(Extend.build(image, left, top, (int) w, (int) h, mode, argb), limits);
    }

    /**
     * Mirrored top-bottom (sharp's {@code flip}), an exact copy. A file-backed image that is read
     * once from the top is first held in memory (its last row comes out first).
     */
    public LaminaImage flip() {
        return new LaminaImage(Dihedral.flip(image), limits);
    }

    /** Mirrored left-right (sharp's {@code flop}), an exact copy that streams. */
    public LaminaImage flop() {
        return new LaminaImage(Dihedral.flop(image), limits);
    }

    /**
     * Turned clockwise by {@code degrees} about the centre, onto the smallest rectangle that holds
     * the result, with {@link AffineOptions#defaults()} (bilinear, zeros where the image is not).
     * Multiples of 90 degrees are exact copies (a file-backed image is then first held in memory).
     */
    public LaminaImage rotate(double degrees) {
        return rotate(degrees, AffineOptions.defaults());
    }

    /**
     * Turned clockwise by {@code degrees} with the options' kernel and background; the image's
     * edges are antialiased by their exact coverage. Multiples of 90 degrees without an explicit
     * area are exact copies (the kernel and background do not matter then).
     */
    public LaminaImage rotate(double degrees, AffineOptions options) {
        if (!Double.isFinite(degrees)) {
            throw LaminaException.badInput("rotate: the angle must be a finite number of degrees, not " + degrees);
        }
        if (degrees % 90 == 0 && options.area() == null) {
            return new LaminaImage(Dihedral.rotate(image, (int) ((degrees % 360) / 90)), limits);
        }
        Affine.Rotation r = Affine.rotation(image.width, image.height, degrees);
        Rect area = options.area() == null ? r.area() : rect(options.area());
        limits.checkPixels("rotate", area.width(), area.height());
        return new LaminaImage(Affine.build(image, r.matrix(), options.kernel(), area, options.background()), limits);
    }

    /**
     * The linear part of an affine transform ({@code X = a x + b y}, {@code Y = c x + d y}: scale,
     * rotate, shear) onto the transformed image's bounding box, with {@link AffineOptions#defaults()}.
     */
    public LaminaImage affine(double a, double b, double c, double d) {
        return affine(a, b, c, d, 0, 0, AffineOptions.defaults());
    }

    /**
     * A general affine transform, libvips' {@code affine}: input point (x, y) goes to
     * {@code X = a x + b y + tx}, {@code Y = c x + d y + ty}, where pixel (i, j) is the unit square at
     * (i, j) in both images. Sampled with the options' kernel in premultiplied alpha, edges
     * antialiased by coverage, onto the options' area (by default the bounding box of the transformed
     * image, rounded outwards to whole pixels).
     */
    public LaminaImage affine(double a, double b, double c, double d, double tx, double ty, AffineOptions options) {
        AffineMatrix m = new AffineMatrix(a, b, c, d, tx, ty);
        Rect area = options.area() == null ? m.bounds(image.width, image.height) : rect(options.area());
        limits.checkPixels("affine", area.width(), area.height());
        return new LaminaImage(Affine.build(image, m, options.kernel(), area, options.background()), limits);
    }

    private static Rect rect(AffineOptions.Area a) {
        return new Rect(a.left(), a.top(), a.width(), a.height());
    }

    /**
     * The image without its border of near-uniform colour (sharp's {@code trim()}): the top-left
     * pixel's colour, threshold 10, noise ignored by a 3x3 median. Finding the border reads the
     * image once now (under the calling thread's {@link Execution}); an image without border is
     * returned whole.
     */
    public LaminaImage trim() {
        return trim(TrimOptions.defaults());
    }

    /** The image without its border as the options say (see {@link TrimOptions}). */
    public LaminaImage trim(TrimOptions options) {
        double[] bg = null;
        if (options.background() != null) {
            int argb = options.background();
            double r = ((argb >> 16) & 0xFF) / 255.0, g = ((argb >> 8) & 0xFF) / 255.0, b = (argb & 0xFF) / 255.0;
            double a = (argb >>> 24) / 255.0;
            double[] colour = image.interpretation.colourBands == 1
                    ? new double[]{0.2126 * r + 0.7152 * g + 0.0722 * b} : new double[]{r, g, b};
            bg = image.hasAlpha ? Arrays.copyOf(colour, colour.length + 1) : colour;
            if (image.hasAlpha) {
                bg[colour.length] = a;
            }
        }
        return new LaminaImage(Trim.build(image, bg, options.threshold(), options.lineArt()), limits);
    }

    /** Removes alpha by blending onto an opaque background colour (0xRRGGBB). */
    public LaminaImage flatten(int rgb) {
        double[] bg = {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
        if (image.interpretation.colourBands == 1) {
            bg = new double[]{0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2]};
        }
        return new LaminaImage(Flatten.build(image, bg), limits);
    }

    /** The same pixels with 8 or 16 bits per sample (rounded correctly when narrowing). */
    public LaminaImage bitDepth(int bits) {
        BandFormat f = switch (bits) {
            case 8 -> BandFormat.U8;
            case 16 -> BandFormat.U16;
            default -> throw new LaminaException(LaminaException.Kind.BAD_INPUT, "bit depth must be 8 or 16, not " + bits);
        };
        return new LaminaImage(Cast.build(image, f), limits);
    }

    /** Saves in the format the file name says (.png, .jpg, .jpeg) with that format's default options. */
    public void save(Path file) {
        Encoders.save(image, file, Encoders.defaultOptionsFor(file));
    }

    /**
     * Saves with {@code options}, whose format must match the file name's. The file appears
     * complete or not at all (written aside, then renamed).
     */
    public void save(Path file, SaveOptions options) {
        Encoders.save(image, file, options);
    }

    /** Writes the encoded image to a stream (not closed). */
    public void write(OutputStream out, SaveOptions options) throws IOException {
        Encoders.write(image, out, options);
    }

    /**
     * All pixels as interleaved 8-bit samples (bands as {@link #bands()}, straight alpha), rounded
     * once from the pipeline's precision. The image must fit one Java array.
     */
    public byte[] pixels8() {
        return (byte[]) RawPixels.samples(image, BandFormat.U8, "image");
    }

    /** The same as 16-bit samples (read each {@code short} unsigned). */
    public short[] pixels16() {
        return (short[]) RawPixels.samples(image, BandFormat.U16, "image");
    }

    /** The same as normalised float samples (1.0 = white). */
    public float[] pixelsFloat() {
        return (float[]) RawPixels.samples(image, BandFormat.F32, "image");
    }

    /** The image encoded with {@code options}, in memory. */
    public byte[] encode(SaveOptions options) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            Encoders.write(image, b, options);
        } catch (IOException e) {
            throw new AssertionError("memory streams do not fail", e);
        }
        return b.toByteArray();
    }

    @Override
    public String toString() {
        return image.toString();
    }
}
