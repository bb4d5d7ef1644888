package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.LineCache;

/**
 * Lamina's VP8L (lossless WebP) decoder: the format of RFC 9649, section 3 ("Specification for
 * WebP Lossless Bitstream"), decoding sample for sample as libwebp does.
 *
 * <p>Entry points: {@link #rows} for a {@code VP8L} chunk's payload (with its five-byte header),
 * {@link #imageStream} for a headerless image stream of a known size (the ALPH chunk's lossless
 * alpha, carried in green), and {@link #image} for a sequential Lamina image (RGBA, or RGB when the
 * header says alpha is unused) served through a {@link LineCache}.
 *
 * <p><b>Call order and memory.</b> Opening reads the header and the whole preamble of the stream
 * (transforms, their sub-images, the prefix codes), so a damaged preamble fails at open; pixels are
 * decoded as rows are asked for. The pixel limit is checked from the header before anything is
 * allocated. Memory is a ring of at most about 4 MiB plus 8 rows (backward references reach that
 * far; smaller images are held whole), a few rows per transform, and the sub-images (at most 1/16
 * of the area each); prefix-code tables are capped at {@link PrefixCodeGroups#MAX_TABLE_ENTRIES}.
 *
 * <p><b>Errors.</b> Corrupt or truncated data throws {@link LaminaException} BAD_INPUT naming the
 * input, at open or when the damaged row is pulled. Data after the end of the stream is ignored, as
 * libwebp does.
 */
public final class Vp8lDecoder {
    private Vp8lDecoder() {
    }

    /** Decodes a {@code VP8L} chunk payload ({@code data[offset, offset + length)}). */
    public static ArgbRowReader rows(byte[] data, int offset, int length, String name, Limits limits) {
        Vp8lHeader header = Vp8lHeader.read(data, offset, length, name);
        limits.checkPixels(name, header.width(), header.height());
        return stream(data, offset + Vp8lHeader.BYTES, length - Vp8lHeader.BYTES, header.width(), header.height(), name);
    }

    /**
     * Decodes a headerless VP8L image stream of {@code width x height} (the ALPH chunk's
     * compression method 1: the alpha values are the green bytes).
     */
    public static ArgbRowReader imageStream(byte[] data, int offset, int length, int width, int height, String name, Limits limits) {
        limits.checkPixels(name, width, height);
        return stream(data, offset, length, width, height, name);
    }

    /**
     * A sequential image of a {@code VP8L} payload: RGBA U8, or RGB U8 when the header's
     * alpha_is_used bit is clear (as libwebp reports such a file: without alpha).
     * {@code data} must not change afterwards.
     */
    public static Image image(byte[] data, int offset, int length, String name, Limits limits, Metadata metadata) {
        Vp8lHeader header = Vp8lHeader.read(data, offset, length, name);
        limits.checkPixels(name, header.width(), header.height());
        // Read the preamble once now, so a damaged one fails at open, not in a worker.
        stream(data, offset + Vp8lHeader.BYTES, length - Vp8lHeader.BYTES, header.width(), header.height(), name);
        boolean alpha = header.alphaUsed();
        return LineCache.image(() -> new Vp8lRowDecoder(rows(data, offset, length, name, limits), alpha),
                header.width(), header.height(), Interpretation.RGB, alpha, BandFormat.U8, metadata, name, limits);
    }

    private static ArgbRowReader stream(byte[] data, int offset, int length, int width, int height, String name) {
        if (length < 0 || offset < 0 || offset + length > data.length) {
            throw truncated(name);
        }
        LosslessBitReader in = new LosslessBitReader(data, offset, length);
        return new ArgbRowReader(new ImageStreamDecoder(in, width, height, name));
    }

    static LaminaException truncated(String name) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the lossless WebP data is truncated");
    }

    static LaminaException corrupt(String name, String what) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": corrupt lossless WebP data: " + what);
    }
}
