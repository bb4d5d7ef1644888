package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.IoReasons;
import dev.lamina.core.LineCache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Lamina's PNG decoder, on {@code java.util.zip} alone.
 *
 * <p><b>Call order.</b> {@code open} reads the signature, IHDR and the chunks before the first IDAT,
 * checks the pixel limit from IHDR, that the bytes left in the file could inflate to the image
 * data IHDR implies (deflate expands at most 1032 to 1, so a header of a few hundred bytes that
 * claims gigabytes fails here), and the memory the decoder will hold against the memory budget,
 * all before any pixel memory is allocated, and returns the image without decoding a pixel. Pixels are decoded when a sink pulls them; errors found then (damaged
 * image data, truncation) surface from the pull as {@link LaminaException}s naming the input.
 *
 * <p><b>Memory.</b> A non-interlaced PNG is a sequential image: a {@link LineCache} over a
 * forward-only row decoder that streams the file (64 KiB buffer) through an inflater and keeps
 * three rows of file bytes (filtered, current, previous), so memory does not depend on the height;
 * short rows are inflated a buffer at a time, so a tall narrow image does not cost a call into the
 * inflater per row.
 * Reading the image again reopens the file (or the byte array) and decodes forward once more.
 * An Adam7-interlaced PNG is held in memory: it is decoded whole on first use and served from there
 * as a {@link dev.lamina.core.MemorySource}, as libvips does, because interlacing spreads its rows
 * over seven passes through the file, so they cannot be streamed in order; that whole image is
 * checked against the memory budget when the file is opened. Errors name the file as its path was
 * given.
 *
 * <p><b>Output.</b> Grey (depths 1, 2, 4 scaled exactly to 0..255 as v*255/(2^d-1)), grey+alpha,
 * RGB and RGBA as U8, or U16 for depth 16; palette images are expanded to RGB, or RGBA when tRNS is
 * present; a tRNS colour key on grey or RGB adds an alpha band (0 where the pixel equals the key at
 * the file's depth, opaque elsewhere).
 *
 * <p><b>Metadata.</b> iCCP (decompressed, with its name), gAMA, sRGB, pHYs, tEXt, zTXt and iTXt
 * from the chunks before the first IDAT go into {@link dev.lamina.model.Metadata}. Chunks after the image
 * data are checked (CRC, order) but their metadata is not read: text placed after IDAT is ignored.
 *
 * <p><b>Strictness.</b> Every chunk's CRC is checked, ancillary chunks included, and malformed
 * content in the metadata chunks Lamina reads is an error too: a file damaged anywhere is refused,
 * not decoded in part. Also refused: a missing or misplaced IHDR, an invalid IHDR, PLTE after the
 * image data or missing for a palette image or larger than the depth allows, a tRNS of the wrong
 * size, IDAT chunks that are not consecutive, unknown critical chunks, too little image data, corrupt
 * zlib data, a bad filter type byte, compressed data beyond the last row, and any bytes after IEND.
 * Unknown ancillary chunks are skipped.
 */
public final class PngDecoder {

    private PngDecoder() {
    }

    /** Opens a PNG file; errors name the file as the path was given. */
    public static Image open(Path file, Limits limits) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw readError(name, e);
        }
        limits.checkFileBytes(name, size);
        PngInfo info;
        try (PngChunkReader chunks = new PngChunkReader(openFile(file, 0, name), name)) {
            info = PngInfoReader.read(chunks, limits);
        }
        return image(info, name, size, limits, () -> new PngChunkReader(openFile(file, info.idatOffset(), name), name));
    }

    /** Opens a PNG held in memory; {@code name} names it in errors. The array must not change afterwards. */
    public static Image open(byte[] data, String name, Limits limits) {
        limits.checkFileBytes(name, data.length);
        PngInfo info = PngInfoReader.read(new PngChunkReader(PngStream.of(data, 0), name), limits);
        return image(info, name, data.length, limits, () -> new PngChunkReader(PngStream.of(data, info.idatOffset()), name));
    }

    /**
     * Opens a PNG from a stream, which is read to its end into memory (at most
     * {@code limits.maxFileBytes()} bytes) and not closed.
     */
    public static Image open(InputStream in, String name, Limits limits) {
        int cap = (int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 16);
        byte[] data;
        try {
            data = in.readNBytes(cap);
            if (in.read() >= 0) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": the stream is larger than the file size limit of "
                        + cap + " bytes");
            }
        } catch (IOException e) {
            throw readError(name, e);
        }
        return open(data, name, limits);
    }

    /** Whether {@code firstBytes} start with the PNG signature (8 bytes needed). */
    public static boolean isPng(byte[] firstBytes) {
        return PngChunkReader.isSignature(firstBytes);
    }

    /**
     * Deflate's densest code: a match of 258 bytes in two 1-bit codes, so one compressed byte
     * inflates to at most 1032 bytes (and the first byte of a run is a literal).
     */
    static final long MAX_INFLATE_RATIO = 1032;

    /**
     * The image, once three things are known to fit: rows that Java arrays can hold; image data
     * that the file's remaining {@code size - idatOffset} bytes could hold at deflate's densest, so
     * a header that claims far more than the file carries fails here, before anything is allocated
     * or inflated; and the memory the decoder will hold (three rows of file bytes and a converted
     * row, or the whole image when interlaced) within the memory budget.
     */
    private static Image image(PngInfo info, String name, long size, Limits limits, Supplier<PngChunkReader> opener) {
        PngHeader h = info.header();
        int bands = info.bands();
        long rowBytes = h.rowBytes(h.width());
        // Rows (raw and converted) live in Java arrays: refuse widths whose one row cannot.
        if (rowBytes > Integer.MAX_VALUE - 16 || (long) h.width() * bands > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": rows of " + h.width()
                    + " pixels are too long to decode (more than a Java array holds)");
        }
        long inflated = h.interlaced() ? interlacedBytes(h) : Limits.product(h.height(), rowBytes + 1);
        long available = Math.max(0, size - info.idatOffset());
        long most = Limits.product(available, MAX_INFLATE_RATIO) + 258;
        if (inflated > most) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the file is too short for a "
                    + h.width() + "x" + h.height() + " image: its " + available + " bytes from the first IDAT on"
                    + " inflate to at most " + most + " bytes, and the image data needs " + inflated
                    + " (the file is truncated or its IHDR is wrong)");
        }
        long converted = Limits.product(h.width(), bands, h.format().bytes);
        limits.checkMemory(name, Limits.product(3, rowBytes + 1) + converted, "decoding rows of " + h.width() + " pixels");
        if (h.interlaced()) {
            Image image = PngInterlacedSource.image(info, opener, name);
            image.checkWhole(limits, name, "decoding the " + h.width() + "x" + h.height()
                    + " interlaced image whole (Adam7 rows cannot be streamed)");
            return image;
        }
        return LineCache.image(() -> new PngRowDecoder(info, opener.get()), h.width(), h.height(),
                h.interpretation(), info.hasAlpha(), h.format(), info.metadata(), name, limits);
    }

    /** Bytes of the seven Adam7 passes once inflated: each pass's rows with their filter type bytes. */
    private static long interlacedBytes(PngHeader h) {
        long total = 0;
        for (int p = 0; p < 7; p++) {
            long pw = PngInterlacedSource.passWidth(h.width(), p);
            long ph = PngInterlacedSource.passHeight(h.height(), p);
            if (pw > 0 && ph > 0) {
                total = Math.addExact(total, Limits.product(ph, h.rowBytes(pw) + 1));
            }
        }
        return total;
    }

    private static PngStream openFile(Path file, long start, String name) {
        try {
            return PngStream.open(file, start);
        } catch (IOException e) {
            throw readError(name, e);
        }
    }

    private static LaminaException readError(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new LaminaException(LaminaException.Kind.IO, name + ": no such file", e);
        }
        return new LaminaException(LaminaException.Kind.IO, name + ": cannot read: " + IoReasons.of(e), e);
    }
}
