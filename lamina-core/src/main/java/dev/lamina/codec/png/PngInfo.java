package dev.lamina.codec.png;

import dev.lamina.model.Metadata;

/**
 * Everything a PNG file says before its image data: the header, the palette and transparency
 * chunks the pixel conversion needs, the metadata, and where the image data starts.
 *
 * @param header       the validated IHDR
 * @param palette      PLTE as RGB triples (colour type 3), or null
 * @param paletteAlpha alpha per palette entry from tRNS (255 for entries tRNS does not cover), or null
 * @param transparentKey the tRNS colour key for grey (one sample) or RGB (three), at the file's depth, or null
 * @param metadata     the metadata chunks read before the first IDAT
 * @param idatOffset   offset of the first IDAT chunk's length field
 */
record PngInfo(PngHeader header, byte[] palette, byte[] paletteAlpha, int[] transparentKey, Metadata metadata,
               long idatOffset) {

    boolean hasAlpha() {
        int ct = header.colourType();
        return ct == PngHeader.GREY_ALPHA || ct == PngHeader.RGBA || paletteAlpha != null || transparentKey != null;
    }

    int bands() {
        return header.interpretation().colourBands + (hasAlpha() ? 1 : 0);
    }
}
