package dev.lamina.codec.jpeg;

import dev.lamina.simd.Vectors;
import dev.lamina.simd.YccToRgb;

/**
 * Colour conversions of the decoder, with libjpeg 6b's fixed-point tables (jdcolor.c, 16
 * fraction bits), so YCbCr decodes to exactly the RGB that libjpeg (and the JDK's ImageIO)
 * returns. YCbCr to RGB also has a Vector API form ({@link Vectors#yccToRgb}, used when the JVM
 * runs vector kernels) that computes the tables' products and writes the interleaved row 24 bytes
 * at a time: the same bytes.
 *
 * <p>CMYK: Adobe applications write CMYK JPEGs inverted (255 = no ink), and libjpeg and
 * TwelveMonkeys pass the stored values on. Lamina converts to RGB the simple way, without a
 * profile, on those stored values: R = C' x K' / 255 (rounded), where C' and K' are the stored
 * (inverted) values, i.e. R = (255 - C)(255 - K) / 255 in ink terms.
 */
final class ColourConvert {
    private ColourConvert() {
    }

    private static final int ONE_HALF = 1 << 15;
    static final int[] CR_R = new int[256];
    static final int[] CB_B = new int[256];
    static final int[] CR_G = new int[256];
    static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> 16;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> 16;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    /** The vector form when this JVM runs vector kernels ({@link Vectors}), else null. */
    private static final YccToRgb VECTOR = Vectors.yccToRgb();

    static void ycbcrToRgb(byte[] y, int yp, byte[] cb, int cbp, byte[] cr, int crp, byte[] out, int o, int n) {
        ycbcrToRgb(VECTOR, y, yp, cb, cbp, cr, crp, out, o, n);
    }

    /**
     * With the given vector form converting what it can first (all but the row's last few pixels),
     * or the tables alone for null (the tests run both).
     */
    static void ycbcrToRgb(YccToRgb vector, byte[] y, int yp, byte[] cb, int cbp, byte[] cr, int crp,
                           byte[] out, int o, int n) {
        int done = vector == null ? 0 : vector.convert(y, yp, cb, cbp, cr, crp, out, o, n);
        o += 3 * done;
        for (int i = done; i < n; i++) {
            int yy = y[yp + i] & 0xFF;
            int b = cb[cbp + i] & 0xFF;
            int r = cr[crp + i] & 0xFF;
            out[o] = (byte) clamp(yy + CR_R[r]);
            out[o + 1] = (byte) clamp(yy + ((CB_G[b] + CR_G[r]) >> 16));
            out[o + 2] = (byte) clamp(yy + CB_B[b]);
            o += 3;
        }
    }

    static void interleave3(byte[] a, int ap, byte[] b, int bp, byte[] c, int cp, byte[] out, int o, int n) {
        for (int i = 0; i < n; i++) {
            out[o] = a[ap + i];
            out[o + 1] = b[bp + i];
            out[o + 2] = c[cp + i];
            o += 3;
        }
    }

    /** YCCK to (inverted, as stored by Adobe) CMYK, as libjpeg's ycck_cmyk_convert. */
    static void ycckToCmyk(byte[] y, int yp, byte[] cb, int cbp, byte[] cr, int crp, byte[] k, int kp,
                           byte[] out, int o, int n) {
        for (int i = 0; i < n; i++) {
            int yy = y[yp + i] & 0xFF;
            int b = cb[cbp + i] & 0xFF;
            int r = cr[crp + i] & 0xFF;
            out[o] = (byte) (255 - clamp(yy + CR_R[r]));
            out[o + 1] = (byte) (255 - clamp(yy + ((CB_G[b] + CR_G[r]) >> 16)));
            out[o + 2] = (byte) (255 - clamp(yy + CB_B[b]));
            out[o + 3] = k[kp + i];
            o += 4;
        }
    }

    /** Stored (inverted) CMYK, 4 interleaved bands, to RGB: R = C' K' / 255, rounded. */
    static void cmykToRgb(byte[] cmyk, int o4, byte[] out, int o, int n) {
        for (int i = 0; i < n; i++) {
            int k = cmyk[o4 + 3] & 0xFF;
            out[o] = (byte) (((cmyk[o4] & 0xFF) * k + 127) / 255);
            out[o + 1] = (byte) (((cmyk[o4 + 1] & 0xFF) * k + 127) / 255);
            out[o + 2] = (byte) (((cmyk[o4 + 2] & 0xFF) * k + 127) / 255);
            o4 += 4;
            o += 3;
        }
    }
}
