package dev.lamina.composite;

/**
 * The separable blend functions B(Cb, Cs) of W3C Compositing and Blending Level 1, section 9.1,
 * each one loop over a row of straight colour samples ({@code cb} the backdrop, {@code cs} the
 * source). Conditions are written as in the specification so results agree with it at the edges.
 */
final class BlendFunctions {
    private BlendFunctions() {
    }

    static void multiply(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = cb[i] * cs[i];
        }
    }

    static void screen(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = cb[i] + cs[i] - cb[i] * cs[i];
        }
    }

    /** Overlay is hard-light with the roles swapped: the backdrop decides. */
    static void overlay(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = hardLight(cs[i], cb[i]);
        }
    }

    static void darken(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = Math.min(cb[i], cs[i]);
        }
    }

    static void lighten(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = Math.max(cb[i], cs[i]);
        }
    }

    static void colourDodge(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            double b = cb[i], s = cs[i];
            out[i] = b == 0 ? 0 : s == 1 ? 1 : Math.min(1.0, b / (1.0 - s));
        }
    }

    static void colourBurn(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            double b = cb[i], s = cs[i];
            out[i] = b == 1 ? 1 : s == 0 ? 0 : 1.0 - Math.min(1.0, (1.0 - b) / s);
        }
    }

    static void hardLight(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = hardLight(cb[i], cs[i]);
        }
    }

    /** Hard-light: multiply(Cb, 2·Cs) up to Cs = 0.5, screen(Cb, 2·Cs - 1) above. */
    private static double hardLight(double b, double s) {
        if (s <= 0.5) {
            return b * (2.0 * s);
        }
        double s2 = 2.0 * s - 1.0;
        return b + s2 - b * s2;
    }

    static void softLight(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            double b = cb[i], s = cs[i];
            if (s <= 0.5) {
                out[i] = b - (1.0 - 2.0 * s) * b * (1.0 - b);
            } else {
                double d = b <= 0.25 ? ((16.0 * b - 12.0) * b + 4.0) * b : Math.sqrt(b);
                out[i] = b + (2.0 * s - 1.0) * (d - b);
            }
        }
    }

    static void difference(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = Math.abs(cb[i] - cs[i]);
        }
    }

    static void exclusion(double[] cb, double[] cs, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            out[i] = cb[i] + cs[i] - 2.0 * cb[i] * cs[i];
        }
    }
}
