package dev.lamina.codec.jpeg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The encoder's table-driven RGB to YCbCr against jccolor.c's formula, for all 2^24 colours. */
class JpegColourConvertTest {

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    @Test
    void everyColourConvertsAsJccolor() {
        int half = 1 << 15;
        int cbcrOffset = (128 << 16) + half - 1;
        byte[] row = new byte[256 * 3];
        byte[] y = new byte[256];
        byte[] cb = new byte[256];
        byte[] cr = new byte[256];
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++) {
                    row[3 * b] = (byte) r;
                    row[3 * b + 1] = (byte) g;
                    row[3 * b + 2] = (byte) b;
                }
                StripCoder.rgbToYcc(row, 0, y, cb, cr, 0, 256);
                for (int b = 0; b < 256; b++) {
                    int ey = (fix(0.29900) * r + fix(0.58700) * g + fix(0.11400) * b + half) >> 16;
                    int ecb = (-fix(0.16874) * r - fix(0.33126) * g + fix(0.5) * b + cbcrOffset) >> 16;
                    int ecr = (fix(0.5) * r - fix(0.41869) * g - fix(0.08131) * b + cbcrOffset) >> 16;
                    if (ey != (y[b] & 0xFF) || ecb != (cb[b] & 0xFF) || ecr != (cr[b] & 0xFF)) {
                        assertEquals(ey + "," + ecb + "," + ecr, (y[b] & 0xFF) + "," + (cb[b] & 0xFF) + "," + (cr[b] & 0xFF),
                                "RGB " + r + "," + g + "," + b);
                    }
                }
            }
        }
    }
}
