package dev.lamina.reference.resample;

import dev.lamina.reference.conversion.TestImages;
import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.resample.Resize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Resize with its scales given rather than taken from the sizes (what a thumbnail does after
 * shrink-on-load: a 1411-pixel side decoded at 1/8 is 177 pixels whose last block is partial, so
 * the scale to 88 pixels is 1411 / 8 / 88, not 177 / 88). Against the float64 reference, exact.
 */
class ResizeExplicitScaleTest {

    /** {in w, in h, out w, out h, scale x, scale y}. */
    static List<Arguments> cases() {
        double[][] sizes = {
                {23, 17, 11, 8, 1411.0 / 8 / 11 / 16, 1000.0 / 8 / 8 / 16},   // partial last blocks, as shrink-on-load leaves them
                {20, 20, 10, 10, 2.03, 1.97},
                {12, 9, 12, 9, 1.0 + 1.0 / 12, 1},                           // same size, but a scale: filtered
                {9, 7, 20, 15, 0.44, 0.47},                                  // up
        };
        List<Arguments> all = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            for (int bands = 1; bands <= 4; bands++) {
                for (double[] s : sizes) {
                    all.add(Arguments.of(k, bands, s));
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} bands {2}")
    @MethodSource("cases")
    void matchesReference(Kernel kernel, int bands, double[] s) {
        int inW = (int) s[0], inH = (int) s[1], outW = (int) s[2], outH = (int) s[3];
        for (BandFormat format : new BandFormat[]{BandFormat.U8, BandFormat.U16}) {
            Region in = ResizeTesting.random(inW, inH, bands, format, 97L * inW + bands);
            Image out = Resize.build(TestImages.image(in), outW, outH, kernel, s[4], s[5]);
            Region expected = ResizeReference.resize(in, outW, outH, kernel, s[4], s[5]);
            ResizeTesting.Tally t = ResizeTesting.assertMatches(expected, out, kernel + " " + format + " " + bands + " bands");
            assertEquals(0, t.maxError, kernel + " " + format + ": " + t);
        }
    }
}
