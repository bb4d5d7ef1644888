package dev.lamina.reference.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.CompositeOp;
import dev.lamina.composite.Placement;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Single pixels worked by hand from the W3C Compositing and Blending Level 1 formulas (and
 * libvips/cairo for add and saturate). Both the fast path and the reference must give them.
 * Notation: straight colour C and alpha α; s = source (the layer), b = backdrop (the base).
 */
class CompositePublishedValuesTest {

    private static Image f32(boolean rgb, float... samples) {
        int bands = samples.length;
        Region r = Region.allocate(Rect.of(1, 1), bands, BandFormat.F32);
        System.arraycopy(samples, 0, r.f32(), 0, bands);
        boolean alpha = bands == 2 || bands == 4;
        return MemorySource.image(r, rgb ? Interpretation.RGB : Interpretation.GREY, alpha, null);
    }

    private static Image u8(boolean rgb, int... samples) {
        int bands = samples.length;
        Region r = Region.allocate(Rect.of(1, 1), bands, BandFormat.U8);
        for (int i = 0; i < bands; i++) {
            r.u8()[i] = (byte) samples[i];
        }
        boolean alpha = bands == 2 || bands == 4;
        return MemorySource.image(r, rgb ? Interpretation.RGB : Interpretation.GREY, alpha, null);
    }

    /** Both implementations' one pixel, as raw stored values. */
    private static void assertPixel(double[] expected, double tolerance, Image base, Image layer, BlendMode mode,
                                    double opacity) {
        List<CompositeLayer> layers = List.of(new CompositeLayer(layer, mode, Placement.at(0, 0), opacity));
        Region fast = CompositeOp.build(base, layers, null).fetch(Rect.of(1, 1));
        Region ref = ReferenceComposite.render(base, layers, null);
        double[] f = new double[fast.bands], r = new double[ref.bands];
        for (int b = 0; b < f.length; b++) {
            f[b] = fast.raw(0, 0, b);
        }
        for (int b = 0; b < r.length; b++) {
            r[b] = ref.raw(0, 0, b);
        }
        assertArrayEquals(expected, f, tolerance, "fast path, " + mode);
        assertArrayEquals(expected, r, tolerance, "reference, " + mode);
    }

    @Test
    void multiplyOfHalfGreyOverHalfGrey() {
        // Opaque: co = αs·αb·B + 0 + 0 = Cb·Cs = 0.5·0.5 = 0.25.
        assertPixel(new double[] {0.25}, 1e-7, f32(false, 0.5f), f32(false, 0.5f), BlendMode.MULTIPLY, 1);
        // 8-bit 128 on 128: 128·128/255 = 64.25 -> 64.
        assertPixel(new double[] {64}, 0, u8(false, 128), u8(false, 128), BlendMode.MULTIPLY, 1);
    }

    @Test
    void screen() {
        // B = Cb + Cs - Cb·Cs = 0.5 + 0.25 - 0.125 = 0.625.
        assertPixel(new double[] {0.625}, 1e-7, f32(false, 0.5f), f32(false, 0.25f), BlendMode.SCREEN, 1);
    }

    @Test
    void porterDuffXor() {
        // Red at αs = 0.5 xor blue at αb = 0.5: Fa = 1 - αb = 0.5, Fb = 1 - αs = 0.5.
        // αo = 0.5·0.5 + 0.5·0.5 = 0.5; co = 0.25·(1,0,0) + 0.25·(0,0,1) = (0.25, 0, 0.25);
        // straight colour co/αo = (0.5, 0, 0.5).
        assertPixel(new double[] {0.5, 0, 0.5, 0.5}, 1e-7, f32(true, 0, 0, 1, 0.5f), f32(true, 1, 0, 0, 0.5f),
                BlendMode.XOR, 1);
        // Both opaque: αo = 0, so colour 0.
        assertPixel(new double[] {0, 0, 0, 0}, 0, f32(true, 0, 0, 1, 1), f32(true, 1, 0, 0, 1), BlendMode.XOR, 1);
    }

    @Test
    void overOfHalfTransparentRed() {
        // 8-bit: red at alpha 128 over opaque blue: αs = 128/255, so
        // R = 255·128/255 = 128, B = 255·(127/255) = 127, alpha 255.
        assertPixel(new double[] {128, 0, 127, 255}, 0, u8(true, 0, 0, 255), u8(true, 255, 0, 0, 128),
                BlendMode.OVER, 1);
        // Red at 0.5 over blue at 0.5: αo = 0.5 + 0.5·0.5 = 0.75; co = 0.5·(1,0,0) + 0.25·(0,0,1)
        // = (0.5, 0, 0.25); straight = (2/3, 0, 1/3).
        assertPixel(new double[] {2 / 3.0, 0, 1 / 3.0, 0.75}, 1e-7, f32(true, 0, 0, 1, 0.5f),
                f32(true, 1, 0, 0, 0.5f), BlendMode.OVER, 1);
        // Opacity halves the layer's alpha: opaque red at opacity 0.5 over opaque blue = (0.5, 0, 0.5).
        assertPixel(new double[] {0.5, 0, 0.5, 1}, 1e-7, f32(true, 0, 0, 1, 1), f32(true, 1, 0, 0, 1),
                BlendMode.OVER, 0.5);
    }

