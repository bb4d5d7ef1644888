package dev.lamina.codec.tiff;

/**
 * The stored bytes of one strip or tile, read through a small buffer: the decompressors pull from
 * here, so a strip of a gigabyte is read a buffer at a time, never whole.
 */
final class CompressedBytes {
    private static final int BUFFER = 64 * 1024;
    private final TiffInput input;
    private final long end;
    private final boolean reverseBits;
    private long next;
    final byte[] buf;
    int pos;
    int limit;

    /** Bytes {@code [offset, offset + count)}, which the caller has checked lie inside the file. */
    CompressedBytes(TiffInput input, long offset, long count, byte[] buffer, boolean reverseBits) {
        this.input = input;
        this.reverseBits = reverseBits;
        this.next = offset;
        this.end = offset + count;
        this.buf = buffer != null && buffer.length >= Math.min(BUFFER, Math.max(count, 16)) ? buffer
                : new byte[(int) Math.min(BUFFER, Math.max(count, 16))];
    }

    /** Makes bytes available at {@code pos}; false at the end of the block. */
    boolean fill() {
        if (pos < limit) {
            return true;
        }
        int want = (int) Math.min(buf.length, end - next);
        if (want <= 0) {
            return false;
        }
        input.readFully(next, buf, 0, want, "the image data");
        if (reverseBits) {
            reverse(buf, 0, want);
        }
        next += want;
        pos = 0;
        limit = want;
        return true;
    }

    /** The next byte, or -1 at the end of the block. */
    int read() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Reverses the bits of each byte (FillOrder 2). */
    static void reverse(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            b[i] = (byte) (Integer.reverse(b[i]) >>> 24);
        }
    }

    static int bufferSize() {
        return BUFFER;
    }
}
