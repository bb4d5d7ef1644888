package dev.lamina.colour;

/**
 * The CIEDE2000 colour difference (CIE 142-2001) with the parametric factors kL = kC = kH = 1,
 * implemented as in Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference Formula: Implementation
 * Notes, Supplementary Test Data, and Mathematical Observations", Color Res. Appl. 30(1), 2005.
 *
 * <p>The paper's notes that implementations commonly get wrong, and that this one follows: hue
 * angles of zero-chroma colours are 0 and their hue difference is 0; the hue difference and the
 * mean hue are taken the short way round the circle: the mean is (h1 + h2) / 2 when
 * |h1 - h2| &lt;= 180, so two hues exactly 180 degrees apart take the plain mean (equation 14; the
 * paper's pairs 9-15 sit on both sides of that edge); hue angles are in degrees in [0, 360).
 */
public final class DeltaE2000 {
    private static final double POW25_7 = 6103515625.0;   // 25^7

    private DeltaE2000() {
    }

    /** The difference between two CIELAB colours. Symmetric in its two arguments. */
    public static double of(double l1, double a1, double b1, double l2, double a2, double b2) {
        double c1ab = Math.sqrt(a1 * a1 + b1 * b1);
        double c2ab = Math.sqrt(a2 * a2 + b2 * b2);
        double cMean = 0.5 * (c1ab + c2ab);
        double cMean7 = pow7(cMean);
        double g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + POW25_7)));
        double a1p = (1 + g) * a1, a2p = (1 + g) * a2;
        double c1p = Math.sqrt(a1p * a1p + b1 * b1);
        double c2p = Math.sqrt(a2p * a2p + b2 * b2);
        double h1p = hueDegrees(b1, a1p);
        double h2p = hueDegrees(b2, a2p);

        double dLp = l2 - l1;
        double dCp = c2p - c1p;
        double cProduct = c1p * c2p;
        double dhp;
        if (cProduct == 0) {
            dhp = 0;
        } else {
            dhp = h2p - h1p;
            if (dhp > 180) {
                dhp -= 360;
            } else if (dhp < -180) {
                dhp += 360;
            }
        }
        double dHp = 2 * Math.sqrt(cProduct) * Math.sin(Math.toRadians(dhp / 2));

        double lMean = 0.5 * (l1 + l2);
        double cpMean = 0.5 * (c1p + c2p);
        double hpMean;
        if (cProduct == 0) {
            hpMean = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hpMean = 0.5 * (h1p + h2p);
        } else if (h1p + h2p < 360) {
            hpMean = 0.5 * (h1p + h2p + 360);
        } else {
            hpMean = 0.5 * (h1p + h2p - 360);
        }

        double t = 1 - 0.17 * cosDeg(hpMean - 30) + 0.24 * cosDeg(2 * hpMean)
                + 0.32 * cosDeg(3 * hpMean + 6) - 0.20 * cosDeg(4 * hpMean - 63);
        double dTheta = 30 * Math.exp(-square((hpMean - 275) / 25));
        double cpMean7 = pow7(cpMean);
        double rc = 2 * Math.sqrt(cpMean7 / (cpMean7 + POW25_7));
        double lm50 = square(lMean - 50);
        double sl = 1 + 0.015 * lm50 / Math.sqrt(20 + lm50);
        double sc = 1 + 0.045 * cpMean;
        double sh = 1 + 0.015 * cpMean * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;

        double tl = dLp / sl, tc = dCp / sc, th = dHp / sh;
        double sum = tl * tl + tc * tc + th * th + rt * tc * th;
        // The rotation term can make the sum a hair negative for near-identical colours.
        return sum > 0 ? Math.sqrt(sum) : 0;
    }

    /** The difference between two CIELAB colours given as {L, a, b} arrays. */
    public static double of(double[] lab1, double[] lab2) {
        return of(lab1[0], lab1[1], lab1[2], lab2[0], lab2[1], lab2[2]);
    }

    private static double hueDegrees(double b, double ap) {
        if (b == 0 && ap == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }

    private static double cosDeg(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    private static double square(double v) {
        return v * v;
    }

    private static double pow7(double v) {
        double v2 = v * v;
        return v2 * v2 * v2 * v;
    }
}
