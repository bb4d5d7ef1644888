package dev.lamina.codec.tiff;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.fuzz.FuzzInvariant;

/**
 * Fuzz target: the TIFF decoder, from the header through the directory chain, every strip or tile
 * and its decompression (none, PackBits, LZW, Deflate, JPEG), to the last pixel, under
 * {@link FuzzInvariant}. The page is taken from the input's length so that multi-page chains are
 * walked too. Its regression corpus (small files made by libvips and tiffcp: predictors, tiles,
 * planes, both byte orders, BigTIFF) replays in every build; bin/fuzz fuzzes it.
 */
class TiffDecoderFuzzer {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        int page = data.length % 7 == 0 ? 1 : 0;
        FuzzInvariant.decode(() -> TiffDecoder.open(data, FuzzInvariant.NAME, FuzzInvariant.LIMITS, page, data.length % 2 == 0));
    }
}
