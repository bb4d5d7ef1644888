package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import dev.lamina.model.PngFilter;
import dev.lamina.model.PngOptions;
import dev.lamina.codec.metadata.ExifBlock;
import dev.lamina.codec.metadata.XmpPacket;
import dev.lamina.codec.deflate.ByteSink;
import dev.lamina.codec.deflate.DeflateCompressor;
import dev.lamina.codec.deflate.Zlib;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;
import dev.lamina.core.StripSink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Writes an image as PNG, pulling it strip by strip: memory is a few strips, never the image.
 *
 * <p>Compression is spread over the worker pool the way pigz does it: the filtered byte stream is
 * cut into chunks of a fixed number of rows (a function of the row size only), each chunk is
 * deflated on its own worker with the previous 32 KiB of filtered bytes as its dictionary, and
 * the raw deflate streams are joined with sync flushes into one zlib stream; the Adler-32 of the
 * whole is combined from the chunks'. Because chunk boundaries and dictionaries never depend on the
 * number of threads, the file is byte-for-byte the same on 1 or 64 cores.
 *
 * <p>The deflate coder is Lamina's own ({@link DeflateCompressor}), tuned for filtered rows. The
 * compression level picks its effort; the scale is Lamina's, not zlib's (see
 * {@link Zlib#effortForLevel(int)} and docs/decisions.md): at the default level 6 it writes files about
 * 10% larger than zlib's level 6 at about fifteen times its speed.
 *
 * <p>A worker needs the dictionary rows of the chunk above, so it asks for a few rows more than
 * its chunk (as many as hold 32 KiB, plus one for the up-filter) and filters them again: a few
 * per cent of filtering work buys chunks that compress almost as well as one serial stream.
 */
public final class PngEncoder {
    /** Target size of one compressed chunk's input. Large enough that the re-filtered dictionary rows are cheap. */
    private static final int CHUNK_BYTES = 512 * 1024;
    private static final int WINDOW = 32 * 1024;

    private PngEncoder() {
    }

    /** Writes {@code image} to {@code out} (which is not closed). */
    public static void write(Image image, OutputStream out, PngOptions options) throws IOException {
        write(image, out, options, "output");
    }

    /** Writes {@code image} to {@code out} (which is not closed); {@code name} names the output in errors. */
    public static void write(Image image, OutputStream out, PngOptions options, String name) throws IOException {
        int depth = options.bitDepth() != 0 ? options.bitDepth() : image.format == BandFormat.U8 ? 8 : 16;
        int bands = image.bands;
        int bytesPerSample = depth / 8;
        long rowLength = (long) image.width * bands * bytesPerSample;
        if (rowLength > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": rows of " + image.width
                    + " pixels are too long to encode (more than a Java array holds)");
        }
        int rowBytes = (int) rowLength;
        int filteredRow = rowBytes + 1;
        int dictRows = (WINDOW + filteredRow - 1) / filteredRow;
        int chunkRows = Math.max(1, Math.min(image.height, CHUNK_BYTES / filteredRow));
        int effort = Zlib.effortForLevel(options.compression());

        PngChunkWriter chunks = new PngChunkWriter(out);
        chunks.signature();
        chunks.chunk("IHDR", header(image, depth));
        writeMetadata(chunks, image.metadata, image.width, image.height);

        long[] adler = {1};
        boolean[] first = {true};
        ConcurrentLinkedQueue<ByteSink> spareOutput = new ConcurrentLinkedQueue<>();
        try {
            StripSink.run(image, chunkRows, dictRows + 1, (strip, y0) -> compressChunk(strip, y0,
                    RowBytes.of(strip, depth), dictRows, filteredRow,
                    Scratch.get().filter(Math.max(1, bands * bytesPerSample), rowBytes, options.filter()),
                    effort, strip.rect().bottom() == image.height, spareOutput), chunk -> {
                try {
                    byte[] head = null;
                    if (first[0]) {
                        first[0] = false;
                        head = Zlib.header(effort);
                    }
                    adler[0] = adlerCombine(adler[0], chunk.adler, chunk.inputLength);
                    byte[] tail = chunk.last ? bigEndian((int) adler[0]) : null;
                    chunks.chunk("IDAT", head, chunk.deflated.array(), chunk.deflated.length(), tail);
                    spareOutput.add(chunk.deflated);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        chunks.chunk("IEND", new byte[0]);
    }

    /** One deflated chunk and what the zlib trailer needs to know of its input. */
    private record Chunk(ByteSink deflated, long adler, long inputLength, boolean last) {
    }

    /**
     * Filters rows [y0 - dictRows, bottom) of the strip (the row above y0 - dictRows, when the
     * strip has it, only serves as the up row), and deflates rows [y0, bottom) with the filtered
     * dictionary rows as history.
     */
    private static Chunk compressChunk(Region strip, int y0, RowBytes rows, int dictRows, int filteredRow,
                                       PngRowFilter filter, int effort, boolean last,
                                       ConcurrentLinkedQueue<ByteSink> spareOutput) {
        int bottom = strip.rect().bottom();
        int firstFiltered = Math.max(0, y0 - dictRows);
        byte[] filtered = Scratch.get().filtered((bottom - firstFiltered) * filteredRow);
        byte[] prev = null;
        int prevOff = 0;
        for (int y = Math.max(0, firstFiltered - 1); y < bottom; y++) {
            rows.load(y);
            if (y >= firstFiltered) {
                filter.filter(rows.array(), rows.offset(), prev, prevOff,
                        filtered, (y - firstFiltered) * filteredRow);
            }
            prev = rows.array();
            prevOff = rows.offset();
        }
        int dataOff = (y0 - firstFiltered) * filteredRow;
        int dataLen = (bottom - y0) * filteredRow;

        Adler32 a = new Adler32();
        a.update(filtered, dataOff, dataLen);

        ByteSink out = spareOutput.poll();
        if (out == null) {
            out = new ByteSink(dataLen / 2 + 1024);
        }
        out.reset();
        int dictLen = Math.min(WINDOW, dataOff);
        Scratch.get().compressor(effort).compress(filtered, dataOff - dictLen, dictLen, filtered, dataOff, dataLen,
                last, out);
        return new Chunk(out, a.getValue(), dataLen, last);
    }

    /**
     * What a worker thread keeps between chunks, so that encoding allocates almost nothing in
     * steady state: the filtered-bytes buffer, the row filter's trial rows, and a compressor per
     * effort (each holds hash tables worth keeping).
     */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);
        private final DeflateCompressor[] compressors = new DeflateCompressor[DeflateCompressor.MAX_EFFORT + 1];
        private byte[] filtered = new byte[0];
        private PngRowFilter filter;

        static Scratch get() {
            return PER_THREAD.get();
        }

        byte[] filtered(int size) {
            if (filtered.length < size) {
                filtered = new byte[size];
            }
            return filtered;
        }

        DeflateCompressor compressor(int effort) {
            if (compressors[effort] == null) {
                compressors[effort] = new DeflateCompressor(effort);
            }
            return compressors[effort];
        }

        PngRowFilter filter(int bytesPerPixel, int rowBytes, PngFilter mode) {
            if (filter == null || !filter.fits(bytesPerPixel, rowBytes, mode)) {
                filter = new PngRowFilter(bytesPerPixel, rowBytes, mode);
            }
            return filter;
        }
    }

    /** Adler-32 of two pieces from theirs (zlib's adler32_combine). */
    static long adlerCombine(long adler1, long adler2, long len2) {
        final long base = 65521;
        long rem = len2 % base;
        long sum1 = adler1 & 0xFFFF;
        long sum2 = (rem * sum1) % base;
        sum1 += (adler2 & 0xFFFF) + base - 1;
        sum2 += ((adler1 >>> 16) & 0xFFFF) + ((adler2 >>> 16) & 0xFFFF) + base - rem;
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum2 >= (base << 1)) {
            sum2 -= (base << 1);
        }
        if (sum2 >= base) {
            sum2 -= base;
        }
        return sum1 | (sum2 << 16);
    }

    private static byte[] bigEndian(int v) {
        return new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] header(Image image, int depth) {
        int colourType = switch (image.interpretation) {
            case GREY -> image.hasAlpha ? 4 : 0;
            case RGB -> image.hasAlpha ? 6 : 2;
        };
        byte[] h = new byte[13];
        putInt(h, 0, image.width);
        putInt(h, 4, image.height);
        h[8] = (byte) depth;
        h[9] = (byte) colourType;
        // compression 0, filter method 0, no interlace: bytes 10..12 stay zero
        return h;
    }

    private static void putInt(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }

    /**
     * gAMA, iCCP or sRGB (never both, as the spec asks), pHYs, eXIf, XMP (iTXt) and text, all before the first
     * IDAT (the third edition requires eXIf there; browsers ignore a later one). eXIf gets the
     * image's orientation as JPEG's APP1 does ({@link ExifBlock#forWriting}), so a JPEG turned
     * upright and saved as PNG says 1.
     */
    private static void writeMetadata(PngChunkWriter chunks, Metadata m, int width, int height) throws IOException {
        if (m.gamma() > 0) {
            byte[] g = new byte[4];
            putInt(g, 0, m.gamma());
            chunks.chunk("gAMA", g);
        }
        if (m.iccProfile() != null) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            String name = m.iccName() == null || m.iccName().isEmpty() ? "ICC profile" : m.iccName();
            b.write(latin1Keyword(name));
            b.write(0);
            b.write(0);   // compression method: zlib
            b.write(zlib(m.iccProfile()));
            chunks.chunk("iCCP", b.toByteArray());
        } else if (m.srgbIntent() >= 0) {
            chunks.chunk("sRGB", new byte[]{(byte) m.srgbIntent()});
        }
        if (m.density() != null) {
            byte[] p = new byte[9];
            putInt(p, 0, (int) m.density().pixelsPerUnitX());
            putInt(p, 4, (int) m.density().pixelsPerUnitY());
            p[8] = (byte) (m.density().metre() ? 1 : 0);
            chunks.chunk("pHYs", p);
        }
        byte[] exif = ExifBlock.forWriting(m, Integer.MAX_VALUE - 12, width, height);
        if (exif != null) {
            chunks.chunk("eXIf", exif);
        }
        byte[] xmp = XmpPacket.forWriting(m);
        if (xmp != null) {
            // iTXt: keyword, no compression (flag and method 0), no language, no translated keyword
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(XmpPacket.PNG_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
            b.write(new byte[5]);
            b.write(xmp);
            chunks.chunk("iTXt", b.toByteArray());
        }
        CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();
        for (Metadata.Text t : m.texts()) {
            if (xmp != null && t.keyword().equals(XmpPacket.PNG_KEYWORD)) {
                continue;   // one packet only: Metadata.xmp() is it
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(latin1Keyword(t.keyword()));
            b.write(0);
            boolean international = t.international() || !latin1.canEncode(t.text());
            if (international) {
                b.write(t.compressed() ? 1 : 0);
                b.write(0);
                b.write(t.language() == null ? new byte[0] : t.language().getBytes(StandardCharsets.US_ASCII));
                b.write(0);
                b.write(0);   // no translated keyword
                byte[] utf8 = t.text().getBytes(StandardCharsets.UTF_8);
                b.write(t.compressed() ? zlib(utf8) : utf8);
                chunks.chunk("iTXt", b.toByteArray());
            } else if (t.compressed()) {
                b.write(0);
                b.write(zlib(t.text().getBytes(StandardCharsets.ISO_8859_1)));
                chunks.chunk("zTXt", b.toByteArray());
            } else {
                b.write(t.text().getBytes(StandardCharsets.ISO_8859_1));
                chunks.chunk("tEXt", b.toByteArray());
            }
        }
    }

    /** A keyword as PNG allows it: 1-79 Latin-1 characters. */
    private static byte[] latin1Keyword(String k) {
        String s = k.length() > 79 ? k.substring(0, 79) : k;
        if (s.isEmpty()) {
            s = "Comment";
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zlib(byte[] data) {
        Deflater d = new Deflater(9);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                b.write(buf, 0, d.deflate(buf));
            }
            return b.toByteArray();
        } finally {
            d.end();
        }
    }

    /**
     * The unfiltered bytes of one row at the file's bit depth. 8-bit rows of a U8 strip are read in
     * place; other layouts are converted into one of two scratch rows (big-endian for 16 bits),
     * alternating so that the previous row stays valid as the filter's "up" row.
     */
    private abstract static class RowBytes {
        final Region strip;
        byte[] array;
        int offset;

        RowBytes(Region strip) {
            this.strip = strip;
        }

        static RowBytes of(Region strip, int depth) {
            if (depth == 8 && strip.format == BandFormat.U8) {
                return new InPlace(strip);
            }
            return new Converted(strip, depth);
        }

        /** Makes {@link #array()} and {@link #offset()} point at row {@code y}. */
        abstract void load(int y);

        final byte[] array() {
            return array;
        }

        final int offset() {
            return offset;
        }
    }

    private static final class InPlace extends RowBytes {
        InPlace(Region strip) {
            super(strip);
            array = strip.u8();
        }

        @Override
        void load(int y) {
            offset = strip.index(0, y);
        }
    }

    private static final class Converted extends RowBytes {
        private final int samples;
        private final int depth;
        private final byte[][] scratch;

        Converted(Region strip, int depth) {
            super(strip);
            this.samples = strip.rect().width() * strip.bands;
            this.depth = depth;
            this.scratch = new byte[2][samples * depth / 8];
        }

        @Override
        void load(int y) {
            int i = strip.index(0, y);
            byte[] out = scratch[y & 1];
            array = out;
            if (depth == 16) {
                switch (strip.format) {
                    case U8 -> {
                        byte[] a = strip.u8();
                        for (int k = 0; k < samples; k++) {
                            byte v = a[i + k];         // v * 257: the same byte twice
                            out[2 * k] = v;
                            out[2 * k + 1] = v;
                        }
                    }
                    case U16 -> {
                        short[] a = strip.u16();
                        for (int k = 0; k < samples; k++) {
                            short v = a[i + k];
                            out[2 * k] = (byte) (v >>> 8);
                            out[2 * k + 1] = (byte) v;
                        }
                    }
                    case F32 -> {
                        float[] a = strip.f32();
                        for (int k = 0; k < samples; k++) {
                            int v = Rounding.toU16(a[i + k]);
                            out[2 * k] = (byte) (v >>> 8);
                            out[2 * k + 1] = (byte) v;
                        }
                    }
                }
            } else {
                switch (strip.format) {
                    case U8 -> System.arraycopy(strip.u8(), i, out, 0, samples);
                    case U16 -> {
                        short[] a = strip.u16();
                        for (int k = 0; k < samples; k++) {
                            out[k] = (byte) Rounding.toU8((a[i + k] & 0xFFFF) / 65535.0);
                        }
                    }
                    case F32 -> {
                        float[] a = strip.f32();
                        for (int k = 0; k < samples; k++) {
                            out[k] = (byte) Rounding.toU8(a[i + k]);
                        }
                    }
                }
            }
        }
    }
}
