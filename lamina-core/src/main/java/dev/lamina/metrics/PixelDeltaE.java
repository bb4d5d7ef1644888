package dev.lamina.metrics;

import dev.lamina.colour.CieLab;
import dev.lamina.colour.DeltaE2000;
import dev.lamina.colour.SrgbTransfer;
import dev.lamina.core.BandFormat;

/**
 * CIEDE2000 of every pixel of a pair of prepared rows (see {@link PairLayout}): colour values are
 * taken as sRGB-encoded, converted through linear RGB and XYZ (D65) to CIELAB, and compared with
 * {@link DeltaE2000}. Grey counts as R = G = B.
 *
 * <p>Under the default premultiplied comparison the colour of a pixel is its colour composited
 * over black, and a pixel that is fully transparent in both images is not visible: it gets no
 * difference at all (-1 in the output) rather than a difference of 0, so it does not dilute the
 * mean. With straight comparison every pixel is visible.
 *
 * <p>One instance per thread: it keeps scratch arrays.
 */
final class PixelDeltaE {
    /** The marker for a pixel that is not visible in either image. */
    static final double INVISIBLE = -1;

    private final int width;
    private final int bands;
    private final int colourBands;
    private final boolean alphaDecides;
    private final double dataRange;
    private final boolean u8;
    private final double[] labA = new double[3];
    private final double[] labB = new double[3];

    PixelDeltaE(PairLayout layout) {
        this.width = layout.width;
        this.bands = layout.bands;
        this.colourBands = layout.colourBands;
        this.alphaDecides = layout.premultiply;
        this.dataRange = layout.dataRange;
        this.u8 = layout.format == BandFormat.U8;
    }

    /** Writes the difference of each pixel of the two rows to out[0 .. width), or INVISIBLE. */
    void row(double[] a, double[] b, double[] out) {
        for (int x = 0, i = 0; x < width; x++, i += bands) {
            if (alphaDecides && a[i + colourBands] == 0 && b[i + colourBands] == 0) {
                out[x] = INVISIBLE;
                continue;
            }
            boolean same = true;
            for (int c = 0; c < colourBands; c++) {
                same &= a[i + c] == b[i + c];
            }
            if (same) {
                out[x] = 0;   // what the formula gives, without the 20 transcendental calls
                continue;
            }
            lab(a, i, labA);
            lab(b, i, labB);
            out[x] = DeltaE2000.of(labA, labB);
        }
    }

    private void lab(double[] row, int i, double[] lab) {
        if (colourBands == 1) {
            double g = linear(row[i]);
            CieLab.fromLinear(g, g, g, lab, 0);
        } else {
            CieLab.fromLinear(linear(row[i]), linear(row[i + 1]), linear(row[i + 2]), lab, 0);
        }
    }

    private double linear(double v) {
        // Straight and opaque 8-bit values are whole codes: a table look-up instead of a power.
        if (u8 && v == (int) v && v >= 0 && v <= 255) {
            return SrgbTransfer.u8ToLinear((int) v);
        }
        return SrgbTransfer.toLinear(v / dataRange);
    }
}
