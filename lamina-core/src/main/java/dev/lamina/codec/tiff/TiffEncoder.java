package dev.lamina.codec.tiff;

import dev.lamina.model.Metadata;
import dev.lamina.model.TiffOptions;
import dev.lamina.codec.deflate.ByteSink;
import dev.lamina.codec.deflate.DeflateCompressor;
import dev.lamina.codec.deflate.Zlib;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;
import dev.lamina.core.StripSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Adler32;

/**
 * Writes an image as one-page TIFF (little-endian, chunky), pulling it strip by strip.
 *
 * <p><b>Layout, and why.</b> The file is: header, then the strips or tiles in order, then the
 * directory with its arrays (offsets, byte counts, ICC profile...). Offsets are only known once
 * every block is compressed, and the directory must hold them, so it goes last; the header's
 * pointer to it (bytes 4-7, or 8-15 in BigTIFF) is written as 0 first and set when the directory is
 * written, by one positional write. So the encoder writes to a file it can seek in: the pixels
 * stream through (memory: the strips in flight and their compressed bytes), nothing is buffered
 * whole. A plain {@link OutputStream} target gets the same file built in memory when it is at most
 * 64 MiB, in a temporary file beyond (disk, not memory, holds a big one; libtiff cannot write to a
 * stream at all and libvips' stream writer builds the whole file in memory), then copied.
 *
 * <p><b>Parallel and deterministic.</b> The image is cut into chunks of whole TIFF strips (or one
 * row of tiles) by {@link StripSink}; each chunk's blocks are converted, predicted and compressed on
 * a worker, each block on its own (LZW, or a zlib stream from Lamina's deflate coder), and the
 * calling thread writes them in order. A block's bytes depend only on its pixels, so the file is the
 * same at any number of workers.
 *
 * <p><b>BigTIFF</b> when asked, or when the file could pass 4 GB: decided before the first byte, from
 * the uncompressed size and the worst case of the compression (LZW can grow data by half).
 */
public final class TiffEncoder {
    /** Uncompressed bytes per strip, when the options do not say: large enough to compress well, small for readers that seek. */
    private static final int STRIP_BYTES = 128 * 1024;
    /** Bytes a worker's chunk of strips holds, about as PNG's. */
    private static final int CHUNK_BYTES = 512 * 1024;
    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;

    private TiffEncoder() {
    }

