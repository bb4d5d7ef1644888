package dev.lamina.colour;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * sRGB to CIELAB. The independent checks: the matrix against the rounded one printed in
 * IEC 61966-2-1 (4 decimals), and colours against the CIELAB values that scikit-image's rgb2lab
 * gives (its matrix is Lindbloom's, built from the tabulated D65 white 0.95047, 1, 1.08883 instead
 * of the chromaticity 0.3127, 0.3290 of the standard, so the two agree to about 7e-3 in L*, a*, b*; a wrong transfer curve or white point is off by 0.1 or more).
 */
class CieLabTest {
    @Test
    void matrixMatchesTheStandardsRoundedTable() {
        double[][] iec = {{0.4124, 0.3576, 0.1805}, {0.2126, 0.7152, 0.0722}, {0.0193, 0.1192, 0.9505}};
        double[][] m = CieLab.matrix();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(iec[r][c], m[r][c], 0.5e-4, "row " + r + " column " + c);
            }
        }
    }

    @Test
    void whiteAndGreysAreExactlyNeutral() {
        double[] white = CieLab.fromSrgb(1, 1, 1);
        assertEquals(100.0, white[0], 1e-9);
        assertEquals(0.0, white[1], 1e-9);
        assertEquals(0.0, white[2], 1e-9);
        for (int v = 0; v < 256; v += 17) {
            double[] grey = CieLab.fromSrgb(v / 255.0, v / 255.0, v / 255.0);
            assertEquals(0.0, grey[1], 1e-9, "grey " + v);
            assertEquals(0.0, grey[2], 1e-9, "grey " + v);
        }
        assertEquals(0.0, CieLab.fromSrgb(0, 0, 0)[0], 1e-12);
    }

    @Test
    void primariesAndAColourMatchScikitImage() {
        // skimage.color.rgb2lab (0.19.3) of the 8-bit colours below, to 4 decimals.
        double[][] cases = {
                {255, 0, 0, 53.2406, 80.0923, 67.2028},
                {0, 255, 0, 87.7351, -86.1830, 83.1797},
                {0, 0, 255, 32.2957, 79.1856, -107.8573},
                {128, 64, 32, 34.7248, 24.9996, 31.3728},
        };
        for (double[] c : cases) {
            double[] lab = CieLab.fromSrgb(c[0] / 255, c[1] / 255, c[2] / 255);
            for (int k = 0; k < 3; k++) {
                assertEquals(c[3 + k], lab[k], 1e-2, "colour " + (int) c[0] + "," + (int) c[1] + "," + (int) c[2]);
            }
        }
    }

    @Test
    void transferFunctionRoundTrips() {
        for (int i = 0; i <= 255; i++) {
            double e = i / 255.0;
            assertEquals(e, SrgbTransfer.toEncoded(SrgbTransfer.toLinear(e)), 1e-12);
            assertEquals(SrgbTransfer.toLinear(e), SrgbTransfer.u8ToLinear(i), 0.0);
        }
    }
}
