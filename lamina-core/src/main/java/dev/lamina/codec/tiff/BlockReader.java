package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;

import java.util.Arrays;

/**
 * Opens the stored strips and tiles of a page: checks each block's offset and byte count against
 * the file before reading it, and reads decompressed rows out of it. With {@code failOnError} off,
 * a block whose data ends early (or is missing) gives zero rows where its data lacks, as libvips'
 * {@code fail=false} does; otherwise that is an error naming the block.
 */
final class BlockReader {
    final TiffPage page;
    final TiffInput input;
    private final boolean failOnError;

    BlockReader(TiffPage page, TiffInput input, boolean failOnError) {
        this.page = page;
        this.input = input;
        this.failOnError = failOnError;
    }

    /** "strip 3", "tile 7 of plane 2": how errors name a block. */
    String name(long index) {
        long perPlane = (long) page.blocksAcross * page.blocksDown;
        String kind = page.tiled ? "tile " : "strip ";
        return page.planar ? kind + index % perPlane + " of plane " + index / perPlane : kind + index;
    }

    /** The byte range of block {@code index}, checked to lie inside the file; null for a missing block when lenient. */
    private long[] range(long index) {
        long offset = page.offsets.get(index, input);
        long count = page.byteCounts.get(index, input);
        if (count == 0 || offset == 0) {
            if (!failOnError) {
                return null;
            }
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, page.name + ": " + name(index) + " has no data");
        }
        if (offset + count > input.size() || offset + count < 0) {
            if (!failOnError && offset < input.size()) {
                return new long[]{offset, input.size() - offset};
            }
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, page.name + ": " + name(index) + " (" + count
                    + " bytes at offset " + offset + ") lies past the end of the file (" + input.size() + " bytes)");
        }
        return new long[]{offset, count};
    }

    /** The decompressor over block {@code index}; {@code buffer} may be reused for the stored bytes. */
    BlockStream open(long index, byte[] buffer) {
        long[] r = range(index);
        if (r == null) {
            return (dst, off, len) -> 0;
        }
        return BlockStream.of(page.compression, new CompressedBytes(input, r[0], r[1], buffer, page.reversedBits), page.name, name(index));
    }

    /**
     * The stored bytes of block {@code index}, whole, for JPEG blocks (the JPEG decoder reads an
     * array). FillOrder does not apply to them: libtiff's JPEG codec turns its bit reversal off.
     */
    byte[] bytes(long index) {
        long[] r = range(index);
        if (r == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, page.name + ": " + name(index) + " has no data");
        }
        if (r[1] > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, page.name + ": " + name(index) + " holds " + r[1]
                    + " bytes of JPEG data, too many for one block");
        }
        byte[] data = new byte[(int) r[1]];
        input.readFully(r[0], data, 0, data.length, name(index));
        return data;
    }

    /** Reads the next {@code len} decompressed bytes of a block into {@code row}; fails (or zero-fills) when the block ends first. */
    void readRow(BlockStream s, byte[] row, int len, long index, int rowInBlock) {
        int done = 0;
        while (done < len) {
            int n = s.read(row, done, len - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        if (done < len) {
            if (failOnError) {
                throw new LaminaException(LaminaException.Kind.BAD_INPUT, page.name + ": the data of " + name(index)
                        + " ends in row " + rowInBlock + " of the block (" + done + " of " + len + " bytes of that row)");
            }
            Arrays.fill(row, done, len, (byte) 0);
        }
    }
}
