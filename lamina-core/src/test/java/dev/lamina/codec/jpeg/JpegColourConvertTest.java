package dev.lamina.codec.jpeg;

import dev.lamina.simd.Vectors;
import dev.lamina.simd.YccToRgb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The encoder's table-driven RGB to YCbCr against jccolor.c's formula, and the decoder's YCbCr to
 * RGB (tables, and the vector form) against jdcolor.c's, each for all 2^24 inputs.
 */
class JpegColourConvertTest {

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    /**
     * Every RGB colour through StripCoder.rgbToYcc, the tables alone and with the vector form (all
     * but a row's last few pixels: each row of 256 blue values is converted twice, rotated by 128,
     * so that every colour goes through the vector part).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyColourConvertsAsJccolor(boolean vector) throws ReflectiveOperationException {
        dev.lamina.simd.RgbToYcc kernel = vector ? Vectors.newVectorRgbToYcc() : null;
        byte[] row = new byte[256 * 3];
        byte[] y = new byte[256];
        byte[] cb = new byte[256];
        byte[] cr = new byte[256];
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int rot = 0; rot < 256; rot += 128) {
                    for (int k = 0; k < 256; k++) {
                        row[3 * k] = (byte) r;
                        row[3 * k + 1] = (byte) g;
                        row[3 * k + 2] = (byte) (k + rot);
                    }
                    StripCoder.rgbToYcc(kernel, row, 0, y, cb, cr, 0, 256);
                    for (int k = 0; k < 256; k++) {
                        int b = (k + rot) & 255;
                        int want = jccolor(r, g, b);
                        int got = (y[k] & 0xFF) | (cb[k] & 0xFF) << 8 | (cr[k] & 0xFF) << 16;
                        if (got != want) {
                            assertEquals(Integer.toHexString(want), Integer.toHexString(got),
                                    "RGB " + r + "," + g + "," + b + " (0xCrCbY)");
                        }
                    }
                }
            }
        }
        // short rows at the very end of their array (a read past the row would throw), every
        // length up to 40, from odd offsets
        java.util.Random rnd = new java.util.Random(15);
        for (int n = 0; n <= 40; n++) {
            for (int t = 0; t < 50; t++) {
                int ip = rnd.nextInt(4);
                byte[] in = new byte[ip + 3 * n];
                rnd.nextBytes(in);
                int o = rnd.nextInt(3);
                byte[] py = new byte[o + n];
                byte[] pb = new byte[o + n];
                byte[] pr = new byte[o + n];
                StripCoder.rgbToYcc(kernel, in, ip, py, pb, pr, o, n);
                for (int k = 0; k < n; k++) {
                    int want = jccolor(in[ip + 3 * k] & 0xFF, in[ip + 3 * k + 1] & 0xFF, in[ip + 3 * k + 2] & 0xFF);
                    int got = (py[o + k] & 0xFF) | (pb[o + k] & 0xFF) << 8 | (pr[o + k] & 0xFF) << 16;
                    assertEquals(Integer.toHexString(want), Integer.toHexString(got), "pixel " + k + " of " + n);
                }
            }
        }
        if (vector) {
            assertTrue(kernel.convert(row, 0, y, cb, cr, 0, 256) >= 246, "the vector form converts most of a row");
        }
    }

    /** jccolor.c's rgb_ycc_convert from its table definitions, as Y | Cb << 8 | Cr << 16. */
    private static int jccolor(int r, int g, int b) {
        int half = 1 << 15;
        int cbcrOffset = (128 << 16) + half - 1;
        int ey = (fix(0.29900) * r + fix(0.58700) * g + fix(0.11400) * b + half) >> 16;
        int ecb = (-fix(0.16874) * r - fix(0.33126) * g + fix(0.5) * b + cbcrOffset) >> 16;
        int ecr = (fix(0.5) * r - fix(0.41869) * g - fix(0.08131) * b + cbcrOffset) >> 16;
        return ey | ecb << 8 | ecr << 16;
    }

