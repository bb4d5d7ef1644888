package dev.lamina.reference.resample;

import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.LinearLightReference;
import dev.lamina.resample.Resize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linear-light resizing against its float64 twin: decode, ResizeReference, encode, round once. */
class LinearLightResizeTest {

    @ParameterizedTest(name = "{0} bands {1} {2}: {3}x{4} to {5}x{6}")
    @CsvSource({
            "3, U8, LANCZOS3, 97, 61, 31, 20",
            "4, U8, MITCHELL, 64, 48, 150, 37",
            "1, U16, CUBIC, 80, 80, 23, 41",
            "2, U16, LINEAR, 33, 70, 66, 9",
            "4, U16, LANCZOS3, 50, 50, 17, 17",
    })
    void matchesTheReference(int bands, BandFormat format, Kernel kernel, int w, int h, int ow, int oh) {
        Region in = ResizeTesting.random(w, h, bands, format, bands * 31L + w);
        Region expected = LinearLightReference.fromLinear(
                ResizeReference.resize(LinearLightReference.toLinear(in), ow, oh, kernel), format);
        Image image = MemorySource.image(in, bands <= 2 ? Interpretation.GREY : Interpretation.RGB,
                bands == 2 || bands == 4, null);
        Image actual = Resize.buildLinear(image, ow, oh, kernel, Double.NaN, Double.NaN);
        ResizeTesting.Tally t = ResizeTesting.assertMatches(expected, actual, "linear " + kernel);
        assertTrue(t.exactFraction() >= 0.999, t.toString());
    }
}
