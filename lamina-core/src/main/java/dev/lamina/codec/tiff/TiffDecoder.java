package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.LineCache;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Lamina's TIFF decoder, pure Java: classic TIFF and BigTIFF in either byte order; strips and
 * tiles; no compression, PackBits, LZW, Deflate (with the horizontal predictor, and the
 * floating-point predictor for 32-bit floats) and JPEG (compression 7, through Lamina's JPEG
 * decoder); 1, 2, 4, 8 and 16-bit integer and 32-bit float samples; grey (min-is-black and
 * min-is-white), grey+alpha, RGB, RGBA (associated alpha made straight), palette, CMYK (to RGB, no
 * profile); chunky or planar; any page of a multi-page file. What is read is in
 * {@link SampleConverter} and docs/tiff.md.
 *
 * <p><b>Call order.</b> {@code open} reads the header, walks the chain of directories (counting the
 * pages), reads the chosen page's directory and checks it (pixel limit, supported layout, strip or
 * tile counts, sizes of the tags' values against the file) before any pixel memory is allocated.
 * Pixels are read when a sink pulls them; damage found then (truncated strips, corrupt compressed
 * data) surfaces from the pull as a {@link LaminaException} naming the file and the block.
 *
 * <p><b>Memory.</b> A striped page is a sequential image: a {@link LineCache} over a forward row
 * decoder that reads each strip a row at a time (a few rows and a 64 KiB read buffer per plane,
 * whatever the strips' size). A tiled page is a random-access image whose requests decode only the
 * tiles they touch, through a per-run cache of a few rows of tiles ({@link TiffTiles}). Metadata:
 * the ICC profile (tag 34675), resolution (as density), orientation (applied above the codecs by
 * {@code dev.lamina.codec.Decoders}) and the number of pages.
 *
 * <p>Each entry point is a self-contained function of its bytes (no global state), so a fuzz
 * target is {@code open(bytes, "fuzz", limits, 0, true)} followed by pulling every pixel.
 */
public final class TiffDecoder {
    private TiffDecoder() {
    }

    /** Whether the bytes start with a TIFF or BigTIFF header (4 bytes needed). */
    public static boolean isTiff(byte[] head) {
        if (head == null || head.length < 4) {
            return false;
        }
        return head[0] == 'I' && head[1] == 'I' && (head[2] == 42 || head[2] == 43) && head[3] == 0
                || head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43);
    }

    /** Opens page {@code page} (from 0) of a TIFF file; pixels are read when a sink asks. */
    public static Image open(Path file, Limits limits, int page, boolean failOnError) {
        String name = String.valueOf(file);
        TiffPage p;
        try (TiffInput in = TiffInput.open(file, name)) {
            if (in.size() > limits.maxFileBytes()) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + in.size() + " bytes is over the limit of "
                        + limits.maxFileBytes() + " bytes");
            }
            p = TiffPage.read(in, page, limits);
        }
        return image(p, () -> TiffInput.open(file, name), limits, failOnError);
    }

    /** Opens page {@code page} of a TIFF held in memory; {@code name} names it in errors. The array must not change afterwards. */
    public static Image open(byte[] data, String name, Limits limits, int page, boolean failOnError) {
        if (data.length > limits.maxFileBytes()) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + data.length + " bytes is over the limit of "
                    + limits.maxFileBytes() + " bytes");
        }
        TiffPage p = TiffPage.read(TiffInput.of(data, name), page, limits);
        return image(p, () -> TiffInput.of(data, name), limits, failOnError);
    }

    private static Image image(TiffPage page, Supplier<TiffInput> opener, Limits limits, boolean failOnError) {
        if (page.tiled) {
            return new Image(page.width, page.height, page.interpretation, page.alpha != TiffPage.Alpha.NONE, page.format,
                    false, page.metadata, new TiffTiles(page, opener, failOnError, limits));
        }
        return LineCache.image(() -> new TiffStripDecoder(page, opener.get(), failOnError, limits), page.width, page.height,
                page.interpretation, page.alpha != TiffPage.Alpha.NONE, page.format, page.metadata, page.name, limits);
    }
}
