package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/** Writes a VP8L bit stream: each value's bits from its lowest, packed from each byte's lowest bit. */
final class LosslessBitWriter {
    private byte[] out;
    private int size;
    private long acc;
    private int count;

    LosslessBitWriter(int expectedBytes) {
        out = new byte[Math.max(64, expectedBytes)];
    }

    /** Writes the low {@code n} bits of {@code value} (n <= 32). */
    void write(int value, int n) {
        acc |= (value & ((1L << n) - 1)) << count;
        count += n;
        while (count >= 8) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[size++] = (byte) acc;
            acc >>>= 8;
            count -= 8;
        }
    }

    /** Bits written so far. */
    long bits() {
        return 8L * size + count;
    }

    /** The stream, its last byte padded with zero bits. */
    byte[] finish() {
        if (count > 0) {
            write(0, 8 - count);
        }
        return Arrays.copyOf(out, size);
    }
}
