package dev.lamina.bench.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Ciede2000Test {

    /** Pairs and expected ΔE00 from Sharma, Wu and Dalal (2005), table 1, to their 4 decimals. */
    @ParameterizedTest
    @CsvSource({
        "50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425",
        "50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615",
        "50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669",
        "50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195",
        "50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492",
        "50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000",
        "60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
        "22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373",
        "2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082",
    })
    void matchesSharmasTable(double l1, double a1, double b1, double l2, double a2, double b2, double expected) {
        assertEquals(expected, Ciede2000.delta(l1, a1, b1, l2, a2, b2), 5e-5);
        assertEquals(expected, Ciede2000.delta(l2, a2, b2, l1, a1, b1), 5e-5, "symmetric");
    }

    @Test
    void srgbWhiteAndRedHaveTheirPublishedLab() {
        double[] white = Ciede2000.srgbToLab(1, 1, 1);
        assertEquals(100, white[0], 1e-3);
        assertEquals(0, white[1], 1e-2);
        assertEquals(0, white[2], 1e-2);
        // sRGB red, D65: L* 53.24, a* 80.09, b* 67.20 (Lindbloom's calculator).
        double[] red = Ciede2000.srgbToLab(1, 0, 0);
        assertEquals(53.24, red[0], 0.01);
        assertEquals(80.09, red[1], 0.02);
        assertEquals(67.20, red[2], 0.02);
    }
}
