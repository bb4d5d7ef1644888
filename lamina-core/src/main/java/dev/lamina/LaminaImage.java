package dev.lamina;

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
     * Gaussian blur with standard deviation {@code sigma} pixels (the kernel reaches 4 sigma), in
     * premultiplied alpha, edge pixels repeated beyond the edges. Exact for 16-bit images and small
     * sigmas; 8-bit images from sigma 3 use a recursive filter within 0.15 of an 8-bit step of the
     * exact blur, whose cost does not grow with sigma (docs/precision.md).
     */
    public LaminaImage blur(double sigma) {
        return new LaminaImage(GaussianBlur.build(image, sigma), limits);
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
        return new LaminaImage(Sharpen.build(image, sigma, amount, threshold), limits);
    }

    /**
     * The shadow (or glow) this image's alpha casts, alone: an RGBA image of this image's size, to
     * composite under it. An image without alpha casts the shadow of its rectangle. What the offset,
     * blur or spread would put outside the image is cut: give the image transparent margins first
     * if it must show.
     */
    public LaminaImage shadow(Shadow shadow) {
        return new LaminaImage(Effects.shadow(image, shadow.dx(), shadow.dy(), shadow.sigma(), shadow.spread(),
                rgb(shadow.rgb()), shadow.opacity()), limits);
    }

    /**
     * An outline of this image's alpha: the shape grown by {@code radius} pixels, antialiased, in one
     * colour, alone (to composite under the image, where it shows as a ring around it).
     */
    public LaminaImage outline(double radius, int rgb, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw LaminaException.badInput("outline: opacity must be between 0 and 1, not " + opacity);
        }
        return new LaminaImage(Effects.outline(image, radius, rgb(rgb), opacity), limits);
    }

    private static double[] rgb(int rgb) {
        return new double[]{((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
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
