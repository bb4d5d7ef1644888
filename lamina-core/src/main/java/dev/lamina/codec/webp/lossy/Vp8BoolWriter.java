package dev.lamina.codec.webp.lossy;

import java.util.Arrays;

/**
 * The VP8 boolean entropy encoder (RFC 6386 section 7.3): each bit is coded with an 8-bit
 * probability of its being zero; a carry out of the low end of the range propagates back into the
 * bytes already written.
 */
final class Vp8BoolWriter {
    private byte[] buf;
    private int pos;
    private int range = 255;
    private int bottom;      // low end of the interval; bit 31 is the carry into the written bytes
    private int bitCount = 24;

    Vp8BoolWriter(int expectedSize) {
        buf = new byte[Math.max(256, expectedSize)];
    }

    /** Codes {@code bit} (0 or 1) with probability {@code prob}/256 of a zero; returns the bit. */
    int put(int bit, int prob) {
        int split = 1 + (((range - 1) * prob) >> 8);
        if (bit != 0) {
            bottom += split;
            range -= split;
        } else {
            range = split;
        }
        while (range < 128) {
            range <<= 1;
            if ((bottom & 0x80000000) != 0) {
                carry();
            }
            bottom <<= 1;
            if (--bitCount == 0) {
                emit((bottom >>> 24) & 0xff);
                bottom &= (1 << 24) - 1;
                bitCount = 8;
            }
        }
        return bit;
    }

    boolean put(boolean bit, int prob) {
        put(bit ? 1 : 0, prob);
        return bit;
    }

    /** A bit at even odds. */
    boolean putUniform(boolean bit) {
        return put(bit, 128);
    }

    /** {@code n} bits of {@code value}, most significant first, at even odds. */
    void putBits(int value, int n) {
        for (int mask = 1 << (n - 1); mask != 0; mask >>>= 1) {
            put((value & mask) != 0 ? 1 : 0, 128);
        }
    }

    /** A flag (is it non-zero), then the magnitude in {@code n} bits and the sign (RFC 6386 section 9.3). */
    void putSignedBits(int value, int n) {
        if (!putUniform(value != 0)) {
            return;
        }
        putBits(Math.abs(value), n);
        putUniform(value < 0);
    }

    /** Ends the stream (RFC 6386's flush: the interval's low end, whole) and returns its bytes. */
    byte[] finish() {
        int c = bitCount;
        int v = bottom;
        if ((v & (1 << (32 - c))) != 0) {
            carry();
        }
        v <<= c & 7;
        c >>= 3;
        while (--c >= 0) {
            v <<= 8;
        }
        for (int i = 0; i < 4; i++) {
            emit((v >>> 24) & 0xff);
            v <<= 8;
        }
        return Arrays.copyOf(buf, pos);
    }

    /** Bytes written so far (an estimate of the final size). */
    int size() {
        return pos;
    }

    private void carry() {
        int i = pos - 1;
        while (i >= 0 && buf[i] == (byte) 0xff) {
            buf[i] = 0;
            i--;
        }
        if (i >= 0) {
            buf[i]++;
        }
    }

    private void emit(int b) {
        if (pos == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[pos++] = (byte) b;
    }
}
