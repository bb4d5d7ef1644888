package dev.lamina.codec.png;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Interpretation;

/**
 * The IHDR chunk, validated: what the file stores per pixel and what Lamina makes of it.
 *
 * @param width      1 to 2^31-1
 * @param height     1 to 2^31-1
 * @param bitDepth   bits per sample (per palette index for colour type 3)
 * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA
 * @param interlaced Adam7 interlacing
 */
record PngHeader(int width, int height, int bitDepth, int colourType, boolean interlaced) {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    /** Samples per pixel as stored in the file (a palette index counts as one). */
    int fileChannels() {
        return switch (colourType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
    }

    int bitsPerPixel() {
        return fileChannels() * bitDepth;
    }

    /**
     * The byte distance the filters look back: bytes per whole pixel, at least one (PNG defines it
     * so for depths under 8, where several pixels share a byte).
     */
    int filterStep() {
        return Math.max(1, bitsPerPixel() / 8);
    }

    /** Bytes of one unfiltered row of {@code pixels} pixels, without the filter type byte. */
    long rowBytes(long pixels) {
        return (pixels * bitsPerPixel() + 7) / 8;
    }

    Interpretation interpretation() {
        return colourType == GREY || colourType == GREY_ALPHA ? Interpretation.GREY : Interpretation.RGB;
    }

    BandFormat format() {
        return bitDepth == 16 ? BandFormat.U16 : BandFormat.U8;
    }

    /** Whether the file's colour type and depth form a combination the PNG specification allows. */
    static boolean validCombination(int colourType, int bitDepth) {
        return switch (colourType) {
            case GREY -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case PALETTE -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case RGB, GREY_ALPHA, RGBA -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }
}
