package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;

/**
 * Encoder settings beyond {@link dev.lamina.model.JpegOptions}: optimised Huffman tables (a second
 * pass over the coefficients, which are then kept for the whole image) and a restart interval
 * in MCUs (0 for none).
 */
public record JpegEncodeExtras(boolean optimiseHuffman, int restartInterval) {
    public JpegEncodeExtras {
        if (restartInterval < 0 || restartInterval > 65535) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "JPEG restart interval must be 0 to 65535 MCUs, not " + restartInterval);
        }
    }

    public static JpegEncodeExtras none() {
        return new JpegEncodeExtras(false, 0);
    }
}
