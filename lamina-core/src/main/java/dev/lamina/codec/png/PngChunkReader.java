package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;

import java.io.Closeable;
import java.io.IOException;
import java.util.zip.CRC32;

/**
 * Walks the chunks of a PNG file: length, type, body, CRC. Every chunk's CRC is checked, critical
 * or ancillary, so a damaged file is refused rather than half-trusted. Errors name the input and
 * the offset of the chunk (the offset of its length field).
 *
 * <p>Call order: {@link #next()}, then either {@link #body()}, {@link #skipBody()}, or the streaming
 * pair {@link #available()}/{@link #consume(int)} followed by {@link #endChunk()}.
 */
final class PngChunkReader implements Closeable {
    static final int IHDR = type("IHDR");
    static final int PLTE = type("PLTE");
    static final int IDAT = type("IDAT");
    static final int IEND = type("IEND");
    static final int TRNS = type("tRNS");
    static final int GAMA = type("gAMA");
    static final int SRGB = type("sRGB");
    static final int ICCP = type("iCCP");
    static final int PHYS = type("pHYs");
    static final int TEXT = type("tEXt");
    static final int ZTXT = type("zTXt");
    static final int ITXT = type("iTXt");
    static final int EXIF = type("eXIf");

    /** Largest chunk body read into memory as a whole (metadata); IDAT is streamed, unknown chunks skipped. */
    static final int MAX_METADATA_BYTES = 64 * 1024 * 1024;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    final String name;
    final PngStream in;
    private final CRC32 crc = new CRC32();
    private int type;
    private int length;
    private long chunkOffset = -1;
    private long bodyLeft;

    PngChunkReader(PngStream in, String name) {
        this.in = in;
        this.name = name;
    }

    static boolean isSignature(byte[] b) {
        if (b == null || b.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads and checks the 8-byte PNG signature. */
    void readSignature() {
        boolean enough = ensure(8);
        byte[] first = new byte[8];
        if (enough) {
            System.arraycopy(in.buf, in.pos, first, 0, 8);
        }
        if (!enough || !isSignature(first)) {
            throw fail("not a PNG file (no PNG signature at the start)");
        }
        in.pos += 8;
    }

    /** Reads the next chunk's length and type; returns the type. */
    int next() {
        if (bodyLeft != 0) {
            throw new IllegalStateException("chunk body not read");
        }
        chunkOffset = in.offset();
        if (!ensure(8)) {
            throw fail("file is truncated at offset " + in.size() + " (expected another chunk, the file ends before IEND)");
        }
        int len = in.readInt();
        int t = in.readInt();
        if (!validType(t)) {
            throw fail("invalid chunk type " + printable(t) + " at offset " + chunkOffset);
        }
        if (len < 0) {
            throw fail("chunk " + typeName(t) + " at offset " + chunkOffset + " has an invalid length "
                    + Integer.toUnsignedString(len));
        }
        if ((long) len + 4 > in.size() - in.offset()) {
            throw fail("file is truncated: chunk " + typeName(t) + " at offset " + chunkOffset + " needs "
                    + (len + 12L) + " bytes but the file ends at offset " + in.size());
        }
        type = t;
        length = len;
        bodyLeft = len;
        crc.reset();
        crc.update(in.buf, in.pos - 4, 4);
        return t;
    }

    int type() {
        return type;
    }

    int length() {
        return length;
    }

    /** Offset of the current chunk's length field. */
    long chunkOffset() {
        return chunkOffset;
    }

    /** The whole body of the current chunk, CRC checked. For metadata-sized chunks only. */
    byte[] body() {
        if (length > MAX_METADATA_BYTES) {
            throw fail("chunk " + typeName(type) + " at offset " + chunkOffset + " is " + length
                    + " bytes, more than the " + MAX_METADATA_BYTES + " bytes Lamina reads for one metadata chunk");
        }
        byte[] b = new byte[length];
        int off = 0;
        while (bodyLeft > 0) {
            int n = available();
            System.arraycopy(in.buf, in.pos, b, off, n);
            consume(n);
            off += n;
        }
        endChunk();
        return b;
    }

    /** Skips the body of the current chunk (still checking its CRC). */
    void skipBody() {
        while (bodyLeft > 0) {
            consume(available());
        }
        endChunk();
    }

    /** Bytes of the current body available in place at {@code in.buf[in.pos]}; at least 1 while any remain. */
    int available() {
        if (bodyLeft == 0) {
            return 0;
        }
        int n = fill();
        if (n == 0) {
            throw fail("file is truncated inside chunk " + typeName(type) + " at offset " + chunkOffset);
        }
        return (int) Math.min(n, bodyLeft);
    }

    /** Marks {@code n} available body bytes as read (they enter the CRC). */
    void consume(int n) {
        crc.update(in.buf, in.pos, n);
        in.pos += n;
        bodyLeft -= n;
    }

    /** Body bytes of the current chunk not yet read. */
    long bodyLeft() {
        return bodyLeft;
    }

    /** Reads the CRC after the fully read body and checks it. */
    void endChunk() {
        if (bodyLeft != 0) {
            throw new IllegalStateException("chunk body not read");
        }
        if (!ensure(4)) {
            throw fail("file is truncated in the CRC of chunk " + typeName(type) + " at offset " + chunkOffset);
        }
        int stored = in.readInt();
        if (stored != (int) crc.getValue()) {
            throw fail("CRC mismatch in chunk " + typeName(type) + " at offset " + chunkOffset);
        }
    }

    /** Whether the input has bytes after the current position. */
    boolean atEnd() {
        return fill() == 0;
    }

    long offset() {
        return in.offset();
    }

    /** The error {@code message} about this input, ready to throw. */
    LaminaException fail(String message) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": " + message);
    }

    private boolean ensure(int n) {
        try {
            return in.ensure(n);
        } catch (IOException e) {
            throw readError(e);
        }
    }

    private int fill() {
        try {
            return in.fill();
        } catch (IOException e) {
            throw readError(e);
        }
    }

    private LaminaException readError(IOException e) {
        return new LaminaException(LaminaException.Kind.IO, name + ": read error at offset " + in.offset() + ": " + e.getMessage(), e);
    }

    static boolean isCritical(int type) {
        return (type & 0x20000000) == 0;   // bit 5 of the first letter: upper case = critical
    }

    static String typeName(int t) {
        return new String(new char[] {(char) (t >>> 24 & 0xFF), (char) (t >>> 16 & 0xFF),
                (char) (t >>> 8 & 0xFF), (char) (t & 0xFF)});
    }

    private static int type(String s) {
        return s.charAt(0) << 24 | s.charAt(1) << 16 | s.charAt(2) << 8 | s.charAt(3);
    }

    private static boolean validType(int t) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = t >>> shift & 0xFF;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static String printable(int t) {
        StringBuilder sb = new StringBuilder();
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = t >>> shift & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return "'" + sb + "'";
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do: the input was only read
        }
    }
}
