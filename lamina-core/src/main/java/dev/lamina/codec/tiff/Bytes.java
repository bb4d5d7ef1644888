package dev.lamina.codec.tiff;

/** Unsigned integers of 1 to 8 bytes in either byte order. */
final class Bytes {
    private Bytes() {
    }

    /** The unsigned value of {@code size} bytes at {@code at}; an 8-byte value above 2^63 comes back negative. */
    static long unsigned(byte[] b, int at, int size, boolean little) {
        long v = 0;
        if (little) {
            for (int i = size - 1; i >= 0; i--) {
                v = v << 8 | (b[at + i] & 0xFF);
            }
        } else {
            for (int i = 0; i < size; i++) {
                v = v << 8 | (b[at + i] & 0xFF);
            }
        }
        return v;
    }

    /** Writes the low {@code size} bytes of {@code v} at {@code at}. */
    static void put(byte[] b, int at, int size, long v, boolean little) {
        for (int i = 0; i < size; i++) {
            int shift = 8 * (little ? i : size - 1 - i);
            b[at + i] = (byte) (v >>> shift);
        }
    }
}
