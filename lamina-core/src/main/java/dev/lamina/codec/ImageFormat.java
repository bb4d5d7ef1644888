package dev.lamina.codec;

import dev.lamina.model.LaminaException;
import dev.lamina.codec.tiff.TiffDecoder;

import java.nio.file.Path;
import java.util.Locale;

/** The encoded formats Lamina reads and writes, recognised by signature or by file name. */
public enum ImageFormat {
    PNG, JPEG, TIFF, UNKNOWN;

    /** The format whose signature starts {@code head}. */
    public static ImageFormat sniff(byte[] head) {
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == '\r' && head[5] == '\n' && head[6] == 0x1A && head[7] == '\n') {
            return PNG;
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (TiffDecoder.isTiff(head)) {
            return TIFF;
        }
        return UNKNOWN;
    }

    /** The output format a file name asks for. */
    public static ImageFormat forName(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return PNG;
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return JPEG;
        }
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return TIFF;
        }
        throw new LaminaException(LaminaException.Kind.UNSUPPORTED, file + ": unknown output format (use a name ending in .png, .jpg, .jpeg, .tif or .tiff)");
    }
}
