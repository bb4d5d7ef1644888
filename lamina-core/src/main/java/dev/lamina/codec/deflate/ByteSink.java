package dev.lamina.codec.deflate;

import java.util.Arrays;

/** A growable byte buffer that compressed bytes are appended to: {@code array()[0, length())} is the content. */
public final class ByteSink {
    private byte[] array;
    private int length;

    public ByteSink() {
        this(1024);
    }

    public ByteSink(int initialCapacity) {
        this.array = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; valid until the next append (which may replace it). */
    public byte[] array() {
        return array;
    }

    public int length() {
        return length;
    }

    /** Empties the buffer, keeping its capacity for reuse. */
    public void reset() {
        length = 0;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(array, length);
    }

    /** Appends {@code b[off, off + len)} (a zlib header before the deflate stream, say). */
    public void append(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        System.arraycopy(b, off, reserve(len), length, len);
        length += len;
    }

    /** Makes room for {@code extra} more bytes after {@link #length()} and returns the (possibly new) array. */
    byte[] reserve(int extra) {
        long need = (long) length + extra;
        if (need > array.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("compressed output exceeds 2 GiB");
            }
            array = Arrays.copyOf(array, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16, (long) array.length * 2)));
        }
        return array;
    }

    /** Sets the length after bytes were written directly into {@link #reserve reserved} room. */
    void setLength(int length) {
        this.length = length;
    }
}
