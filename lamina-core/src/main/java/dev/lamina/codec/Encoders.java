package dev.lamina.codec;

import dev.lamina.JpegOptions;
import dev.lamina.LaminaException;
import dev.lamina.PngOptions;
import dev.lamina.SaveOptions;
import dev.lamina.TiffOptions;
import dev.lamina.codec.jpeg.JpegEncoder;
import dev.lamina.codec.png.PngEncoder;
import dev.lamina.codec.tiff.TiffEncoder;
import dev.lamina.core.Image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes images, to streams or to files. A file is written beside its final name and renamed
 * into place only when complete, so a failure (bad input found halfway, a full disk) never leaves
 * a partial or truncated file, and an existing file is replaced in one step.
 */
public final class Encoders {
    private Encoders() {
    }

    public static SaveOptions defaultOptionsFor(Path file) {
        return switch (ImageFormat.forName(file)) {
            case PNG -> PngOptions.png();
            case JPEG -> JpegOptions.jpeg();
            case TIFF -> TiffOptions.tiff();
            case UNKNOWN -> throw new AssertionError();
        };
    }

    public static void write(Image image, OutputStream out, SaveOptions options) throws IOException {
        switch (options) {
            case PngOptions png -> PngEncoder.write(image, out, png);
            case JpegOptions jpeg -> JpegEncoder.write(image, out, jpeg);
            case TiffOptions tiff -> TiffEncoder.write(image, out, tiff);
        }
    }

    public static void save(Image image, Path file, SaveOptions options) {
        String name = String.valueOf(file);
        ImageFormat wanted = ImageFormat.forName(file);
        ImageFormat given = switch (options) {
            case PngOptions png -> ImageFormat.PNG;
            case JpegOptions jpeg -> ImageFormat.JPEG;
            case TiffOptions tiff -> ImageFormat.TIFF;
        };
        if (wanted != given) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the name says " + wanted + " but " + given + " options were given");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: folder " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: it is a folder");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
            // A temporary file is private (0600); the finished image should be readable like any other.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (AccessDeniedException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: folder " + dir + " is not writable");
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            if (options instanceof TiffOptions tiff) {
                TiffEncoder.save(image, tmp, tiff);   // seeks back to the header: written in place, not through a stream
            } else {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    write(image, out, options);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": write failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more can be done; the error being thrown is the one that matters
                }
            }
        }
    }
}