    @Test
    void addAndSaturate() {
        // add: αo = min(1, 0.5 + 0.5) = 1; co = 0.5·0.6 + 0.5·0.8 = 0.7.
        assertPixel(new double[] {0.7, 1}, 1e-7, f32(false, 0.8f, 0.5f), f32(false, 0.6f, 0.5f), BlendMode.ADD, 1);
        // add overflowing: 0.9 + 0.8 opaque -> co = 1.7 clamped to αo = 1.
        assertPixel(new double[] {1}, 1e-7, f32(false, 0.8f), f32(false, 0.9f), BlendMode.ADD, 1);
        // saturate: αs = 0.75, Cs = 0.4 onto αb = 0.5, Cb = 0.8: αo = min(1, 1.25) = 1;
        // co = min(0.75, 1 - 0.5)·0.4 + 0.5·0.8 = 0.2 + 0.4 = 0.6.
        assertPixel(new double[] {0.6, 1}, 1e-6, f32(false, 0.8f, 0.5f), f32(false, 0.4f, 0.75f),
                BlendMode.SATURATE, 1);
    }

    @Test
    void softLightDodgeAndBurn() {
        // soft-light, Cs = 0.75 > 0.5, Cb = 0.25: D(0.25) = ((16·0.25 - 12)·0.25 + 4)·0.25 = 0.5;
        // B = 0.25 + (2·0.75 - 1)·(0.5 - 0.25) = 0.375.
        assertPixel(new double[] {0.375}, 1e-7, f32(false, 0.25f), f32(false, 0.75f), BlendMode.SOFT_LIGHT, 1);
        // colour-dodge, Cb = 0.25, Cs = 0.5: min(1, 0.25 / 0.5) = 0.5.
        assertPixel(new double[] {0.5}, 1e-7, f32(false, 0.25f), f32(false, 0.5f), BlendMode.COLOUR_DODGE, 1);
        // colour-burn, Cb = 0.75, Cs = 0.5: 1 - min(1, 0.25 / 0.5) = 0.5.
        assertPixel(new double[] {0.5}, 1e-7, f32(false, 0.75f), f32(false, 0.5f), BlendMode.COLOUR_BURN, 1);
        // hard-light, Cs = 0.25 <= 0.5, Cb = 0.5: multiply(0.5, 0.5) = 0.25.
        assertPixel(new double[] {0.25}, 1e-7, f32(false, 0.5f), f32(false, 0.25f), BlendMode.HARD_LIGHT, 1);
        // overlay = hard-light with the roles swapped: Cb = 0.75 > 0.5 -> screen(0.25, 0.5) = 0.625.
        assertPixel(new double[] {0.625}, 1e-7, f32(false, 0.75f), f32(false, 0.25f), BlendMode.OVERLAY, 1);
    }

    @Test
    void blendModesWithPartialAlpha() {
        // difference, αs = 0.5, Cs = 0.2 onto αb = 0.5, Cb = 0.8: B = 0.6;
        // co = 0.1·0.5 + 0.4·0.5 + 0.25·0.6 = 0.05 + 0.2 + 0.15 = 0.4; αo = 0.75; C = 0.4/0.75 = 8/15.
        assertPixel(new double[] {8 / 15.0, 0.75}, 1e-6, f32(false, 0.8f, 0.5f), f32(false, 0.2f, 0.5f),
                BlendMode.DIFFERENCE, 1);
    }

    @Test
    void modesThatClearOutsideTheLayer() {
        // dest-in with a transparent source keeps nothing: Fb = αs = 0, so the result is transparent black.
        assertPixel(new double[] {0, 0, 0, 0}, 0, u8(true, 10, 20, 30, 255), u8(true, 200, 100, 50, 0),
                BlendMode.DEST_IN, 1);
        // in: αo = αs·αb = 0.5·0.5 = 0.25, colour is the source's.
        assertPixel(new double[] {0.2, 0.25}, 1e-6, f32(false, 0.9f, 0.5f), f32(false, 0.2f, 0.5f), BlendMode.IN, 1);
    }
}
