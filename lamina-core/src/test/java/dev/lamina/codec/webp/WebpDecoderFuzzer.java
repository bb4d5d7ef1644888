package dev.lamina.codec.webp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.codec.webp.lossy.Vp8Decoder;
import dev.lamina.fuzz.FuzzInvariant;

/**
 * Fuzz target: the WebP container and the lossy (VP8) decoder under {@link FuzzInvariant}: the
 * input as a whole file (RIFF, VP8X, ALPH, metadata and animation chunks, lossy and lossless
 * images), every pixel pulled, and as a bare VP8 frame. Its regression corpus (small files made by
 * cwebp, webpmux and img2webp) replays in every build; bin/fuzz fuzzes it.
 */
class WebpDecoderFuzzer {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        FuzzInvariant.decode(() -> WebpDecoder.open(data, FuzzInvariant.NAME, FuzzInvariant.LIMITS));
        if (data.length > 20) {
            // The same bytes from the first chunk's payload on, as a VP8 frame on its own.
            FuzzInvariant.check(() -> dev.lamina.core.CorruptDataGuard.run(FuzzInvariant.NAME, "WebP", () -> {
                Vp8Decoder d = Vp8Decoder.open(data, 20, data.length - 20, FuzzInvariant.NAME, FuzzInvariant.LIMITS);
                byte[] row = new byte[d.width() * 3];
                for (int y = 0; y < d.height(); y++) {
                    d.rgbRow(y, row, 0, 3);
                }
                return null;
            }));
        }
    }
}
