package dev.lamina.codec.webp.lossless;

/**
 * The rows of a decoded VP8L image, top to bottom, as packed ARGB ints (alpha in the top byte,
 * blue in the lowest). For the ALPH chunk's lossless alpha, alpha is the green byte of each pixel.
 * Not thread-safe: one reader, one thread.
 */
public final class ArgbRowReader {
    private final ImageStreamDecoder stream;

    ArgbRowReader(ImageStreamDecoder stream) {
        this.stream = stream;
    }

    public int width() {
        return stream.width();
    }

    public int height() {
        return stream.height();
    }

    /**
     * Decodes the next row; the array returned belongs to the reader and is overwritten by the
     * next call. Corrupt or truncated data throws a {@link dev.lamina.model.LaminaException} (BAD_INPUT)
     * naming the input.
     */
    public int[] nextRow() {
        if (stream.done()) {
            throw new IllegalStateException("all " + stream.height() + " rows have been read");
        }
        return stream.nextRow();
    }
}
