package dev.lamina;

import dev.lamina.codec.Decoders;
import dev.lamina.resample.Thumbnail;

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
        return new LaminaImage(Decoders.open(file, options), options.limits());
    }

    /** Opens an encoded image held in memory; {@code name} is used in error messages. */
    public static LaminaImage open(byte[] data, String name) {
        return open(data, name, LoadOptions.defaults());
    }

    public static LaminaImage open(byte[] data, String name, LoadOptions options) {
        return new LaminaImage(Decoders.open(data, name, options), options.limits());
    }

    /**
     * Reads the whole stream (up to {@link Limits#maxFileBytes()}) and opens it. The stream is not
     * closed.
     */
    public static LaminaImage open(InputStream in, String name, LoadOptions options) {
        try {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, options.limits().maxFileBytes() + 1));
            if (data.length > options.limits().maxFileBytes()) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": input is larger than the limit of "
                        + options.limits().maxFileBytes() + " bytes");
            }
            return open(data, name, options);
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot read: " + e.getMessage(), e);
        }
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
        return new LaminaImage(Thumbnail.open(file, load, options), load.limits());
    }

    /** A thumbnail of an encoded image held in memory; {@code name} is used in error messages. */
    public static LaminaImage thumbnail(byte[] data, String name, ThumbnailOptions options, LoadOptions load) {
        return new LaminaImage(Thumbnail.open(data, name, load, options), load.limits());
    }
}
