package dev.lamina.codec.tiff;

/**
 * The decompressed bytes of one strip or tile, produced as they are asked for: each call returns
 * the next bytes, so a strip is decoded row by row with memory of a row, whatever its height.
 * Implementations: stored, PackBits, LZW and Deflate.
 */
interface BlockStream {

    /** Reads up to {@code len} bytes into {@code dst}; returns how many, 0 when the data has ended. */
    int read(byte[] dst, int off, int len);

    /** Releases what the decompressor holds outside the heap (the inflater's native state). */
    default void close() {
    }

    /** The decompressor of {@code compression} over {@code in}; {@code what} names the block in errors. */
    static BlockStream of(int compression, CompressedBytes in, String name, String what) {
        return switch (compression) {
            case TiffTag.NONE -> new Stored(in);
            case TiffTag.PACKBITS -> new PackBitsStream(in, name, what);
            case TiffTag.LZW -> new LzwStream(in, name, what);
            case TiffTag.ADOBE_DEFLATE, TiffTag.DEFLATE -> new InflateStream(in, name, what);
            default -> throw new IllegalArgumentException("compression " + compression);
        };
    }

    /** Uncompressed data: copied from the buffer. */
    final class Stored implements BlockStream {
        private final CompressedBytes in;

        Stored(CompressedBytes in) {
            this.in = in;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            int done = 0;
            while (done < len && in.fill()) {
                int n = Math.min(len - done, in.limit - in.pos);
                System.arraycopy(in.buf, in.pos, dst, off + done, n);
                in.pos += n;
                done += n;
            }
            return done;
        }
    }
}
