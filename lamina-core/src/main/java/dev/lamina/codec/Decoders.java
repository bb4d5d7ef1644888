package dev.lamina.codec;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.codec.png.PngDecoder;
import dev.lamina.codec.tiff.TiffDecoder;
import dev.lamina.geometry.Dihedral;
import dev.lamina.core.Image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import dev.lamina.core.IoReasons;

/** Picks the decoder by the file's first bytes (never by its name) and turns I/O failures into clear errors. */
public final class Decoders {
    private Decoders() {
    }

    public static Image open(Path file, LoadOptions options) {
        return open(file, options, 1);
    }

    /**
     * Opens with a reduction on load where the format can do it cheaply: a JPEG is decoded at
     * 1/{@code shrink} in the DCT domain (2, 4 or 8; 1 = full size); other formats ignore it and
     * come at full size. Callers (thumbnails) must size what follows from the image they get.
     */
    public static Image open(Path file, LoadOptions options, int shrink) {
        String name = String.valueOf(file);
        byte[] once = contentsIfNotRegular(file, options.limits());
        if (once != null) {
            return open(once, name, options, shrink);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            throw readError(name, e);
        }
        ImageFormat format = ImageFormat.sniff(head);
        onePage(format, options, name);
        return oriented(switch (format) {
            case PNG -> PngDecoder.open(file, options.limits());
            case JPEG -> JpegDecoder.open(file, options.limits(), jpeg(options).scale(shrink));
            case TIFF -> TiffDecoder.open(file, options.limits(), options.page(), options.failOnError());
            case UNKNOWN -> throw unknown(name, head);
        }, options, name);
    }

    /**
     * All the bytes of {@code file} when it is not a regular file (a FIFO, a device, a process
     * substitution such as {@code <(curl ...)}), read once, since such a file cannot be read a
     * second time; null for a regular file, which the decoders read themselves (a PNG streams from
     * it). What is read is bounded by the file size limit and the memory budget. Folders and missing
     * files are errors.
     */
    public static byte[] contentsIfNotRegular(Path file, Limits limits) {
        String name = String.valueOf(file);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw readError(name, e);
        }
        if (attributes.isDirectory()) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": is a folder, not an image");
        }
        if (attributes.isRegularFile()) {
            return null;
        }
        long cap = Math.min(Math.min(limits.maxFileBytes(), limits.maxMemoryBytes()), Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) cap);
            if (in.read() >= 0) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": it is not a regular file, so it is"
                        + " read whole into memory, and it holds more than " + cap + " bytes (the lower of the file size"
                        + " limit and the memory budget)");
            }
            return data;
        } catch (IOException e) {
            throw readError(name, e);
        }
    }

    /** The error for a file that cannot be read, with the reason in words (never an exception's class name). */
    public static LaminaException readError(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new LaminaException(LaminaException.Kind.IO, name + ": no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new LaminaException(LaminaException.Kind.IO, name + ": permission denied", e);
        }
        return new LaminaException(LaminaException.Kind.IO, name + ": cannot read: " + IoReasons.of(e), e);
    }

    public static Image open(byte[] data, String name, LoadOptions options) {
        return open(data, name, options, 1);
    }

    /** {@link #open(Path, LoadOptions, int)} for an encoded image in memory. */
    public static Image open(byte[] data, String name, LoadOptions options, int shrink) {
        options.limits().checkFileBytes(name, data.length);
        ImageFormat format = ImageFormat.sniff(data);
        onePage(format, options, name);
        return oriented(switch (format) {
            case PNG -> PngDecoder.open(data, name, options.limits());
            case JPEG -> JpegDecoder.open(data, name, options.limits(), jpeg(options).scale(shrink));
            case TIFF -> TiffDecoder.open(data, name, options.limits(), options.page(), options.failOnError());
            case UNKNOWN -> throw unknown(name, data);
        }, options, name);
    }

    /** Only TIFF has pages; asking a single image for another page is an error, not the first page. */
    private static void onePage(ImageFormat format, LoadOptions options, String name) {
        if (options.page() > 0 && format != ImageFormat.TIFF && format != ImageFormat.UNKNOWN) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": page " + options.page()
                    + " asked for, a " + format + " file has one page (0)");
        }
    }

    private static JpegDecodeOptions jpeg(LoadOptions options) {
        return JpegDecodeOptions.defaults().failOnError(options.failOnError());
    }

    /**
     * The image turned upright from its EXIF orientation (a TIFF's Orientation tag), when asked (the default). Decoders hand
     * images over as stored; turning them is an operation, applied here, above the codecs.
     */
    private static Image oriented(Image image, LoadOptions options, String name) {
        int o = image.metadata.orientation();
        if (!options.autoOrient() || o == 1) {
            return image;
        }
        try {
            return Dihedral.upright(image, o, options.limits(), name);
        } catch (LaminaException e) {
            throw e.withSubject(name);
        }
    }

    private static LaminaException unknown(String name, byte[] head) {
        if (head.length == 0) {
            return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": file is empty");
        }
        return new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": not a PNG, JPEG or TIFF file (unrecognised content)");
    }
}
