package dev.lamina.codec.webp.lossless;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.fuzz.FuzzInvariant;

/**
 * Fuzz target: the lossless WebP (VP8L) decoder under {@link FuzzInvariant}: the input as a
 * {@code VP8L} chunk's payload, every row pulled, and again as a headerless image stream (the
 * form an ALPH chunk holds) of a size taken from its first two bytes. Its regression corpus (the
 * payloads of small cwebp -lossless files) replays in every build; bin/fuzz fuzzes it.
 */
class Vp8lDecoderFuzzer {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        FuzzInvariant.check(() -> drain(Vp8lDecoder.rows(data, 0, data.length, FuzzInvariant.NAME, FuzzInvariant.LIMITS)));
        if (data.length >= 2) {
            int width = 1 + (data[0] & 0x3f);
            int height = 1 + (data[1] & 0x3f);
            FuzzInvariant.check(() -> drain(Vp8lDecoder.imageStream(data, 2, data.length - 2, width, height,
                    FuzzInvariant.NAME, FuzzInvariant.LIMITS)));
        }
    }

    private static void drain(ArgbRowReader rows) {
        for (int y = 0; y < rows.height(); y++) {
            rows.nextRow();
        }
    }
}
