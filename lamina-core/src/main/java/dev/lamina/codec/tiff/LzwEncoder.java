package dev.lamina.codec.tiff;

import dev.lamina.codec.deflate.ByteSink;

/**
 * TIFF's LZW on the encoding side, as libtiff writes it (and {@link LzwStream} reads it): a Clear
 * code first, codes of 9 to 12 bits most significant bit first, the width growing when the next
 * free code reaches 512, 1024 and 2048 (the decoder's "early change" seen from the encoder), a Clear
 * code and a fresh table when the table reaches 4094 entries, and EndOfInformation last.
 *
 * <p>The string table is a hash of (prefix code, next byte) to code with generation stamps, so a
 * Clear costs nothing. One encoder per thread; each call encodes one strip or tile on its own.
 */
final class LzwEncoder {
    private static final int CLEAR = 256;
    private static final int EOI = 257;
    private static final int FIRST = 258;
    private static final int LAST_FREE = 4094;
    private static final int HASH_SIZE = 1 << 14;
    private static final int HASH_MASK = HASH_SIZE - 1;

    private final int[] keys = new int[HASH_SIZE];
    private final short[] codes = new short[HASH_SIZE];
    private final int[] stamps = new int[HASH_SIZE];
    private int stamp;
    private byte[] out = new byte[1 << 16];
    private int length;
    private long bits;
    private int bitCount;
    private int width;
    private int free;

    /** Encodes {@code data[off, off + len)} as one LZW stream into {@code sink}. */
    void encode(byte[] data, int off, int len, ByteSink sink) {
        length = 0;
        bits = 0;
        bitCount = 0;
        reset();
        put(CLEAR);
        if (len > 0) {
            int prefix = data[off] & 0xFF;
            for (int i = off + 1, end = off + len; i < end; i++) {
                int c = data[i] & 0xFF;
                int key = prefix << 8 | c;
                int h = (key * 0x9E3779B1 >>> 18) & HASH_MASK;
                int found = -1;
                while (stamps[h] == stamp) {
                    if (keys[h] == key) {
                        found = codes[h];
                        break;
                    }
                    h = (h + 1) & HASH_MASK;
                }
                if (found >= 0) {
                    prefix = found;
                    continue;
                }
                put(prefix);
                stamps[h] = stamp;
                keys[h] = key;
                codes[h] = (short) free;
                added();
                prefix = c;
            }
            put(prefix);
            added();
        }
        put(EOI);
        if (bitCount > 0) {
            room(1);
            out[length++] = (byte) (bits << (8 - bitCount));
            bitCount = 0;
        }
        sink.append(out, 0, length);
    }

    /** A code was emitted and its table entry taken: grow the width, or start a new table when full. */
    private void added() {
        free++;
        if (free == LAST_FREE) {
            put(CLEAR);
            reset();
        } else if (free >= 1 << width) {
            width++;
        }
    }

    private void reset() {
        stamp++;
        if (stamp == 0) {   // after 2^32 clears: forget every stamp once
            java.util.Arrays.fill(stamps, 0);
            stamp = 1;
        }
        free = FIRST;
        width = 9;
    }

    private void put(int code) {
        bits = bits << width | code;
        bitCount += width;
        while (bitCount >= 8) {
            room(1);
            bitCount -= 8;
            out[length++] = (byte) (bits >>> bitCount);
        }
    }

    private void room(int n) {
        if (length + n > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + n));
        }
    }
}
