package dev.lamina.reference.draw;

import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;
import dev.lamina.draw.ShapeCoverage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Curves end to end: circles made of cubic arcs, flattened and rasterised, against the exact area
 * of the true disc in each pixel (an integral, no polygon). The flattening tolerance is chosen so
 * that 8-bit coverage stays within 1 of the true curve's (docs/precision.md); this holds it to that.
 */
class CurveExactnessTest {

    @ParameterizedTest(name = "r {2} at ({0}, {1})")
    @CsvSource({"8.5, 8.5, 0.4", "6.3, 7.1, 3.25", "20.17, 19.6, 17.8", "40.5, 33.3, 31.9", "64, 64, 63.5",
            "150.2, 10.7, 149"})
    void circleIsWithinOneOfTheTrueDisc(double cx, double cy, double r) {
        int w = (int) Math.ceil(cx + r) + 2, h = (int) Math.ceil(cy + r) + 2;
        double[][] exact = DiscReference.coverage(cx, cy, r, w, h);
        Image img = ShapeCoverage.image(Shape.circle(cx, cy, r), w, h, BandFormat.F32, "circle");
        Region got = img.fetch(img.bounds());
        double worst = 0;
        long off = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.abs(got.raw(x, y, 0) - exact[y][x]);
                worst = Math.max(worst, d);
                if (Rounding.toU8(got.raw(x, y, 0)) != Rounding.toU8(exact[y][x])) {
                    off++;
                }
            }
        }
        System.out.printf("circle r %.2f: largest coverage error %.2e (%.3f of an 8-bit step), %d of %d 8-bit values differ%n",
                r, worst, worst * 255, off, (long) w * h);
        assertTrue(worst < 1.0 / 255, "coverage error " + worst + " is over an 8-bit step");
    }
}
