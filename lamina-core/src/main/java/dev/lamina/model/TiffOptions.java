package dev.lamina.model;

/**
 * How to write TIFF.
 *
 * @param compression  {@link Compression#NONE} (the default, as libvips and libtiff), LZW or DEFLATE
 * @param level        Deflate level 1-9 (6 by default; Lamina's scale, as PNG's)
 * @param predictor    difference each sample from its left neighbour before LZW or Deflate
 *                     (TIFF predictor 2; predictor 3 for floats): on by default, ignored
 *                     without compression
 * @param tileWidth    0 for strips (the default), else the tile width, a multiple of 16
 * @param tileHeight   the tile height with {@code tileWidth}, a multiple of 16
 * @param bitDepth     0 to follow the image (8 for U8, 16 for U16, 32-bit float for F32), or 8, 16
 *                     or 32 (float)
 * @param premultiplied write alpha as associated (premultiplied, ExtraSamples 1) instead of
 *                     unassociated (straight, ExtraSamples 2, the default, as libvips)
 * @param bigTiff      always write BigTIFF; without it BigTIFF is chosen when the file could pass 4 GB
 *
 * <p>Immutable and thread-safe.
 */
public record TiffOptions(Compression compression, int level, boolean predictor, int tileWidth, int tileHeight,
                          int bitDepth, boolean premultiplied, boolean bigTiff) implements SaveOptions {

    /** Compression of the strips or tiles. */
    public enum Compression { NONE, LZW, DEFLATE }

    public TiffOptions {
        if (compression == null) {
            compression = Compression.NONE;
        }
        if (level < 1 || level > 9) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "TIFF Deflate level must be 1 to 9, not " + level);
        }
        if (tileWidth != 0 || tileHeight != 0) {
            if (tileWidth < 16 || tileHeight < 16 || tileWidth % 16 != 0 || tileHeight % 16 != 0
                    || tileWidth > 32768 || tileHeight > 32768) {
                throw new LaminaException(LaminaException.Kind.BAD_INPUT, "TIFF tiles must be multiples of 16 from 16 to 32768, not "
                        + tileWidth + "x" + tileHeight);
            }
        }
        if (bitDepth != 0 && bitDepth != 8 && bitDepth != 16 && bitDepth != 32) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "TIFF bit depth must be 8, 16 or 32 (float), not " + bitDepth);
        }
    }

    /** The defaults: uncompressed strips, depth of the image, straight alpha, BigTIFF only when needed. */
    public static TiffOptions tiff() {
        return new TiffOptions(Compression.NONE, 6, true, 0, 0, 0, false, false);
    }

    public TiffOptions compression(Compression c) {
        return new TiffOptions(c, level, predictor, tileWidth, tileHeight, bitDepth, premultiplied, bigTiff);
    }

    public TiffOptions level(int l) {
        return new TiffOptions(compression, l, predictor, tileWidth, tileHeight, bitDepth, premultiplied, bigTiff);
    }

    public TiffOptions predictor(boolean on) {
        return new TiffOptions(compression, level, on, tileWidth, tileHeight, bitDepth, premultiplied, bigTiff);
    }

    /** Tiles of {@code width x height} (multiples of 16) instead of strips. */
    public TiffOptions tiles(int width, int height) {
        return new TiffOptions(compression, level, predictor, width, height, bitDepth, premultiplied, bigTiff);
    }

    /** Strips (the default) instead of tiles. */
    public TiffOptions strips() {
        return new TiffOptions(compression, level, predictor, 0, 0, bitDepth, premultiplied, bigTiff);
    }

    public TiffOptions bitDepth(int depth) {
        return new TiffOptions(compression, level, predictor, tileWidth, tileHeight, depth, premultiplied, bigTiff);
    }

    public TiffOptions premultiplied(boolean on) {
        return new TiffOptions(compression, level, predictor, tileWidth, tileHeight, bitDepth, on, bigTiff);
    }

    public TiffOptions bigTiff(boolean on) {
        return new TiffOptions(compression, level, predictor, tileWidth, tileHeight, bitDepth, premultiplied, on);
    }

    public boolean tiled() {
        return tileWidth != 0;
    }
}
