package dev.lamina.codec.png;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a PNG file as a window that the chunk reader and the inflater read in place: for a
 * file, a 64 KiB buffer refilled from a {@link FileChannel} (memory does not grow with the file);
 * for bytes already in memory, the array itself (no copy). Knows the absolute offset of every
 * byte, for error messages, and the total size, so a chunk that claims more bytes than the file
 * has is refused before anything is allocated for it.
 */
final class PngStream implements Closeable {
    /** Large enough that the inflater and the CRC see long runs, small enough to stay in cache. */
    static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;     // null when the bytes are in memory
    private final ByteBuffer window;       // wraps buf, for channel reads
    /** Bytes {@code [pos, limit)} of {@code buf} are the input at offsets {@code base + pos ...}. */
    byte[] buf;
    int pos;
    int limit;
    private long base;
    private final long size;

    private PngStream(FileChannel channel, byte[] buf, int pos, int limit, long base, long size) {
        this.channel = channel;
        this.buf = buf;
        this.window = channel == null ? null : ByteBuffer.wrap(buf);
        this.pos = pos;
        this.limit = limit;
        this.base = base;
        this.size = size;
    }

    /** The bytes {@code data}, read from offset {@code start}. */
    static PngStream of(byte[] data, long start) {
        int p = (int) Math.min(start, data.length);
        return new PngStream(null, data, p, data.length, 0, data.length);
    }

    /** The file, read with a 64 KiB buffer from offset {@code start}. */
    static PngStream open(Path file, long start) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            ch.position(start);
            return new PngStream(ch, new byte[BUFFER_BYTES], 0, 0, start, size);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Absolute offset of the next byte to read. */
    long offset() {
        return base + pos;
    }

    /** Total length of the input. */
    long size() {
        return size;
    }

    /**
     * Makes at least {@code n} bytes ({@code n <= BUFFER_BYTES}) available from {@code pos};
     * false when the input ends first.
     */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (channel == null) {
            return false;
        }
        compact();
        while (limit < n) {
            if (!readMore()) {
                return false;
            }
        }
        return true;
    }

    /** Bytes available from {@code pos} after reading more if none are; 0 at the end of the input. */
    int fill() throws IOException {
        if (pos < limit || channel == null) {
            return limit - pos;
        }
        compact();
        readMore();
        return limit - pos;
    }

    private void compact() {
        int left = limit - pos;
        System.arraycopy(buf, pos, buf, 0, left);
        base += pos;
        pos = 0;
        limit = left;
    }

    private boolean readMore() throws IOException {
        window.clear().position(limit);
        int r = channel.read(window);
        if (r <= 0) {
            return false;
        }
        limit += r;
        return true;
    }

    /** Big-endian 32-bit value at {@code pos}, which must be available; advances. */
    int readInt() {
        int p = pos;
        pos = p + 4;
        return (buf[p] & 0xFF) << 24 | (buf[p + 1] & 0xFF) << 16 | (buf[p + 2] & 0xFF) << 8 | (buf[p + 3] & 0xFF);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