    /**
     * jdcolor.c's ycc_rgb_convert written out from the JFIF equations with libjpeg's 16-bit fixed
     * point (R = Y + 1.402 Cr', G = Y - 0.34414 Cb' - 0.71414 Cr', B = Y + 1.772 Cb', rounded the way
     * its tables round), independent of ColourConvert's tables.
     */
    private static int jdcolor(int y, int cb, int cr) {
        int half = 1 << 15;
        int r = y + ((fix(1.40200) * (cr - 128) + half) >> 16);
        int g = y + ((-fix(0.34414) * (cb - 128) - fix(0.71414) * (cr - 128) + half) >> 16);
        int b = y + ((fix(1.77200) * (cb - 128) + half) >> 16);
        return Math.clamp(r, 0, 255) | Math.clamp(g, 0, 255) << 8 | Math.clamp(b, 0, 255) << 16;
    }

    /**
     * Every (Y, Cb, Cr) through ColourConvert.ycbcrToRgb, the tables alone and with the vector form
     * (which converts all but a row's last few pixels: each row of 256 Y values is converted twice,
     * rotated by 128, so that every input goes through the vector part), from odd offsets, against
     * {@link #jdcolor}. Rows of every length up to 40 check the hand-over to the scalar tail and
     * that nothing is written past the row.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyYccDecodesAsJdcolor(boolean vector) throws ReflectiveOperationException {
        YccToRgb kernel = vector ? Vectors.newVectorYccToRgb() : null;
        byte[] y = new byte[256 + 3];
        byte[] cb = new byte[256 + 5];
        byte[] cr = new byte[256 + 7];
        byte[] out = new byte[1 + 3 * 256 + 16];
        for (int c = 0; c < 1 << 16; c++) {
            int b = c >> 8;
            int r = c & 255;
            for (int rot = 0; rot < 256; rot += 128) {
                for (int i = 0; i < 256; i++) {
                    y[3 + i] = (byte) (i + rot);
                    cb[5 + i] = (byte) b;
                    cr[7 + i] = (byte) r;
                }
                java.util.Arrays.fill(out, (byte) 0x5A);
                ColourConvert.ycbcrToRgb(kernel, y, 3, cb, 5, cr, 7, out, 1, 256);
                for (int i = 0; i < 256; i++) {
                    int yy = (i + rot) & 255;
                    int o = 1 + 3 * i;
                    int got = (out[o] & 0xFF) | (out[o + 1] & 0xFF) << 8 | (out[o + 2] & 0xFF) << 16;
                    if (got != jdcolor(yy, b, r)) {
                        assertEquals(Integer.toHexString(jdcolor(yy, b, r)), Integer.toHexString(got),
                                "YCbCr " + yy + "," + b + "," + r + " (0xBBGGRR)");
                    }
                }
                assertEquals(0x5A, out[0]);
                for (int k = 1 + 3 * 256; k < out.length; k++) {
                    assertEquals(0x5A, out[k], "written past the row");
                }
            }
        }
        java.util.Random rnd = new java.util.Random(15);
        for (int n = 0; n <= 40; n++) {
            for (int t = 0; t < 50; t++) {
                byte[] yy = new byte[n + 2];
                byte[] bb = new byte[n + 2];
                byte[] rr = new byte[n + 2];
                rnd.nextBytes(yy);
                rnd.nextBytes(bb);
                rnd.nextBytes(rr);
                int o = rnd.nextInt(4);
                byte[] got = new byte[o + 3 * n + 40];
                java.util.Arrays.fill(got, (byte) 0x5A);
                ColourConvert.ycbcrToRgb(kernel, yy, 1, bb, 2, rr, 0, got, o, n);
                for (int i = 0; i < n; i++) {
                    int e = jdcolor(yy[1 + i] & 0xFF, bb[2 + i] & 0xFF, rr[i] & 0xFF);
                    for (int k = 0; k < 3; k++) {
                        assertEquals(e >> 8 * k & 0xFF, got[o + 3 * i + k] & 0xFF, "pixel " + i + " of " + n);
                    }
                }
                for (int k = 0; k < got.length; k++) {
                    if (k < o || k >= o + 3 * n) {
                        assertEquals(0x5A, got[k], "byte " + k + " outside the row of " + n);
                    }
                }
            }
        }
        if (vector) {
            assertTrue(kernel.convert(y, 0, cb, 0, cr, 0, out, 0, 256) >= 246, "the vector form converts most of a row");
        }
    }
}
