package dev.lamina.reference.resample;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.model.Kernel;
import dev.lamina.reference.conversion.TestImages;
import dev.lamina.resample.Resize;
import dev.lamina.simd.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random images, sizes, kernels, bands and formats through both of the resize's paths (the strip
 * passes on an image read at random, the forward sweep on a sequential one shrunk by more than 2)
 * against the float64 reference, with the row kernels this JVM picked: the build runs this test
 * twice, with the Vector API module (the vector forms of the U8 read and the three- and four-band
 * horizontal pass) and with {@code -Dlamina.vector=false} (the scalar forms); see the pom. Sizes
 * are large enough for the vector loops to run many turns and to stop short at the row's end.
 * The same bar as ResizePropertiesTest: no sample off by more than 1, 99.9% exact.
 */
class ResizeRandomTest {
    private static final Kernel[] KERNELS = {Kernel.LINEAR, Kernel.CUBIC, Kernel.MITCHELL, Kernel.LANCZOS2, Kernel.LANCZOS3};

    @Test
    void bothPathsMatchTheReference() {
        Random rnd = new Random(15);
        ResizeTesting.Tally strips = new ResizeTesting.Tally(), sweep = new ResizeTesting.Tally();
        for (int trial = 0; trial < 48; trial++) {
            int bands = trial % 4 == 0 ? 1 + rnd.nextInt(2) : 3 + rnd.nextInt(2);
            BandFormat format = trial % 5 == 4 ? BandFormat.U16 : BandFormat.U8;
            Kernel kernel = KERNELS[rnd.nextInt(KERNELS.length)];
            int inW = 8 + rnd.nextInt(110), inH = 8 + rnd.nextInt(90);
            boolean sequential = trial % 2 == 1;
            // the sweep runs on a vertical shrink by more than 2; the strips on anything
            int outH = sequential ? 1 + rnd.nextInt(Math.max(1, inH / 2 - 1)) : 1 + rnd.nextInt(2 * inH);
            int outW = 1 + rnd.nextInt(trial % 3 == 0 ? 2 * inW : inW);
            Region in = ResizeTesting.random(inW, inH, bands, format, 1000L * trial + inW);
            Image image = sequential ? TestImages.sequential(in) : TestImages.image(in);
            Image out = Resize.build(image, outW, outH, kernel);
            String what = (sequential ? "sequential " : "") + kernel + " " + format + " " + bands + " bands " + inW + "x" + inH
                    + " -> " + outW + "x" + outH + " (" + Vectors.status() + ")";
            ResizeTesting.Tally t = ResizeTesting.assertMatches(ResizeReference.resize(in, outW, outH, kernel), out, what);
            (sequential ? sweep : strips).add(t);
        }
        System.out.println("random resizes against the reference, " + Vectors.status() + ": strips " + strips + "; sweep " + sweep);
        assertTrue(strips.exactFraction() >= 0.999, "strips: " + strips);
        assertTrue(sweep.exactFraction() >= 0.999, "sweep: " + sweep);
    }
}
