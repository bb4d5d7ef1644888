package dev.lamina.codec;

import dev.lamina.LaminaException;
import dev.lamina.LoadOptions;
import dev.lamina.codec.imageio.ImageIoJpegDecoder;
import dev.lamina.codec.png.PngDecoder;
import dev.lamina.core.Image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Picks the decoder by the file's first bytes (never by its name) and turns I/O failures into clear errors. */
public final class Decoders {
    private Decoders() {
    }

    public static Image open(Path file, LoadOptions options) {
        String name = String.valueOf(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
            if (Files.isDirectory(file)) {
                throw new LaminaException(name + ": is a folder, not an image");
            }
            long size = Files.size(file);
            if (size > options.limits().maxFileBytes()) {
                throw new LaminaException(name + ": " + size + " bytes is over the limit of "
                        + options.limits().maxFileBytes() + " bytes");
            }
        } catch (NoSuchFileException e) {
            throw new LaminaException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new LaminaException(name + ": permission denied");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new LaminaException(name + ": is a folder, not an image");
            }
            throw new LaminaException(name + ": cannot read: " + e.getMessage(), e);
        }
        return switch (ImageFormat.sniff(head)) {
            case PNG -> PngDecoder.open(file, options.limits());
            case JPEG -> ImageIoJpegDecoder.open(file, options.limits(), options.autoOrient());
            case UNKNOWN -> throw unknown(name, head);
        };
    }

    public static Image open(byte[] data, String name, LoadOptions options) {
        if (data.length > options.limits().maxFileBytes()) {
            throw new LaminaException(name + ": " + data.length + " bytes is over the limit of "
                    + options.limits().maxFileBytes() + " bytes");
        }
        return switch (ImageFormat.sniff(data)) {
            case PNG -> PngDecoder.open(data, name, options.limits());
            case JPEG -> ImageIoJpegDecoder.open(data, name, options.limits(), options.autoOrient());
            case UNKNOWN -> throw unknown(name, data);
        };
    }

    private static LaminaException unknown(String name, byte[] head) {
        if (head.length == 0) {
            return new LaminaException(name + ": file is empty");
        }
        return new LaminaException(name + ": not a PNG or JPEG file (unrecognised content)");
    }
}
