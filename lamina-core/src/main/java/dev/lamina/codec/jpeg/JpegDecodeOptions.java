package dev.lamina.codec.jpeg;

import dev.lamina.LaminaException;

import java.util.function.Consumer;

/**
 * How to decode a JPEG.
 *
 * @param autoOrient  apply the EXIF orientation (materialises the image when it is not 1)
 * @param scale       DCT-domain reduction: 1, 2, 4 or 8 (output is ceil(size / scale))
 * @param failOnError throw on truncated or corrupt entropy data (default); when false, keep what
 *                    decoded (the rest is mid-grey) and pass a warning to {@code warnings}
 * @param warnings    receives one line per recoverable problem; {@code null} logs them
 */
public record JpegDecodeOptions(boolean autoOrient, int scale, boolean failOnError, Consumer<String> warnings) {

    public JpegDecodeOptions {
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new LaminaException("JPEG decode scale must be 1, 2, 4 or 8, not " + scale);
        }
        if (warnings == null) {
            System.Logger log = System.getLogger("dev.lamina.codec.jpeg");
            warnings = w -> log.log(System.Logger.Level.WARNING, w);
        }
    }

    /** Auto-orient, full size, fail on error. */
    public static JpegDecodeOptions defaults() {
        return new JpegDecodeOptions(true, 1, true, null);
    }

    public JpegDecodeOptions autoOrient(boolean on) {
        return new JpegDecodeOptions(on, scale, failOnError, warnings);
    }

    public JpegDecodeOptions scale(int denominator) {
        return new JpegDecodeOptions(autoOrient, denominator, failOnError, warnings);
    }

    public JpegDecodeOptions failOnError(boolean on) {
        return new JpegDecodeOptions(autoOrient, scale, on, warnings);
    }

    public JpegDecodeOptions warnings(Consumer<String> sink) {
        return new JpegDecodeOptions(autoOrient, scale, failOnError, sink);
    }
}
