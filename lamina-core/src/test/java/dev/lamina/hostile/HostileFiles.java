package dev.lamina.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hand-made hostile files, written from the format specifications (PNG: ISO/IEC 15948; JPEG: T.81),
 * not with Lamina's encoders: headers that claim far more than the file holds, or more than any
 * budget should allow, and tables that break the specification's rules.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A PNG of IHDR {@code width x height}, {@code depth} bits, {@code colourType}, and one IDAT of {@code zlib}. */
    public static byte[] png(long width, long height, int depth, int colourType, boolean interlaced, byte[] zlib) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt((int) width).putInt((int) height);
        ihdr.put((byte) depth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) (interlaced ? 1 : 0));
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", zlib);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Appends a chunk with its length and CRC. */
    public static void chunk(ByteArrayOutputStream out, String type, byte[] body) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(t);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A zlib stream of {@code count} zero bytes, compressed as hard as zlib can (about 1030 to 1),
     * made without compressing them all: deflate blocks ending in a full flush refer to nothing
     * before them, so the blocks for 16 MiB of zeros are repeated, then the rest, an empty final
     * block and the Adler-32 of {@code count} zeros ({@code a = 1}, {@code b = count mod 65521}).
     */
    public static byte[] zlibZeros(long count) {
        int unit = 16 << 20;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xDA);
        byte[] blocks = rawBlocks(unit);
        for (long n = count / unit; n > 0; n--) {
            out.writeBytes(blocks);
        }
        out.writeBytes(rawBlocks((int) (count % unit)));
        out.writeBytes(new byte[] {0x03, 0x00});   // a final fixed-Huffman block holding nothing
        long adler = (count % 65521) << 16 | 1;
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) adler).array());
        return out.toByteArray();
    }

    /** Raw deflate blocks of {@code count} zeros that end on a full flush. */
    private static byte[] rawBlocks(int count) {
        if (count == 0) {
            return new byte[0];
        }
        Deflater d = new Deflater(9, true);
        d.setInput(new byte[count]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        d.end();
        return out.toByteArray();
    }

    /**
     * Bytes of the image data of an Adam7-interlaced image once inflated: for each of the seven
     * passes (PNG specification 8.2), its rows, each with a filter type byte.
     */
    public static long adam7Bytes(long width, long height, int bitsPerPixel) {
        int[][] passes = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
        long total = 0;
        for (int[] p : passes) {
            long w = (width - p[0] + p[2] - 1) / p[2];
            long h = (height - p[1] + p[3] - 1) / p[3];
            if (w > 0 && h > 0) {
                total += h * ((w * bitsPerPixel + 7) / 8 + 1);
            }
        }
        return total;
    }

    /** A marker segment: 0xFF, the marker, the length (body + 2), the body. */
    public static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write(body.length + 2);
        out.writeBytes(body);
    }

    /**
     * A JPEG of {@code width x height} with three 1x1-sampled components, progressive or baseline,
     * whose first scan holds only {@code scanBytes} bytes of entropy-coded zeros: what a header that
     * lies about the image looks like.
     */
    public static byte[] jpegHeader(int width, int height, boolean progressive, int scanBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] dqt = new byte[65];
        java.util.Arrays.fill(dqt, 1, 65, (byte) 1);
        segment(out, 0xDB, dqt);
        segment(out, progressive ? 0xC2 : 0xC0, new byte[] {8, (byte) (height >> 8), (byte) height,
                (byte) (width >> 8), (byte) width, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0});
        segment(out, 0xC4, huffmanBody(0, 0, new int[] {1}, new int[] {0}));
        segment(out, 0xC4, huffmanBody(1, 0, new int[] {1}, new int[] {0}));
        if (progressive) {
            segment(out, 0xDA, new byte[] {3, 1, 0, 2, 0, 3, 0, 0, 0, 0});   // DC first scan of all three
        } else {
            segment(out, 0xDA, new byte[] {3, 1, 0, 2, 0, 3, 0, 0, 63, 0});
        }
        out.writeBytes(new byte[scanBytes]);
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /**
     * A small grey baseline JPEG whose {@code dc ? "DC" : "AC"} table 0 has {@code counts} codes
     * per length (1..) and {@code symbols}; the other table is a sound one-code table.
     */
    public static byte[] jpegWithTable(boolean dc, int[] counts, int[] symbols) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] dqt = new byte[65];
        java.util.Arrays.fill(dqt, 1, 65, (byte) 1);
        segment(out, 0xDB, dqt);
        segment(out, 0xC0, new byte[] {8, 0, 16, 0, 16, 1, 1, 0x11, 0});
        segment(out, 0xC4, dc ? huffmanBody(0, 0, counts, symbols) : huffmanBody(0, 0, new int[] {1}, new int[] {0}));
        segment(out, 0xC4, dc ? huffmanBody(1, 0, new int[] {1}, new int[] {0}) : huffmanBody(1, 0, counts, symbols));
        segment(out, 0xDA, new byte[] {1, 1, 0, 0, 63, 0});
        out.writeBytes(new byte[] {0x12, 0x34, 0x56, 0x78, (byte) 0x9A, (byte) 0xBC, 0x12, 0x34});
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /** A DHT body: class and id, sixteen counts, the symbols. */
    public static byte[] huffmanBody(int tableClass, int id, int[] counts, int[] symbols) {
        byte[] b = new byte[17 + symbols.length];
        b[0] = (byte) (tableClass << 4 | id);
        for (int i = 0; i < counts.length && i < 16; i++) {
            b[1 + i] = (byte) counts[i];
        }
        for (int i = 0; i < symbols.length; i++) {
            b[17 + i] = (byte) symbols[i];
        }
        return b;
    }
}
