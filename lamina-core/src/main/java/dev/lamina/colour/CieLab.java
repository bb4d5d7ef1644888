package dev.lamina.colour;

/**
 * Conversion from sRGB to CIELAB (D65 reference white, CIE 1976 formulas), by way of linear RGB
 * and CIE XYZ.
 *
 * <p>The RGB to XYZ matrix is derived here from the sRGB primaries and the D65 chromaticity that
 * IEC 61966-2-1 specifies, rather than copied as a rounded table, and the reference white is the
 * matrix's own image of RGB (1, 1, 1). So sRGB white is exactly L* 100, a* 0, b* 0 and every grey is
 * exactly neutral, which rounded published tables (the 4- or 6-digit matrices) miss by about 1e-4.
 */
public final class CieLab {
    /** Rows of the linear sRGB to XYZ matrix (Y of white = 1). */
    private static final double[][] RGB_TO_XYZ = rgbToXyz();
    private static final double WHITE_X = RGB_TO_XYZ[0][0] + RGB_TO_XYZ[0][1] + RGB_TO_XYZ[0][2];
    private static final double WHITE_Y = 1.0;
    private static final double WHITE_Z = RGB_TO_XYZ[2][0] + RGB_TO_XYZ[2][1] + RGB_TO_XYZ[2][2];
    private static final double EPSILON = 216.0 / 24389.0;   // (6/29)^3, CIE's exact form
    private static final double KAPPA = 24389.0 / 27.0;      // (29/3)^3

    private CieLab() {
    }

    /** The linear-RGB-to-XYZ matrix, rows X, Y, Z. A copy: for tests and documentation. */
    public static double[][] matrix() {
        return new double[][] {RGB_TO_XYZ[0].clone(), RGB_TO_XYZ[1].clone(), RGB_TO_XYZ[2].clone()};
    }

    /**
     * Linear RGB (0..1) to L*, a*, b*, written to {@code lab[offset..offset+3)}. Allocation-free, for
     * per-pixel loops.
     */
    public static void fromLinear(double r, double g, double b, double[] lab, int offset) {
        double x = RGB_TO_XYZ[0][0] * r + RGB_TO_XYZ[0][1] * g + RGB_TO_XYZ[0][2] * b;
        double y = RGB_TO_XYZ[1][0] * r + RGB_TO_XYZ[1][1] * g + RGB_TO_XYZ[1][2] * b;
        double z = RGB_TO_XYZ[2][0] * r + RGB_TO_XYZ[2][1] * g + RGB_TO_XYZ[2][2] * b;
        double fx = f(x / WHITE_X), fy = f(y / WHITE_Y), fz = f(z / WHITE_Z);
        lab[offset] = 116 * fy - 16;
        lab[offset + 1] = 500 * (fx - fy);
        lab[offset + 2] = 200 * (fy - fz);
    }

    /** Encoded sRGB (0..1 per channel) to L*, a*, b*. */
    public static double[] fromSrgb(double r, double g, double b) {
        double[] lab = new double[3];
        fromLinear(SrgbTransfer.toLinear(r), SrgbTransfer.toLinear(g), SrgbTransfer.toLinear(b), lab, 0);
        return lab;
    }

    private static double f(double t) {
        // The linear segment below EPSILON joins the cube root with matching value and slope.
        return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
    }

    /**
     * The classic derivation: XYZ of each primary at unit luminance, scaled so that the three sum to
     * the white point's XYZ (Y = 1).
     */
    private static double[][] rgbToXyz() {
        double[][] xy = {{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}};
        double wx = 0.3127, wy = 0.3290;
        double[][] p = new double[3][3];   // columns: primaries' XYZ with Y = 1
        for (int i = 0; i < 3; i++) {
            p[0][i] = xy[i][0] / xy[i][1];
            p[1][i] = 1.0;
            p[2][i] = (1 - xy[i][0] - xy[i][1]) / xy[i][1];
        }
        double[] w = {wx / wy, 1.0, (1 - wx - wy) / wy};
        double[] s = solve(p, w);
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = p[r][c] * s[c];
            }
        }
        return m;
    }

    /** Solves the 3x3 system a x = b by Cramer's rule (well conditioned for these primaries). */
    private static double[] solve(double[][] a, double[] b) {
        double d = det(a);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int r = 0; r < 3; r++) {
                m[r][c] = b[r];
            }
            x[c] = det(m) / d;
        }
        return x;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
