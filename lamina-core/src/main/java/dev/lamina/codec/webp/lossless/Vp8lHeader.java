package dev.lamina.codec.webp.lossless;

/**
 * The five bytes that start a {@code VP8L} chunk (RFC 9649, 3.2): signature 0x2f, width and
 * height (14 bits each, minus one), whether alpha is used (a hint: the pixels carry alpha either
 * way), and a 3-bit version that must be 0.
 */
public record Vp8lHeader(int width, int height, boolean alphaUsed) {
    public static final int BYTES = Vp8lConstants.HEADER_BYTES;

    /** Reads the header at {@code data[offset]}; {@code name} names the input in errors. */
    public static Vp8lHeader read(byte[] data, int offset, int length, String name) {
        if (length < BYTES) {
            throw Vp8lDecoder.truncated(name);
        }
        if ((data[offset] & 0xFF) != Vp8lConstants.SIGNATURE) {
            throw Vp8lDecoder.corrupt(name, "the VP8L signature byte is missing");
        }
        long bits = 0;
        for (int i = 4; i >= 1; i--) {
            bits = (bits << 8) | (data[offset + i] & 0xFF);
        }
        int width = (int) (bits & 0x3FFF) + 1;
        int height = (int) ((bits >>> 14) & 0x3FFF) + 1;
        boolean alpha = ((bits >>> 28) & 1) != 0;
        int version = (int) (bits >>> 29);
        if (version != 0) {
            throw Vp8lDecoder.corrupt(name, "VP8L version " + version + " (only 0 exists)");
        }
        return new Vp8lHeader(width, height, alpha);
    }

    /** The header's five bytes. */
    public byte[] toBytes() {
        long bits = (width - 1L) | ((height - 1L) << 14) | ((alphaUsed ? 1L : 0L) << 28);
        return new byte[] {(byte) Vp8lConstants.SIGNATURE, (byte) bits, (byte) (bits >>> 8), (byte) (bits >>> 16), (byte) (bits >>> 24)};
    }
}
