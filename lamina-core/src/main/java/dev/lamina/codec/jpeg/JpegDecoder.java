package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.BandFormat;
import dev.lamina.core.CorruptDataGuard;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.IoReasons;
import dev.lamina.core.LineCache;
import dev.lamina.core.RowDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Lamina's JPEG decoder, pure Java: baseline, extended sequential and progressive Huffman JPEG,
 * 8-bit, grey, YCbCr, RGB, CMYK and YCCK, any sampling with integral factors, restart markers,
 * ICC profiles, EXIF (the raw block and its orientation) and JFIF density. Grey and YCbCr files decode to exactly the
 * samples of libjpeg 6b (the JDK's ImageIO): same islow IDCT, same fancy upsampling, same colour
 * tables. Scale 2, 4 or 8 decodes in the DCT domain with libjpeg's reduced IDCTs.
 *
 * <p>The result is a sequential U8 image (GREY or RGB; CMYK is converted to RGB, see
 * {@link ColourConvert}) built on a {@link LineCache}: building it reads only the headers. The
 * compressed bytes are held in memory (within the file size limit and the memory budget); the
 * pixels never are, for baseline files. A progressive or multi-scan file is decoded into
 * whole-image coefficient arrays, checked against the memory budget when the first scan is met,
 * before anything is allocated. Huffman tables are validated as libjpeg validates them, and a
 * malformed file is reported as corrupt data naming the file and the offset; a run's deadline is
 * looked at within the whole-image decode too.
 */
public final class JpegDecoder {

    private JpegDecoder() {
    }

    /** True when the bytes start with a JPEG SOI marker followed by another marker. */
    public static boolean isJpeg(byte[] firstBytes) {
        return firstBytes != null && firstBytes.length >= 3 && (firstBytes[0] & 0xFF) == 0xFF
                && (firstBytes[1] & 0xFF) == 0xD8 && (firstBytes[2] & 0xFF) == 0xFF;
    }

    /** Opens a JPEG file; pixels are decoded when a sink asks for them. */
    public static Image open(Path file, Limits limits, JpegDecodeOptions options) {
        String name = file.toString();
        byte[] data = read(file, name, limits);
        AtomicReference<byte[]> first = new AtomicReference<>(data);
        // The first decode uses the bytes read for the header; a re-open (rows asked again) reads again.
        return open(data, name, limits, options, () -> {
            byte[] d = first.getAndSet(null);
            return d != null ? d : read(file, name, limits);
        });
    }

    /** Opens a JPEG held in memory; {@code name} names it in errors. */
    public static Image open(byte[] data, String name, Limits limits, JpegDecodeOptions options) {
        limits.checkFileBytes(name, data.length);
        return open(data, name, limits, options, () -> data);
    }

    private static Image open(byte[] data, String name, Limits limits, JpegDecodeOptions options,
                              Supplier<byte[]> bytes) {
        JpegDecodeOptions opt = options == null ? JpegDecodeOptions.defaults() : options;
        JpegFrame frame = CorruptDataGuard.run(name, "JPEG", () -> JpegFrame.parse(data, name, limits));
        int denom = opt.scale();
        int w = JpegFrame.ceilDiv(frame.width, denom);
        int h = JpegFrame.ceilDiv(frame.height, denom);
        Interpretation interp = frame.components.length == 1 ? Interpretation.GREY : Interpretation.RGB;
        Supplier<RowDecoder> opener = () -> CorruptDataGuard.run(name, "JPEG", () -> CorruptDataGuard.rows(name, "JPEG",
                new JpegRowDecoder(JpegFrame.parse(bytes.get(), name, limits), denom, opt.failOnError(),
                        opt.warnings(), false, false, opt.eighthChromaDcOnly())));
        return LineCache.image(opener, w, h, interp, false, BandFormat.U8, frame.metadata, name, limits);
    }

    /**
     * Decodes a 4-component file to CMYK (YCCK converted) or, with {@code raw}, to its components
     * as stored, 4 bands per pixel: for tests.
     */
    static byte[] decodeCmyk(byte[] data, String name, boolean raw) {
        JpegFrame frame = JpegFrame.parse(data, name, Limits.defaults());
        JpegRowDecoder d = new JpegRowDecoder(frame, 1, true, w -> { }, true, raw);
        byte[] out = new byte[frame.width * frame.height * 4];
        for (int y = 0; y < frame.height; y++) {
            d.decodeRow(out, y * frame.width * 4, y);
        }
        return out;
    }

    /** The file's bytes, which the decoder holds in memory: within the file size limit and the memory budget. */
    private static byte[] read(Path file, String name, Limits limits) {
        try {
            long size = Files.size(file);
            limits.checkFileBytes(name, size);
            limits.checkMemory(name, size, "holding the compressed JPEG in memory");
            byte[] data = Files.readAllBytes(file);
            limits.checkFileBytes(name, data.length);   // it may have grown since
            return data;
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot read: " + IoReasons.of(e), e);
        }
    }
}
