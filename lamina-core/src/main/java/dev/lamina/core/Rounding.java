package dev.lamina.core;

/**
 * How Lamina turns a normalised value into a stored integer: the nearest integer, halves rounded
 * up, after clamping to the format's range.
 *
 * <p>Why the tolerance: many exact results are halves (a 50% blend of 10 and 11 is 10.5). Two
 * correct double computations of such a value can land a few ulps either side of the half, and
 * then round differently. Treating anything within {@link #TIE_TOLERANCE} of a half as the half
 * makes the fast paths and the float64 reference agree on ties; no exact result of 8- or 16-bit
 * inputs lies that close to a half without being one.
 */
public final class Rounding {
    /** Distance, in output units, within which a value counts as a tie. */
    public static final double TIE_TOLERANCE = 1e-7;
    private static final double BIAS = 0.5 + TIE_TOLERANCE;

    private Rounding() {
    }

    /** Normalised value (1.0 = 255) to 0..255. */
    public static int toU8(double v) {
        double s = v * 255.0 + BIAS;
        if (!(s >= 1.0)) {         // also catches NaN
            return 0;
        }
        return s >= 256.0 ? 255 : (int) s;
    }

    /** Normalised value (1.0 = 65535) to 0..65535. */
    public static int toU16(double v) {
        double s = v * 65535.0 + BIAS;
        if (!(s >= 1.0)) {
            return 0;
        }
        return s >= 65536.0 ? 65535 : (int) s;
    }
}
