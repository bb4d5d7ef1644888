package dev.lamina.core;

/**
 * A decoder that can only go forward: it produces row 0, then row 1, and so on, once each. PNG
 * and baseline JPEG decoders implement it; {@link LineCache} turns it into an image.
 */
public interface RowDecoder extends AutoCloseable {

    /**
     * Decodes the next row, {@code y}, into {@code dst}, whose rectangle contains the whole row
     * (all {@code width} pixels of row {@code y}), and writes nothing else: {@code dst} may be a
     * ring whose other rows hold rows that are still needed ({@link LineCache}).
     */
    void decodeRow(Region dst, int y);

    /** Releases the input (file, stream). Called once, after the last row or on failure. */
    @Override
    void close();
}
