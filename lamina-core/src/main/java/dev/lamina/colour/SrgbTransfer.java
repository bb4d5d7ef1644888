package dev.lamina.colour;

/**
 * The sRGB transfer function of IEC 61966-2-1: between encoded values (what files store) and
 * linear light, both normalised to 0..1.
 *
 * <p>The piecewise form with the 0.04045 threshold is the standard's own; the pure 2.2 power that
 * some tools use instead differs by up to 0.5% near black, which is enough to move CIEDE2000 by a
 * visible amount in shadows.
 */
public final class SrgbTransfer {
    private static final double[] U8_TO_LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            U8_TO_LINEAR[i] = toLinear(i / 255.0);
        }
    }

    private SrgbTransfer() {
    }

    /** Encoded sRGB (0..1) to linear light (0..1). Values outside 0..1 are extended symmetrically. */
    public static double toLinear(double encoded) {
        double v = Math.abs(encoded);
        double linear = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return Math.copySign(linear, encoded);
    }

    /** Linear light (0..1) to encoded sRGB (0..1). */
    public static double toEncoded(double linear) {
        double v = Math.abs(linear);
        double encoded = v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return Math.copySign(encoded, linear);
    }

    /** The linear value of an 8-bit code, from a table: the common case in per-pixel loops. */
    public static double u8ToLinear(int code) {
        return U8_TO_LINEAR[code];
    }
}
