package dev.lamina.codec.webp.lossless;

/**
 * Reads a VP8L bit stream: bits are taken from the least significant end of each byte, bytes in
 * order (RFC 9649, 3.2). Past the end of the data it reads zeros and counts what it consumed, so
 * the hot loops need no bounds check per symbol; callers ask {@link #overrun()} at row ends and
 * at the end of each header part, and a stream that needed bits it does not have is refused.
 */
final class LosslessBitReader {
    private final byte[] data;
    private final int end;
    private final long totalBits;
    private int pos;
    /** Unread bits, the next one in bit 0; at least 32 are valid after every call. */
    private long buf;
    private int count;
    private long consumed;

    LosslessBitReader(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        this.totalBits = 8L * length;
        refill();
    }

    private void refill() {
        while (count <= 56 && pos < end) {
            buf |= (long) (data[pos++] & 0xFF) << count;
            count += 8;
        }
        if (count < 32) {
            count = 64;   // past the end: the zeros above the real bits stand in for the missing data
        }
    }

    /** The next {@code n} bits (n <= 32) without consuming them. */
    int peek(int n) {
        return (int) (buf & ((1L << n) - 1));
    }

    void skip(int n) {
        buf >>>= n;
        count -= n;
        consumed += n;
        if (count < 32) {
            refill();
        }
    }

    /** Reads {@code n} bits (0 <= n <= 32), first bit lowest. */
    int read(int n) {
        int v = (int) (buf & ((1L << n) - 1));
        skip(n);
        return v;
    }

    /** Whether the stream asked for more bits than the data holds. */
    boolean overrun() {
        return consumed > totalBits;
    }
}
