package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a TIFF file, read at any offset: a file through a {@link FileChannel}'s positional
 * reads (safe from several threads at once, which the tile reader needs), or an array already in
 * memory. TIFF is a random-access format (directories, strips and tiles may lie anywhere), so the
 * reader seeks; nothing is ever read whole.
 */
abstract sealed class TiffInput implements Closeable {
    final String name;

    private TiffInput(String name) {
        this.name = name;
    }

    /** The whole length, against which every offset and count a file claims is checked. */
    abstract long size();

    /**
     * Reads up to {@code len} bytes at {@code offset} into {@code dst}; returns how many (fewer
     * only at the end of the input, 0 past it).
     */
    abstract int read(long offset, byte[] dst, int off, int len);

    /** Reads exactly {@code len} bytes at {@code offset}, or fails naming {@code what} as truncated. */
    final void readFully(long offset, byte[] dst, int off, int len, String what) {
        int got = 0;
        while (got < len) {
            int n = read(offset + got, dst, off + got, len - got);
            if (n <= 0) {
                throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": truncated TIFF: " + what
                        + " at offset " + offset + " needs " + len + " bytes, the file ends at " + size());
            }
            got += n;
        }
    }

    /** A reader of the same bytes for another consumer (the file is opened again; arrays are shared). */
    abstract TiffInput reopen();

    @Override
    public abstract void close();

    static TiffInput of(byte[] data, String name) {
        return new InMemory(data, name);
    }

    static TiffInput open(Path file, String name) {
        return new InFile(file, name);
    }

    private static final class InMemory extends TiffInput {
        private final byte[] data;

        InMemory(byte[] data, String name) {
            super(name);
            this.data = data;
        }

        @Override
        long size() {
            return data.length;
        }

        @Override
        int read(long offset, byte[] dst, int off, int len) {
            if (offset >= data.length || offset < 0) {
                return 0;
            }
            int n = (int) Math.min(len, data.length - offset);
            System.arraycopy(data, (int) offset, dst, off, n);
            return n;
        }

        @Override
        TiffInput reopen() {
            return this;
        }

        @Override
        public void close() {
        }
    }

    private static final class InFile extends TiffInput {
        private final Path file;
        private final FileChannel channel;
        private final long size;

        InFile(Path file, String name) {
            super(name);
            this.file = file;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ);
                this.size = channel.size();
            } catch (NoSuchFileException e) {
                throw new LaminaException(LaminaException.Kind.IO, name + ": no such file", e);
            } catch (IOException e) {
                throw new LaminaException(LaminaException.Kind.IO, name + ": cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        long size() {
            return size;
        }

        @Override
        int read(long offset, byte[] dst, int off, int len) {
            if (offset >= size || offset < 0) {
                return 0;
            }
            try {
                int n = channel.read(ByteBuffer.wrap(dst, off, len), offset);
                return Math.max(n, 0);
            } catch (IOException e) {
                throw new LaminaException(LaminaException.Kind.IO, name + ": cannot read at offset " + offset + ": " + e.getMessage(), e);
            }
        }

        @Override
        TiffInput reopen() {
            return new InFile(file, name);
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a read-only channel: nothing was lost
            }
        }
    }
}
