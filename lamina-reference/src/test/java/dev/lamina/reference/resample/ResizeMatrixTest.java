package dev.lamina.reference.resample;

import dev.lamina.model.Limits;
import dev.lamina.reference.conversion.TestImages;
import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.resample.Resize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resize against its float64 reference: every kernel x format x bands x kind of size change. */
class ResizeMatrixTest {

    /** {in w, in h, out w, out h}: the kinds of size change, named. */
    private static final Object[][] CASES = {
            {"down 4x", new int[]{32, 24, 8, 6}},
            // 2x with LINEAR gives weights in eighths and sixteenths: many exact halves, the ties of the rounding rule
            {"down 2x", new int[]{30, 22, 15, 11}},
            {"up 2x", new int[]{11, 9, 22, 18}},
            {"down non-integer", new int[]{640, 5, 197, 3}},
            {"up 3x", new int[]{7, 5, 21, 15}},
            {"up non-integer", new int[]{9, 6, 23, 17}},
            {"1 pixel in", new int[]{1, 1, 5, 3}},
            {"1 pixel out", new int[]{13, 9, 1, 1}},
            {"1 column in", new int[]{1, 7, 3, 2}},
            {"1 row out", new int[]{9, 5, 4, 1}},
            {"width only", new int[]{20, 6, 7, 6}},
            {"height only", new int[]{6, 20, 6, 7}},
            {"up x, down y", new int[]{10, 30, 25, 8}},
            {"tall: many strips", new int[]{5, 900, 3, 211}},
    };

    private static final ResizeTesting.Tally U8 = new ResizeTesting.Tally();
    private static final ResizeTesting.Tally U16 = new ResizeTesting.Tally();

    static List<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            for (BandFormat f : BandFormat.values()) {
                for (int bands = 1; bands <= 4; bands++) {
                    for (Object[] c : CASES) {
                        all.add(Arguments.of(k, f, bands, c[0], c[1]));
                    }
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} {2} bands {3}")
    @MethodSource("matrix")
    void matchesReference(Kernel kernel, BandFormat format, int bands, String kind, int[] size) {
        Region in = ResizeTesting.random(size[0], size[1], bands, format, 31L * size[0] + 7L * size[3] + bands);
        Image out = Resize.build(TestImages.image(in), size[2], size[3], kernel);
        String what = kernel + " " + format + " " + bands + " bands " + kind;
        assertEquals(format, out.format, what);
        assertEquals(bands, out.bands, what);
        ResizeTesting.Tally t = ResizeTesting.assertMatches(ResizeReference.resize(in, size[2], size[3], kernel), out, what);
        switch (format) {
            case U8 -> U8.add(t);
            case U16 -> U16.add(t);
            case F32 -> { }
        }
    }

    /**
     * Behind a line cache, as from a decoder: both axes, height only, width only, up and down, and
     * both orders of the passes (a downscale goes vertical first; narrower and taller, horizontal).
     */
    @Test
    void sequentialInputIsReadOnceAndMatches() {
        Region in = ResizeTesting.random(17, 700, 4, BandFormat.U8, 3);
        int[][] targets = {{6, 97}, {17, 230}, {5, 700}, {40, 1500}, {6, 1500}};
        for (Kernel k : Kernel.values()) {
            for (int[] size : targets) {
                String what = k + " sequential to " + size[0] + "x" + size[1];
                AtomicInteger opens = new AtomicInteger();
                Image out = Resize.build(TestImages.sequential(in, opens), size[0], size[1], k);
                assertTrue(out.sequential, "a resize of a sequential image is sequential");
                Region strips = out.materialise(Limits.defaults(), "test").fetch(out.bounds());
                assertEquals(1, opens.get(), what + ": the decoder is opened once");
                ResizeTesting.Tally t = ResizeTesting.compare(ResizeReference.resize(in, size[0], size[1], k), strips, what);
                assertTrue(t.maxError <= 1, what + ": " + t);
                U8.add(t);
            }
        }
    }

    @AfterAll
    static void almostEverySampleIsExact() {
        System.out.println("resize U8 against the reference: " + U8);
        System.out.println("resize U16 against the reference: " + U16);
        assertTrue(U8.samples > 100_000, "the matrix compared enough U8 samples: " + U8);
        assertTrue(U8.exactFraction() >= 0.999, "U8: " + U8);
        assertTrue(U16.exactFraction() >= 0.999, "U16: " + U16);
        assertTrue(U8.maxError <= 1 && U16.maxError <= 1);
    }
}
