package dev.lamina.codec.png;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.fuzz.FuzzInvariant;

/**
 * Fuzz target: the PNG decoder, from the signature through every chunk to the last pixel, under
 * {@link FuzzInvariant}. Its regression corpus (src/test/resources/dev/lamina/codec/png/
 * PngDecoderFuzzerInputs/decode) replays in every build; bin/fuzz fuzzes it.
 */
class PngDecoderFuzzer {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        FuzzInvariant.decode(() -> PngDecoder.open(data, FuzzInvariant.NAME, FuzzInvariant.LIMITS));
    }
}
