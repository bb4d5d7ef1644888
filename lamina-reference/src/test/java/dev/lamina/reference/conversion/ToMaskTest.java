package dev.lamina.reference.conversion;

import dev.lamina.model.MaskMode;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.conversion.ToMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lamina.reference.conversion.TestImages.assertImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mask conversion against its float64 reference, every format x bands x size, both modes, both senses. */
class ToMaskTest {

    @ParameterizedTest
    @MethodSource("dev.lamina.reference.conversion.ConversionOpsTest#layouts")
    void matchesReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 37L * w + h + bands, true);
        for (MaskMode mode : MaskMode.values()) {
            for (boolean invert : new boolean[]{false, true}) {
                Image out = ToMask.build(TestImages.image(in), mode, invert);
                assertTrue(out.hasAlpha);
                assertEquals(2, out.bands);
                assertImage(ToMaskReference.toMask(in, mode == MaskMode.LUMINANCE, invert), out,
                        "mask " + mode + (invert ? " inverted " : " ") + f + " " + bands + " bands " + w + "x" + h);
            }
        }
    }

    /** Hand values: CSS's coefficients on an opaque pure green and on half-transparent white. */
    @Test
    void handValues() {
        Region rgba = Region.allocate(Rect.of(2, 1), 4, BandFormat.U8);
        byte[] v = {0, (byte) 255, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 128};
        System.arraycopy(v, 0, rgba.u8(), 0, 8);
        Region lum = ToMask.build(TestImages.image(rgba), MaskMode.LUMINANCE, false).fetch(Rect.of(2, 1));
        assertEquals(182, lum.raw(0, 0, 1), "0.7154 x 255 = 182.4");
        assertEquals(128, lum.raw(1, 0, 1), "white at alpha 128/255: the alpha");
        Region inv = ToMask.build(TestImages.image(rgba), MaskMode.ALPHA, true).fetch(Rect.of(2, 1));
        assertEquals(0, inv.raw(0, 0, 1));
        assertEquals(127, inv.raw(1, 0, 1));
        assertEquals(255, inv.raw(1, 0, 0), "the grey band is white");
    }
}
