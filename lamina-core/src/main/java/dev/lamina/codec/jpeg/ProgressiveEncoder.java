package dev.lamina.codec.jpeg;

import dev.lamina.LaminaException;

import java.io.OutputStream;
import java.util.List;

/** Progressive JPEG output: not written yet. */
final class ProgressiveEncoder {
    private ProgressiveEncoder() {
    }

    static void write(OutputStream out, EncoderLayout layout, List<StripCoder.Coefficients> all, int restartInterval) {
        throw new LaminaException("progressive JPEG output is not supported yet");
    }
}