    /** Writes {@code image} to {@code file} (created or replaced). */
    public static void save(Image image, Path file, TiffOptions options) throws IOException {
        Layout l = new Layout(image, options);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            CountingStream out = new CountingStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
            long ifd = write(image, l, out);
            out.flush();
            byte[] pointer = new byte[l.bigTiff ? 8 : 4];
            Bytes.put(pointer, 0, pointer.length, ifd, true);
            ByteBuffer b = ByteBuffer.wrap(pointer);
            long at = l.bigTiff ? 8 : 4;
            while (b.hasRemaining()) {
                at += ch.write(b, at);
            }
        }
    }

    /**
     * Writes {@code image} to {@code out} (not closed). The file is built in memory up to
     * {@link #IN_MEMORY} bytes (the header's pointer is then set in the array), and beyond that in a
     * temporary file (see the class comment); either way it is then copied to {@code out}.
     */
    public static void write(Image image, OutputStream out, TiffOptions options) throws IOException {
        write(image, out, options, IN_MEMORY);
    }

    /** {@link #write(Image, OutputStream, TiffOptions)} moving to a temporary file past {@code inMemory} bytes. */
    static void write(Image image, OutputStream out, TiffOptions options, int inMemory) throws IOException {
        Layout l = new Layout(image, options);
        try (Spill spill = new Spill(inMemory)) {
            CountingStream counting = new CountingStream(spill);
            long ifd = write(image, l, counting);
            counting.flush();
            byte[] pointer = new byte[l.bigTiff ? 8 : 4];
            Bytes.put(pointer, 0, pointer.length, ifd, true);
            spill.patch(l.bigTiff ? 8 : 4, pointer);
            spill.copyTo(out);
        }
    }

    /** Most bytes a stream's file is built in memory before it moves to a temporary file. */
    static final int IN_MEMORY = 64 << 20;

    /** A byte array that moves to a temporary file when it passes its limit. */
    private static final class Spill extends OutputStream {
        private final int inMemory;
        private Buffer memory = new Buffer();
        private Path file;
        private OutputStream disk;

        Spill(int inMemory) {
            this.inMemory = inMemory;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (memory != null && memory.size() + (long) len > inMemory) {
                file = Files.createTempFile("lamina-", ".tif");
                disk = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                memory.writeTo(disk);
                memory = null;
            }
            if (memory != null) {
                memory.write(b, off, len);
            } else {
                disk.write(b, off, len);
            }
        }

        /** A byte array output stream whose bytes can be overwritten in place. */
        private static final class Buffer extends java.io.ByteArrayOutputStream {
            Buffer() {
                super(1 << 16);
            }

            void overwrite(int at, byte[] bytes) {
                System.arraycopy(bytes, 0, buf, at, bytes.length);
            }
        }

        /** Overwrites bytes written at {@code at} (the header's pointer to the directory). */
        void patch(long at, byte[] bytes) throws IOException {
            if (memory != null) {
                memory.overwrite((int) at, bytes);
                return;
            }
            disk.close();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    at += ch.write(b, at);
                }
            }
        }

        void copyTo(OutputStream out) throws IOException {
            if (memory != null) {
                memory.writeTo(out);
            } else {
                Files.copy(file, out);
            }
        }

        @Override
        public void close() throws IOException {
            if (disk != null) {
                disk.close();
                Files.deleteIfExists(file);
            }
        }
    }

    /** Whether a file of this image with these options is written as BigTIFF. */
    static boolean bigTiff(Image image, TiffOptions options) {
        return new Layout(image, options).bigTiff;
    }

    /** The sizes and codes that follow from the image and the options. */
    private static final class Layout {
        final int width;
        final int height;
        final int bands;
        final int bits;
        final boolean floats;
        final boolean tiled;
        final int blockWidth;
        final int blockHeight;
        final int blocksAcross;
        final int blocksDown;
        final int rowBytes;      // one row of one block as stored
        final int compression;
        final int predictor;
        final int effort;
        final boolean associated;
        final boolean bigTiff;

        Layout(Image image, TiffOptions o) {
            width = image.width;
            height = image.height;
            bands = image.bands;
            bits = o.bitDepth() != 0 ? o.bitDepth() : image.format == BandFormat.U8 ? 8 : image.format == BandFormat.U16 ? 16 : 32;
            floats = bits == 32;
            tiled = o.tiled();
            long pixelBytes = (long) bands * bits / 8;
            if (tiled) {
                blockWidth = o.tileWidth();
                blockHeight = o.tileHeight();
            } else {
                blockWidth = width;
                blockHeight = (int) Math.max(1, Math.min(height, STRIP_BYTES / Math.max(1, width * pixelBytes)));
            }
            blocksAcross = (width + blockWidth - 1) / blockWidth;
            blocksDown = (height + blockHeight - 1) / blockHeight;
            rowBytes = Math.toIntExact(blockWidth * pixelBytes);
            compression = switch (o.compression()) {
                case NONE -> TiffTag.NONE;
                case LZW -> TiffTag.LZW;
                case DEFLATE -> TiffTag.ADOBE_DEFLATE;
            };
            predictor = compression == TiffTag.NONE || !o.predictor() ? 1 : floats ? 3 : 2;
            effort = Zlib.effortForLevel(o.level());
            associated = o.premultiplied() && image.hasAlpha;
            long blocks = (long) blocksAcross * blocksDown;
            long stored = blocks * blockHeight * rowBytes;
            // The worst case each compression can reach: LZW 12 bits per byte, deflate stored blocks'
            // headers and the zlib wrapper; then the directory, its arrays and the ICC profile.
            long worst = switch (o.compression()) {
                case NONE -> stored;
                case LZW -> stored + stored / 2 + 8 * blocks;
                case DEFLATE -> stored + stored / 1000 + 32 * blocks;
            };
            byte[] icc = image.metadata.iccProfile();
            worst += 16 + 4096 + 16 * blocks + (icc == null ? 0 : icc.length);
            bigTiff = o.bigTiff() || worst > CLASSIC_LIMIT;
        }

        long blocks() {
            return (long) blocksAcross * blocksDown;
        }
    }

    /** Writes header and blocks; returns where the directory starts. */
    private static long write(Image image, Layout l, CountingStream out) throws IOException {
        if (l.bigTiff) {
            out.write(new byte[]{'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        } else {
            out.write(new byte[]{'I', 'I', 42, 0, 0, 0, 0, 0});
        }
        long blocks = l.blocks();
        if (blocks > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many blocks: " + blocks);
        }
        long[] offsets = new long[(int) blocks];
        long[] counts = new long[(int) blocks];
        int[] next = {0};
        int chunkRows = l.tiled ? l.blockHeight
                : l.blockHeight * Math.max(1, CHUNK_BYTES / Math.max(1, l.blockHeight * l.rowBytes));
        ConcurrentLinkedQueue<ByteSink> spare = new ConcurrentLinkedQueue<>();
        try {
            StripSink.run(image, Math.min(chunkRows, image.height), 0, (strip, y0) -> encodeChunk(strip, l, spare), encoded -> {
                try {
                    for (ByteSink block : encoded) {
                        offsets[next[0]] = out.position();
                        counts[next[0]] = block.length();
                        next[0]++;
                        out.write(block.array(), 0, block.length());
                        spare.add(block);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if ((out.position() & 1) != 0) {
            out.write(0);
        }
        long ifd = out.position();
        out.write(directory(image, l, offsets, counts).bytes(ifd));
        return ifd;
    }

    private static TiffDirectoryWriter directory(Image image, Layout l, long[] offsets, long[] counts) {
        TiffDirectoryWriter d = new TiffDirectoryWriter(l.bigTiff);
        d.longValue(TiffTag.IMAGE_WIDTH, l.width);
        d.longValue(TiffTag.IMAGE_LENGTH, l.height);
        int[] bps = new int[l.bands];
        java.util.Arrays.fill(bps, l.bits);
        d.shorts(TiffTag.BITS_PER_SAMPLE, bps);
        d.shorts(TiffTag.COMPRESSION, l.compression);
        d.shorts(TiffTag.PHOTOMETRIC, image.interpretation.colourBands == 1 ? 1 : 2);
        d.offsets(l.tiled ? TiffTag.TILE_OFFSETS : TiffTag.STRIP_OFFSETS, offsets);
        d.offsets(l.tiled ? TiffTag.TILE_BYTE_COUNTS : TiffTag.STRIP_BYTE_COUNTS, counts);
        Metadata m = image.metadata;
        if (m.orientation() != 1) {
            d.shorts(TiffTag.ORIENTATION, m.orientation());
        }
        d.shorts(TiffTag.SAMPLES_PER_PIXEL, l.bands);
        if (l.tiled) {
            d.longValue(TiffTag.TILE_WIDTH, l.blockWidth);
            d.longValue(TiffTag.TILE_LENGTH, l.blockHeight);
        } else {
            d.longValue(TiffTag.ROWS_PER_STRIP, l.blockHeight);
        }
        if (m.density() != null) {
            Metadata.Density dn = m.density();
            // pixels per metre as pixels per centimetre, exactly: a rational over 100
            long den = dn.metre() ? 100 : 1;
            d.rational(TiffTag.X_RESOLUTION, dn.pixelsPerUnitX(), den);
            d.rational(TiffTag.Y_RESOLUTION, dn.pixelsPerUnitY(), den);
            d.shorts(TiffTag.RESOLUTION_UNIT, dn.metre() ? 3 : 1);
        }
        d.shorts(TiffTag.PLANAR_CONFIGURATION, 1);
        if (l.predictor != 1) {
            d.shorts(TiffTag.PREDICTOR, l.predictor);
        }
        if (image.hasAlpha) {
            d.shorts(TiffTag.EXTRA_SAMPLES, l.associated ? 1 : 2);
        }
        int[] formats = new int[l.bands];
        java.util.Arrays.fill(formats, l.floats ? 3 : 1);
        d.shorts(TiffTag.SAMPLE_FORMAT, formats);
        if (m.iccProfile() != null) {
            d.undefined(TiffTag.ICC_PROFILE, m.iccProfile());
        }
        return d;
    }

    /** Converts, predicts and compresses the blocks of one chunk (whole strips, or one row of tiles), in file order. */
    private static List<ByteSink> encodeChunk(Region strip, Layout l, ConcurrentLinkedQueue<ByteSink> spare) {
        Scratch s = Scratch.get();
        int rowsInChunk = strip.rect().height();
        List<ByteSink> blocks = new ArrayList<>();
        int top = strip.rect().y();
        if (l.tiled) {
            byte[] tile = s.block(l.blockHeight * l.rowBytes);
            for (int bx = 0; bx < l.blocksAcross; bx++) {
                int x0 = bx * l.blockWidth;
                int n = Math.min(l.blockWidth, l.width - x0);
                // Edge tiles are padded with zeros, so their bytes depend on nothing but the image.
                java.util.Arrays.fill(tile, 0, l.blockHeight * l.rowBytes, (byte) 0);
                for (int r = 0; r < rowsInChunk; r++) {
                    storeRow(strip, top + r, x0, n, l, tile, r * l.rowBytes, s);
                }
                for (int r = 0; r < l.blockHeight; r++) {
                    predict(tile, r * l.rowBytes, l, s);
                }
                blocks.add(compress(tile, l.blockHeight * l.rowBytes, l, s, spare));
            }
        } else {
            for (int y = 0; y < rowsInChunk; y += l.blockHeight) {
                int rows = Math.min(l.blockHeight, rowsInChunk - y);
                byte[] block = s.block(rows * l.rowBytes);
                for (int r = 0; r < rows; r++) {
                    storeRow(strip, top + y + r, 0, l.width, l, block, r * l.rowBytes, s);
                    predict(block, r * l.rowBytes, l, s);
                }
                blocks.add(compress(block, rows * l.rowBytes, l, s, spare));
            }
        }
        return blocks;
    }

    private static void predict(byte[] b, int off, Layout l, Scratch s) {
        int samples = l.blockWidth * l.bands;
        if (l.predictor == 2) {
            Predictor.applyHorizontal(b, off, samples, l.bands, l.bits, true);
        } else if (l.predictor == 3) {
            byte[] tmp = s.floatRow(l.rowBytes);
            // stored floats are little-endian; the predictor wants them most significant byte first
            for (int i = 0; i < samples; i++) {
                int o = off + 4 * i;
                byte a = b[o];
                byte c = b[o + 1];
                b[o] = b[o + 3];
                b[o + 1] = b[o + 2];
                b[o + 2] = c;
                b[o + 3] = a;
            }
            Predictor.applyFloat(b, off, samples, l.bands, tmp, 0);
            System.arraycopy(tmp, 0, b, off, l.rowBytes);
        }
    }

    private static ByteSink compress(byte[] data, int len, Layout l, Scratch s, ConcurrentLinkedQueue<ByteSink> spare) {
        ByteSink out = spare.poll();
        if (out == null) {
            out = new ByteSink(len / 2 + 1024);
        }
        out.reset();
        switch (l.compression) {
            case TiffTag.NONE -> out.append(data, 0, len);
            case TiffTag.LZW -> s.lzw().encode(data, 0, len, out);
            default -> {
                byte[] head = Zlib.header(l.effort);
                out.append(head, 0, 2);
                s.deflater(l.effort).compress(data, 0, 0, data, 0, len, true, out);
                Adler32 a = new Adler32();
                a.update(data, 0, len);
                int v = (int) a.getValue();
                out.append(new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}, 0, 4);
            }
        }
        return out;
    }

    /**
     * Pixels {@code [x0, x0 + n)} of row {@code y} as stored: little-endian samples of the file's
     * depth, colour premultiplied by alpha when associated alpha is asked for (c x a / max, rounded
     * to nearest; c x a for floats).
     */
    private static void storeRow(Region strip, int y, int x0, int n, Layout l, byte[] dst, int off, Scratch s) {
        int samples = n * l.bands;
        int at = strip.index(x0, y);
        if (l.bits == 8 && strip.format == BandFormat.U8 && !l.associated) {
            System.arraycopy(strip.u8(), at, dst, off, samples);
            return;
        }
        double[] v = s.values(samples);
        dev.lamina.core.SampleRows.read(strip, x0, y, n, v);
        if (l.associated) {
            int colour = l.bands - 1;
            for (int i = 0; i < samples; i += l.bands) {
                double a = v[i + colour];
                for (int c = 0; c < colour; c++) {
                    v[i + c] *= a;
                }
            }
        }
        switch (l.bits) {
            case 8 -> {
                for (int i = 0; i < samples; i++) {
                    dst[off + i] = (byte) Rounding.toU8(v[i]);
                }
            }
            case 16 -> {
                if (strip.format == BandFormat.U16 && !l.associated) {
                    short[] a = strip.u16();
                    for (int i = 0; i < samples; i++) {
                        short x = a[at + i];
                        dst[off + 2 * i] = (byte) x;
                        dst[off + 2 * i + 1] = (byte) (x >>> 8);
                    }
                } else {
                    for (int i = 0; i < samples; i++) {
                        int x = Rounding.toU16(v[i]);
                        dst[off + 2 * i] = (byte) x;
                        dst[off + 2 * i + 1] = (byte) (x >>> 8);
                    }
                }
            }
            default -> {
                for (int i = 0; i < samples; i++) {
                    int x = Float.floatToRawIntBits((float) v[i]);
                    Bytes.put(dst, off + 4 * i, 4, x, true);
                }
            }
        }
    }

    /** What a worker keeps between chunks: block and row buffers, an LZW encoder, a deflate compressor per effort. */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);
        private final DeflateCompressor[] deflaters = new DeflateCompressor[DeflateCompressor.MAX_EFFORT + 1];
        private LzwEncoder lzw;
        private byte[] block = new byte[0];
        private byte[] floatRow = new byte[0];
        private double[] values = new double[0];

        static Scratch get() {
            return PER_THREAD.get();
        }

        byte[] block(int size) {
            if (block.length < size) {
                block = new byte[size];
            }
            return block;
        }

        byte[] floatRow(int size) {
            if (floatRow.length < size) {
                floatRow = new byte[size];
            }
            return floatRow;
        }

        double[] values(int size) {
            if (values.length < size) {
                values = new double[size];
            }
            return values;
        }

        LzwEncoder lzw() {
            if (lzw == null) {
                lzw = new LzwEncoder();
            }
            return lzw;
        }

        DeflateCompressor deflater(int effort) {
            if (deflaters[effort] == null) {
                deflaters[effort] = new DeflateCompressor(effort);
            }
            return deflaters[effort];
        }
    }

    /** An output stream that knows how many bytes went through it: the offsets of the blocks. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private long position;

        CountingStream(OutputStream out) {
            super(out);
        }

        long position() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }
    }
}
