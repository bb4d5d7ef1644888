package dev.lamina.composite;

/**
 * Moves rows between an input's own band layout and the canonical layout the mode kernels work
 * in: {@code C} colour samples then alpha (C = 1 for grey, 3 for RGB). Grey inputs are replicated
 * into R = G = B when the composite is RGB; inputs without alpha are opaque.
 *
 * <p>Samples are clamped to 0..1 on the way in (NaN reads as 0): only F32 inputs can be outside,
 * and the W3C formulas are defined on 0..1 only.
 */
final class CanonicalRows {
    private CanonicalRows() {
    }

    /** Turns {@code n} pixels of normalised input samples into straight canonical pixels, alpha times {@code opacity}. */
    @FunctionalInterface
    interface Loader {
        void load(double[] raw, double[] dst, int n, double opacity);
    }

    /** The loader for an input of {@code inColours} colour bands (with or without alpha) into {@code colours}. */
    static Loader loader(int inColours, boolean inAlpha, int colours) {
        if (inColours == 3 && colours == 1) {
            throw new IllegalArgumentException("RGB input in a grey composite");
        }
        if (colours == 1) {
            return inAlpha ? CanonicalRows::greyAlphaToGrey : CanonicalRows::greyToGrey;
        }
        if (inColours == 1) {
            return inAlpha ? CanonicalRows::greyAlphaToRgb : CanonicalRows::greyToRgb;
        }
        return inAlpha ? CanonicalRows::rgbaToRgb : CanonicalRows::rgbToRgb;
    }

    static double unit(double v) {
        return v >= 0.0 ? (v <= 1.0 ? v : 1.0) : 0.0;   // NaN fails both tests and becomes 0
    }

    private static void greyToGrey(double[] raw, double[] dst, int n, double opacity) {
        for (int i = 0; i < n; i++) {
            dst[2 * i] = unit(raw[i]);
            dst[2 * i + 1] = opacity;
        }
    }

    private static void greyAlphaToGrey(double[] raw, double[] dst, int n, double opacity) {
        for (int i = 0; i < 2 * n; i += 2) {
            dst[i] = unit(raw[i]);
            dst[i + 1] = unit(raw[i + 1]) * opacity;
        }
    }

    private static void greyToRgb(double[] raw, double[] dst, int n, double opacity) {
        for (int i = 0, d = 0; i < n; i++, d += 4) {
            double g = unit(raw[i]);
            dst[d] = g;
            dst[d + 1] = g;
            dst[d + 2] = g;
            dst[d + 3] = opacity;
        }
    }

    private static void greyAlphaToRgb(double[] raw, double[] dst, int n, double opacity) {
        for (int s = 0, d = 0; s < 2 * n; s += 2, d += 4) {
            double g = unit(raw[s]);
            dst[d] = g;
            dst[d + 1] = g;
            dst[d + 2] = g;
            dst[d + 3] = unit(raw[s + 1]) * opacity;
        }
    }

    private static void rgbToRgb(double[] raw, double[] dst, int n, double opacity) {
        for (int s = 0, d = 0; s < 3 * n; s += 3, d += 4) {
            dst[d] = unit(raw[s]);
            dst[d + 1] = unit(raw[s + 1]);
            dst[d + 2] = unit(raw[s + 2]);
            dst[d + 3] = opacity;
        }
    }

    private static void rgbaToRgb(double[] raw, double[] dst, int n, double opacity) {
        for (int i = 0; i < 4 * n; i += 4) {
            dst[i] = unit(raw[i]);
            dst[i + 1] = unit(raw[i + 1]);
            dst[i + 2] = unit(raw[i + 2]);
            dst[i + 3] = unit(raw[i + 3]) * opacity;
        }
    }

    /** Straight to premultiplied, in place: what the backdrop is kept as while layers are drawn. */
    static void premultiply(double[] row, int n, int colours) {
        final int k = colours + 1;
        for (int d = 0; d < n * k; d += k) {
            double a = row[d + colours];
            for (int b = 0; b < colours; b++) {
                row[d + b] *= a;
            }
        }
    }

    /**
     * Premultiplied back to straight, in place: alpha clamped to 0..1, colour clamped to 0..alpha
     * (add and out-of-range arithmetic can overshoot), and colour 0 where alpha is 0.
     */
    static void unpremultiply(double[] row, int n, int colours) {
        final int k = colours + 1;
        for (int d = 0; d < n * k; d += k) {
            double a = unit(row[d + colours]);
            row[d + colours] = a;
            if (a > 0.0) {
                for (int b = 0; b < colours; b++) {
                    double c = row[d + b];
                    row[d + b] = (c >= 0.0 ? (c <= a ? c : a) : 0.0) / a;
                }
            } else {
                for (int b = 0; b < colours; b++) {
                    row[d + b] = 0.0;
                }
            }
        }
    }

    /** Copies the colour samples of {@code n} canonical pixels into {@code dst}, dropping alpha. */
    static void dropAlpha(double[] row, double[] dst, int n, int colours) {
        final int k = colours + 1;
        for (int s = 0, d = 0; s < n * k; s += k, d += colours) {
            for (int b = 0; b < colours; b++) {
                dst[d + b] = row[s + b];
            }
        }
    }
}
