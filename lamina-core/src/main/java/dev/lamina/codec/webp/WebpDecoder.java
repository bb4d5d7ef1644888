package dev.lamina.codec.webp;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.BandFormat;
import dev.lamina.core.CorruptDataGuard;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.IoReasons;
import dev.lamina.core.LineCache;
import dev.lamina.core.RowDecoder;
import dev.lamina.codec.webp.lossless.Vp8lDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Lamina's WebP decoder, pure Java: lossy (VP8, with or without an ALPH alpha chunk), lossless
 * (VP8L), the extended format (VP8X) with ICC, EXIF and XMP metadata, and the first frame of an
 * animation composited on its canvas as libwebp's animation decoder gives it (the other frames are
 * counted: {@code Metadata.pages}). Samples equal {@code dwebp}'s (for an animation, those of the
 * first frame, placed on a transparent canvas).
 *
 * <p>The result is a sequential U8 image (RGB, or RGBA when the file has alpha; an animation's
 * canvas is always RGBA) on a {@link LineCache}. The file is held in memory (within the file size
 * limit and the memory budget); opening parses the container and the image's headers, so a damaged
 * header fails at open; pixels are decoded a macroblock row (lossy) or a row (lossless) at a time
 * when a sink pulls them, so memory beyond the file is a few rows of the width.
 */
public final class WebpDecoder {
    private WebpDecoder() {
    }

    /** True when the bytes start with {@code RIFF....WEBP}. */
    public static boolean isWebp(byte[] head) {
        return WebpContainer.isWebp(head);
    }

    /** Opens a WebP file; pixels are decoded when a sink asks for them. */
    public static Image open(Path file, Limits limits) {
        String name = file.toString();
        return open(read(file, name, limits), name, limits);
    }

    /** Opens a WebP file held in memory; {@code name} names it in errors; {@code data} must not change afterwards. */
    public static Image open(byte[] data, String name, Limits limits) {
        limits.checkFileBytes(name, data.length);
        WebpContainer c = CorruptDataGuard.run(name, "WebP", () -> WebpContainer.parse(data, name, limits));
        if (c.lossless && !c.animated) {
            return CorruptDataGuard.run(name, "WebP", () -> Vp8lDecoder.image(data, c.imageOffset, c.imageLength, name, limits, c.metadata));
        }
        // Read the frame's headers now, so that a damaged one fails at open.
        CorruptDataGuard.run(name, "WebP", () -> WebpFrameRows.open(data, c, limits)).close();
        Supplier<RowDecoder> opener = () -> CorruptDataGuard.run(name, "WebP",
                () -> CorruptDataGuard.rows(name, "WebP", WebpFrameRows.open(data, c, limits)));
        return LineCache.image(opener, c.canvasWidth, c.canvasHeight, Interpretation.RGB, c.hasAlpha, BandFormat.U8,
                c.metadata, name, limits);
    }

    /** What {@code lamina info} says about the coding: "lossy", "lossless", with alpha, animated and frames. */
    public static String describe(byte[] data, String name, Limits limits) {
        WebpContainer c = WebpContainer.parse(data, name, limits);
        String coding;
        if (c.lossless) {
            coding = "lossless (VP8L)" + (c.hasAlpha && !c.animated ? " with alpha" : "");
        } else if (c.alphaOffset >= 0) {
            coding = "lossy (VP8) with alpha (ALPH, " + ((data[c.alphaOffset] & 3) == 0 ? "raw" : "lossless") + ")";
        } else {
            coding = "lossy (VP8)";
        }
        if (c.animated) {
            return "animated, " + c.frameCount + " frame" + (c.frameCount == 1 ? "" : "s") + ", the first " + coding;
        }
        return coding + (c.extended ? ", extended (VP8X)" : "");
    }

    private static byte[] read(Path file, String name, Limits limits) {
        try {
            long size = Files.size(file);
            limits.checkFileBytes(name, size);
            limits.checkMemory(name, size, "holding the WebP file in memory");
            byte[] data = Files.readAllBytes(file);
            limits.checkFileBytes(name, data.length);
            return data;
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot read: " + IoReasons.of(e), e);
        }
    }
}
