package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.core.Image;

import java.io.ByteArrayOutputStream;

/**
 * The simple (non-extended) WebP file of a lossless image: {@code RIFF size WEBP} and one
 * {@code VP8L} chunk (RFC 9649, 2.5 and 2.6). Just enough container for the lossless codec to be
 * used and tested end to end on its own; the full container (VP8X, ALPH, ICC, EXIF, XMP,
 * animation) lives with the WebP codec that owns the format.
 */
public final class WebpLosslessFile {
    private WebpLosslessFile() {
    }

    /** Where the {@code VP8L} payload of a simple lossless WebP file is: {offset, length}. */
    public static int[] findVp8l(byte[] data, String name) {
        if (data.length < 12 || !tag(data, 0, "RIFF") || !tag(data, 8, "WEBP")) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": not a WebP file (no RIFF/WEBP header)");
        }
        if (data.length < 20) {
            throw Vp8lDecoder.truncated(name);
        }
        long riffSize = le32(data, 4);
        long chunkSize = le32(data, 16);
        if (!tag(data, 12, "VP8L")) {
            String fourcc = new String(data, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": WebP chunk '" + fourcc.strip()
                    + "' is not a simple lossless image (only VP8L is read here)");
        }
        if (chunkSize > data.length - 20L || riffSize < chunkSize + 12) {
            throw Vp8lDecoder.truncated(name);
        }
        return new int[] {20, (int) chunkSize};
    }

    /** Opens a simple lossless WebP file held in memory as a sequential image. */
    public static Image open(byte[] data, String name, Limits limits) {
        if (data.length > limits.maxFileBytes()) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + data.length + " bytes is over the input limit of "
                    + limits.maxFileBytes() + " bytes");
        }
        int[] chunk = findVp8l(data, name);
        return Vp8lDecoder.image(data, chunk[0], chunk[1], name, limits, Metadata.NONE);
    }

    /** Wraps a {@code VP8L} payload (header included) into a simple WebP file. */
    public static byte[] wrap(byte[] vp8l) {
        int padded = vp8l.length + (vp8l.length & 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(20 + padded);
        out.writeBytes("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writeLe32(out, 12 + padded);
        out.writeBytes("WEBPVP8L".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writeLe32(out, vp8l.length);
        out.writeBytes(vp8l);
        if ((vp8l.length & 1) != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static boolean tag(byte[] data, int at, String fourcc) {
        for (int i = 0; i < 4; i++) {
            if (data[at + i] != fourcc.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long le32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }

    private static void writeLe32(ByteArrayOutputStream out, long v) {
        out.write((int) v);
        out.write((int) (v >>> 8));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 24));
    }
}
