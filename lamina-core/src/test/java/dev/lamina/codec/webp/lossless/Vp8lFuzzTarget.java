package dev.lamina.codec.webp.lossless;

import dev.lamina.LaminaException;
import dev.lamina.Limits;

/**
 * Fuzz entry point for the VP8L decoder (for Jazzer or a plain loop): decodes {@code data} as a
 * {@code VP8L} payload, and again as a headerless image stream (the ALPH form) of a size taken
 * from its first two bytes. The only exception allowed out is {@link LaminaException}; any other
 * is a bug. Limits are small so that a fuzzer's inputs stay fast.
 */
public final class Vp8lFuzzTarget {
    private static final Limits LIMITS = Limits.defaults().maxPixels(1 << 20);

    private Vp8lFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            drain(Vp8lDecoder.rows(data, 0, data.length, "fuzz", LIMITS));
        } catch (LaminaException expected) {
            // refused cleanly
        }
        if (data.length >= 2) {
            int width = 1 + (data[0] & 0x3f);
            int height = 1 + (data[1] & 0x3f);
            try {
                drain(Vp8lDecoder.imageStream(data, 2, data.length - 2, width, height, "fuzz", LIMITS));
            } catch (LaminaException expected) {
                // refused cleanly
            }
        }
    }

    private static void drain(ArgbRowReader rows) {
        for (int y = 0; y < rows.height(); y++) {
            rows.nextRow();
        }
    }
}
