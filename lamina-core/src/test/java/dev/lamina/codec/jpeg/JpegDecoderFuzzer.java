package dev.lamina.codec.jpeg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.fuzz.FuzzInvariant;

/**
 * Fuzz target: the JPEG decoder (markers, tables, baseline and progressive scans, restart markers,
 * EXIF orientation applied on load), at full size or reduced on load, strict or keeping what
 * decoded, under {@link FuzzInvariant}. The input's length picks the scale (1, 2, 4, 8) and the
 * strictness, so the mutated bytes stay the file's own.
 */
class JpegDecoderFuzzer {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        int shrink = 1 << (data.length & 3);
        LoadOptions load = LoadOptions.defaults().limits(FuzzInvariant.LIMITS).failOnError((data.length & 4) == 0);
        FuzzInvariant.decode(() -> Decoders.open(data, FuzzInvariant.NAME, load, shrink));
    }
}
