package dev.lamina.model;

/**
 * How to write PNG: zlib level 0-9 (6 by default, as libpng and libvips), the row filter
 * (adaptive by default), and the bit depth (8, 16, or 0 to follow the image: 16 for U16 and F32,
 * 8 otherwise).
 *
 * <p>Immutable and thread-safe.
 */
public record PngOptions(int compression, PngFilter filter, int bitDepth) implements SaveOptions {

    public PngOptions {
        if (compression < 0 || compression > 9) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "PNG compression must be 0 to 9, not " + compression);
        }
        if (bitDepth != 0 && bitDepth != 8 && bitDepth != 16) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "PNG bit depth must be 8 or 16, not " + bitDepth);
        }
        if (filter == null) {
            filter = PngFilter.ADAPTIVE;
        }
    }

    /** The defaults: level 6, adaptive filtering, depth of the image. */
    public static PngOptions png() {
        return new PngOptions(6, PngFilter.ADAPTIVE, 0);
    }

    public PngOptions compression(int level) {
        return new PngOptions(level, filter, bitDepth);
    }

    public PngOptions filter(PngFilter f) {
        return new PngOptions(compression, f, bitDepth);
    }

    public PngOptions bitDepth(int depth) {
        return new PngOptions(compression, filter, depth);
    }
}
