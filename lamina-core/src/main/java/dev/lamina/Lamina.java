package dev.lamina;

import dev.lamina.codec.Decoders;

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
                throw new LaminaException(name + ": input is larger than the limit of "
                        + options.limits().maxFileBytes() + " bytes");
            }
            return open(data, name, options);
        } catch (IOException e) {
            throw new LaminaException(name + ": cannot read: " + e.getMessage(), e);
        }
    }
}
