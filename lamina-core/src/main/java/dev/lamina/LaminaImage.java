package dev.lamina;

import dev.lamina.model.AffineOptions;
import dev.lamina.model.ExtendWith;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.MaskMode;
import dev.lamina.model.Metadata;
import dev.lamina.model.SaveOptions;
import dev.lamina.model.Shadow;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.model.TrimOptions;
import dev.lamina.conversion.RawPixels;
import dev.lamina.codec.Encoders;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.CompositeOp;
import dev.lamina.composite.Placement;
import dev.lamina.conversion.Cast;
import dev.lamina.conversion.Flatten;
import dev.lamina.convolution.Effects;
import dev.lamina.convolution.GaussianBlur;
import dev.lamina.convolution.Sharpen;
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
import dev.lamina.thumbnail.Thumbnail;

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
    /** Names the image in errors: the file or name it was opened from, which operations keep. */
    private final String name;

    LaminaImage(Image image, Limits limits, String name) {
        this.image = image;
        this.limits = limits;
        this.name = name;
    }

    /** The same limits and name for the result of an operation. */
    private LaminaImage derived(Image result) {
        return new LaminaImage(result, limits, name);
    }

    /**
     * Runs {@code work}, reporting an {@link OutOfMemoryError} as a {@code LIMIT_EXCEEDED} error
     * that names the image and says what to raise, and a run that its {@link Execution} stopped
     * (cancelled, past its deadline) with the image's name and what it was doing. The memory budget ({@link Limits#maxMemoryBytes})
     * refuses the inputs Lamina knows to be large before their memory is allocated; this is for
     * the rest, such as a heap smaller than the budget. Once the error has unwound, the buffers of
     * the failed work are garbage, so the JVM can go on.
     */
    static <T> T withinMemory(String name, String doing, Limits limits, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (LaminaException e) {
            // A run stopped by its execution says so with the image's name and what it was doing.
            if ((e.kind() == LaminaException.Kind.DEADLINE_EXCEEDED || e.kind() == LaminaException.Kind.CANCELLED)
                    && !e.getMessage().startsWith(name + ": ")) {
                throw new LaminaException(e.kind(), name + ": " + (e.kind() == LaminaException.Kind.CANCELLED
                        ? "cancelled" : "deadline exceeded") + " while " + doing, e);
            }
            throw e;
        } catch (OutOfMemoryError e) {
            long heap = Runtime.getRuntime().maxMemory();
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": out of memory while " + doing
                    + " (Java heap " + heap / (1024 * 1024) + " MiB, memory budget " + limits.maxMemoryBytes() / (1024 * 1024)
                    + " MiB): give the JVM more memory, or a budget below the heap so that such inputs are refused"
                    + " before they are decoded", e);
        }
    }

    private void withinMemory(String doing, Runnable work) {
        withinMemory(name, doing, limits, () -> {
            work.run();
            return null;
        });
    }

    /**
     * This image computed once into memory (libvips' {@code copy_memory}): later pipelines read
     * the pixels from memory, at random, from any number of threads, without decoding again. For
     * assets a service keeps hot. The pixel limit applies; memory is width x height x bands x bytes
     * per sample. Runs under the calling thread's {@link Execution}.
     */
    public LaminaImage pin() {
        limits.checkPixels(name, image.width, image.height);
        return withinMemory(name, "pinning it in memory", limits, () -> derived(image.materialise(limits, name)));
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
        return kept == image.metadata ? this : derived(image.withMetadata(kept));
    }

    /** Draws the layers on this image, in order, as one operation (no rounding between layers). */
    public LaminaImage composite(Layer... layers) {
        return composite(Arrays.asList(layers));
    }

    public LaminaImage composite(List<Layer> layers) {
        return composite(layers, null);
    }

    /**
     * Draws the layers and rounds the result once to {@code bitDepth} (8 or 16) bits, whatever the
     * inputs' depth: the last step of a tree kept at 16 bits that must come out at 8 bits rounds from
     * the blend's exact value instead of from a 16-bit result.
     */
    public LaminaImage composite(List<Layer> layers, int bitDepth) {
        BandFormat f = switch (bitDepth) {
            case 8 -> BandFormat.U8;
            case 16 -> BandFormat.U16;
            default -> throw new LaminaException(LaminaException.Kind.BAD_INPUT, "bit depth must be 8 or 16, not " + bitDepth);
        };
        if (layers.isEmpty()) {
            return bitDepth(bitDepth);
        }
        return composite(layers, f);
    }

    private LaminaImage composite(List<Layer> layers, BandFormat outputFormat) {
        if (layers.isEmpty()) {
            return this;
        }
        if (layers.size() > limits.maxLayers()) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + layers.size()
                    + " layers is over the layer limit of " + limits.maxLayers());
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
        try {
            return derived(CompositeOp.build(image, specs, outputFormat, limits));
        } catch (LaminaException e) {
            throw e.withSubject(name);
        }
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
        limits.checkPixels(name + ": resize", width, height);
        if (width == image.width && height == image.height) {
            return this;
        }
        return derived(Resize.build(image, width, height, kernel, Double.NaN, Double.NaN, limits, name));
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
        limits.checkPixels(name + ": resize", width, height);
        return derived(Resize.buildLinear(image, width, height, kernel, Double.NaN, Double.NaN, limits, name));
    }

    /**
     * This image made to fit the options' box. For files, {@link Lamina#thumbnail} is faster: it
     * can let the decoder shrink while loading.
     */
    public LaminaImage thumbnail(ThumbnailOptions options) {
        return derived(Thumbnail.of(image, options, limits, name));
    }

    /**
     * The {@code width x height} rectangle at ({@code left}, {@code top}) (sharp's {@code extract},
     * libvips' {@code extract_area}). Streams: only the rectangle's rows are read.
     */
    public LaminaImage extract(int left, int top, int width, int height) {
        // in long arithmetic: a rectangle reaching past 2^31 is outside any image, not an overflow
        if (width <= 0 || height <= 0 || left < 0 || top < 0 || (long) left + width > image.width
                || (long) top + height > image.height) {
            throw LaminaException.badInput(name + ": extract " + width + "x" + height + "+" + left + "+" + top
                    + " is not inside the " + image.width + "x" + image.height + " image");
        }
        return derived(Extract.build(image, new Rect(left, top, width, height)));
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
        return derived(Extend.build(image, left, top, (int) w, (int) h, mode, argb, limits, name));
    }

    /**
     * Mirrored top-bottom (sharp's {@code flip}), an exact copy. A file-backed image that is read
     * once from the top is first held in memory (its last row comes out first).
     */
    public LaminaImage flip() {
        return derived(Dihedral.flip(image, limits, name));
    }

    /** Mirrored left-right (sharp's {@code flop}), an exact copy that streams. */
    public LaminaImage flop() {
        return derived(Dihedral.flop(image));
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
            return derived(Dihedral.rotate(image, (int) ((degrees % 360) / 90), limits, name));
        }
        Affine.Rotation r = Affine.rotation(image.width, image.height, degrees);
        Rect area = options.area() == null ? r.area() : rect(options.area());
        limits.checkPixels("rotate", area.width(), area.height());
        return derived(Affine.build(image, r.matrix(), options.kernel(), area, options.background(), limits, name));
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
        return derived(Affine.build(image, m, options.kernel(), area, options.background(), limits, name));
    }

    private Rect rect(AffineOptions.Area a) {
        if ((long) a.left() + a.width() > Integer.MAX_VALUE || (long) a.top() + a.height() > Integer.MAX_VALUE) {
            throw LaminaException.badInput(name + ": the output area " + a.width() + "x" + a.height() + " at ("
                    + a.left() + ", " + a.top() + ") reaches past 2^31");
        }
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
        return derived(Trim.build(image, bg, options.threshold(), options.lineArt()));
    }

    /**
     * Gaussian blur with standard deviation {@code sigma} pixels (the kernel reaches 4 sigma), in
     * premultiplied alpha, edge pixels repeated beyond the edges. Exact for 16-bit images and small
     * sigmas; 8-bit images from sigma 3 use a recursive filter within 0.15 of an 8-bit step of the
     * exact blur, whose cost does not grow with sigma (docs/precision.md).
     */
    public LaminaImage blur(double sigma) {
        return derived(GaussianBlur.build(image, sigma));
    }

    /** Unsharp mask with amount 1 and no threshold: {@link #sharpen(double, double, double)}. */
    public LaminaImage sharpen(double sigma) {
        return sharpen(sigma, 1, 0);
    }

    /**
     * Unsharp mask, as ImageMagick's {@code -unsharp 0x{sigma}+{amount}+{threshold}}: each colour
     * sample moves away from its Gaussian blur by {@code amount} times the difference, where the
     * difference is more than {@code threshold} (0..1 of full scale). Alpha is kept.
     */
    public LaminaImage sharpen(double sigma, double amount, double threshold) {
        return derived(Sharpen.build(image, sigma, amount, threshold));
    }

    /**
     * The shadow (or glow) this image's alpha casts, alone: an RGBA image of this image's size, to
     * composite under it. An image without alpha casts the shadow of its rectangle. What the offset,
     * blur or spread would put outside the image is cut: give the image transparent margins first
     * if it must show.
     */
    public LaminaImage shadow(Shadow shadow) {
        return derived(Effects.shadow(image, shadow.dx(), shadow.dy(), shadow.sigma(), shadow.spread(),
                rgb(shadow.rgb()), shadow.opacity()));
    }

    /**
     * The shadow for a result that will be rounded to {@code resultBitDepth} bits in the end (8 or
     * 16), whatever this image's depth: with 8, a 16-bit image's shadow of sigma 3 or more takes the
     * recursive blur, whose cost does not grow with sigma, within 0.15 of an 8-bit step of the exact
     * one (a 16-bit layer tree rendered to 8 bits: the error stays under the final rounding). With
     * 16 the exact kernel is used from a 16-bit image.
     */
    public LaminaImage shadow(Shadow shadow, int resultBitDepth) {
        if (resultBitDepth != 8 && resultBitDepth != 16) {
            throw LaminaException.badInput("shadow: the result's bit depth must be 8 or 16, not " + resultBitDepth);
        }
        return derived(Effects.shadow(image, shadow.dx(), shadow.dy(), shadow.sigma(), shadow.spread(),
                rgb(shadow.rgb()), shadow.opacity(), resultBitDepth == 8 || image.format == BandFormat.U8));
    }

    /**
     * An outline of this image's alpha: the shape grown by {@code radius} pixels, antialiased, in one
     * colour, alone (to composite under the image, where it shows as a ring around it).
     */
    public LaminaImage outline(double radius, int rgb, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw LaminaException.badInput("outline: opacity must be between 0 and 1, not " + opacity);
        }
        return derived(Effects.outline(image, radius, rgb(rgb), opacity));
    }

    private static double[] rgb(int rgb) {
        return new double[]{((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
    }

    /**
     * This image as a mask: a white grey+alpha image whose alpha is this image's alpha, or its
     * luminance times its alpha ({@link MaskMode}), or one minus that when {@code invert}. Composite
     * it onto another image with {@link BlendMode#DEST_IN} to cut that image by the mask.
     */
    public LaminaImage toMask(MaskMode mode, boolean invert) {
        return derived(dev.lamina.conversion.ToMask.build(image, java.util.Objects.requireNonNull(mode, "mask mode"), invert));
    }

    /** Removes alpha by blending onto an opaque background colour (0xRRGGBB). */
    public LaminaImage flatten(int rgb) {
        double[] bg = {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
        if (image.interpretation.colourBands == 1) {
            bg = new double[]{0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2]};
        }
        return derived(Flatten.build(image, bg));
    }

    /** The same pixels with 8 or 16 bits per sample (rounded correctly when narrowing). */
    public LaminaImage bitDepth(int bits) {
        BandFormat f = switch (bits) {
            case 8 -> BandFormat.U8;
            case 16 -> BandFormat.U16;
            default -> throw new LaminaException(LaminaException.Kind.BAD_INPUT, "bit depth must be 8 or 16, not " + bits);
        };
        return derived(Cast.build(image, f));
    }

    /** Saves in the format the file name says (.png, .jpg, .jpeg) with that format's default options. */
    public void save(Path file) {
        save(file, Encoders.defaultOptionsFor(file));
    }

    /**
     * Saves with {@code options}, whose format must match the file name's. The file appears
     * complete or not at all (written aside, then renamed).
     */
    public void save(Path file, SaveOptions options) {
        withinMemory("writing " + file, () -> Encoders.save(image, file, options, limits));
    }

    /** Writes the encoded image to a stream (not closed). */
    public void write(OutputStream out, SaveOptions options) throws IOException {
        try {
            withinMemory("encoding it", () -> {
                try {
                    Encoders.write(image, out, options, name, limits);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * All pixels as interleaved 8-bit samples (bands as {@link #bands()}, straight alpha), rounded
     * once from the pipeline's precision. The image must fit one Java array.
     */
    public byte[] pixels8() {
        return withinMemory(name, "computing its pixels", limits, () -> (byte[]) RawPixels.samples(image, BandFormat.U8, name, limits));
    }

    /** The same as 16-bit samples (read each {@code short} unsigned). */
    public short[] pixels16() {
        return withinMemory(name, "computing its pixels", limits, () -> (short[]) RawPixels.samples(image, BandFormat.U16, name, limits));
    }

    /** The same as normalised float samples (1.0 = white). */
    public float[] pixelsFloat() {
        return withinMemory(name, "computing its pixels", limits, () -> (float[]) RawPixels.samples(image, BandFormat.F32, name, limits));
    }

    /** The image encoded with {@code options}, in memory. */
    public byte[] encode(SaveOptions options) {
        return withinMemory(name, "encoding it", limits, () -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try {
                Encoders.write(image, b, options, name, limits);
            } catch (IOException e) {
                throw new AssertionError("memory streams do not fail", e);
            }
            return b.toByteArray();
        });
    }

    @Override
    public String toString() {
        return image.toString();
    }
}
