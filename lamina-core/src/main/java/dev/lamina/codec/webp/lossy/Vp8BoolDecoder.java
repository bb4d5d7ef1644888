package dev.lamina.codec.webp.lossy;

/**
 * VP8's boolean entropy decoder (RFC 6386, section 7), with libwebp's state conventions
 * ({@code src/utils/bit_reader_utils.c}): the range is kept minus one, bytes are shifted in when
 * fewer than 8 unread bits are left, and past the end of the data 8 zero bits are supplied once
 * and {@link #eof()} turns true. libwebp's decoder fails a frame whose first partition or a
 * macroblock's tokens needed those bits; callers check {@link #eof()} at the same points.
 *
 * <p>Bytes are loaded one at a time instead of libwebp's 56 bits at a time: the decisions and the
 * moment end of data is noticed depend only on how many bits have been consumed, so they are the
 * same.
 */
final class Vp8BoolDecoder {
    private final byte[] data;
    private int pos;
    private final int end;
    /** Unread bits, most significant first; {@code value >>> bits} is the window compared with the split. */
    private int value;
    /** The range minus one, 127..254 between calls. */
    private int range = 254;
    /** How many bits beyond the 8-bit window {@link #value} holds; below zero means load a byte. */
    private int bits = -8;
    private boolean eof;

    Vp8BoolDecoder(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        load();
    }

    boolean eof() {
        return eof;
    }

    private void load() {
        if (pos < end) {
            bits += 8;
            value = (value << 8) | (data[pos++] & 0xFF);
        } else if (!eof) {
            value <<= 8;
            bits += 8;
            eof = true;
        } else {
            bits = 0;   // as libwebp: keeps shifts defined; the frame is refused anyway
        }
    }

    /** One bit whose probability of being 0 is {@code prob / 256}. */
    int bit(int prob) {
        int r = range;
        if (bits < 0) {
            load();
        }
        int pos = bits;
        int split = (r * prob) >>> 8;
        int v = value >>> pos;
        int bit;
        if (v > split) {
            r -= split;             // the new range, not minus one
            value -= (split + 1) << pos;
            bit = 1;
        } else {
            r = split + 1;
            bit = 0;
        }
        // Normalise the range back to 128..255: shift by 7 - floor(log2(range)).
        int shift = 7 ^ (31 - Integer.numberOfLeadingZeros(r));
        r <<= shift;
        bits -= shift;
        range = r - 1;
        return bit;
    }

    /** An unsigned {@code n}-bit literal, most significant bit first, each at probability 1/2. */
    int literal(int n) {
        int v = 0;
        while (n-- > 0) {
            v |= bit(0x80) << n;
        }
        return v;
    }

    /** An {@code n}-bit magnitude followed by a sign bit. */
    int signedLiteral(int n) {
        int v = literal(n);
        return bit(0x80) != 0 ? -v : v;
    }

    /**
     * {@code v} with a sign read at probability 1/2. libwebp's shortcut for this differs from a plain
     * bit only when the range is 254 before the call, which happens only at a partition's first
     * bit, never a sign's.
     */
    int signed(int v) {
        return bit(0x80) != 0 ? -v : v;
    }
}
