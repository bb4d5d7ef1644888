package dev.lamina.reference.conversion;

import dev.lamina.model.Limits;
import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.conversion.AddAlpha;
import dev.lamina.conversion.Cast;
import dev.lamina.conversion.Flatten;
import dev.lamina.conversion.Premultiply;
import dev.lamina.conversion.ToColour;
import dev.lamina.conversion.Unpremultiply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static dev.lamina.reference.conversion.TestImages.assertImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each conversion operation against its float64 reference, for every format x bands x size. */
class ConversionOpsTest {

    /** 1x1, odd sizes, and one tall image that the sink cuts into several strips. */
    private static final int[][] SIZES = {{1, 1}, {7, 5}, {13, 3}, {3, 600}};

    static List<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (BandFormat f : BandFormat.values()) {
            for (int bands = 1; bands <= 4; bands++) {
                for (int[] size : SIZES) {
                    all.add(Arguments.of(f, bands, size[0], size[1]));
                }
            }
        }
        return all;
    }

    private static String name(String op, BandFormat f, int bands, int w, int h) {
        return op + " " + f + " " + bands + " bands " + w + "x" + h;
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void castMatchesReference(BandFormat from, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, from, 11L * w + h + bands, true);
        for (BandFormat to : BandFormat.values()) {
            Image out = Cast.build(TestImages.image(in), to);
            assertImage(CastReference.cast(in, to), out, name("cast to " + to, from, bands, w, h));
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void addAlphaMatchesReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 17L * w + h + bands, false);
        Image out = AddAlpha.build(TestImages.image(in));
        if (bands % 2 == 0) {
            assertImage(in, out, name("add alpha (has one)", f, bands, w, h));
        } else {
            assertTrue(out.hasAlpha);
            assertImage(AddAlphaReference.addAlpha(in), out, name("add alpha", f, bands, w, h));
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void flattenMatchesReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 23L * w + h + bands, true);
        int colour = bands <= 2 ? 1 : 3;
        double[] bg = colour == 1 ? new double[]{0.3} : new double[]{1.0, 0.5, 0.2};
        Image out = Flatten.build(TestImages.image(in), bg);
        if (bands % 2 == 1) {
            assertImage(in, out, name("flatten (no alpha)", f, bands, w, h));
        } else {
            assertEquals(false, out.hasAlpha);
            assertImage(FlattenReference.flatten(in, bg), out, name("flatten", f, bands, w, h));
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void premultiplyAndUnpremultiplyMatchReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 29L * w + h + bands, false);
        assertImage(PremultiplyReference.premultiply(in), Premultiply.build(TestImages.image(in)),
                name("premultiply", f, bands, w, h));
        assertImage(UnpremultiplyReference.unpremultiply(in), Unpremultiply.build(TestImages.image(in)),
                name("unpremultiply", f, bands, w, h));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void toColourMatchesReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 31L * w + h + bands, false);
        Image out = ToColour.build(TestImages.image(in));
        assertEquals(Interpretation.RGB, out.interpretation);
        assertImage(bands <= 2 ? ToColourReference.toColour(in) : in, out, name("to colour", f, bands, w, h));
    }

    @Test
    void sequentialInputsStaySequential() {
        Region in = TestImages.random(9, 300, 4, BandFormat.U8, 5, false);
        Image cast = Cast.build(TestImages.sequential(in), BandFormat.U16);
        assertTrue(cast.sequential);
        assertImage(CastReference.cast(in, BandFormat.U16), cast.materialise(Limits.defaults(), "test"), "cast of a sequential image");
    }

    /** Values worked out by hand, so the references themselves are checked too. */
    @Test
    void castHandValues() {
        Region u8 = Region.allocate(Rect.of(4, 1), 1, BandFormat.U8);
        byte[] v = {0, 1, (byte) 128, (byte) 255};
        System.arraycopy(v, 0, u8.u8(), 0, 4);
        Region u16 = Cast.build(TestImages.image(u8), BandFormat.U16).fetch(Rect.of(4, 1));
        assertEquals(List.of(0, 257, 32896, 65535), ints(u16));

        Region w = Region.allocate(Rect.of(5, 1), 1, BandFormat.U16);
        short[] s = {0, 128, 129, (short) 385, (short) 65535};   // 128/257 < .5, 129/257 > .5, 385/257 = 1.498
        System.arraycopy(s, 0, w.u16(), 0, 5);
        assertEquals(List.of(0, 0, 1, 1, 255), ints(Cast.build(TestImages.image(w), BandFormat.U8).fetch(Rect.of(5, 1))));

        Region f = Region.allocate(Rect.of(5, 1), 1, BandFormat.F32);
        float[] fv = {-0.5f, 0f, 0.5f, 1f, 1.5f};   // 0.5 x 255 = 127.5: halves go up
        System.arraycopy(fv, 0, f.f32(), 0, 5);
        assertEquals(List.of(0, 0, 128, 255, 255), ints(Cast.build(TestImages.image(f), BandFormat.U8).fetch(Rect.of(5, 1))));
        assertEquals(List.of(0, 0, 32768, 65535, 65535),
                ints(Cast.build(TestImages.image(f), BandFormat.U16).fetch(Rect.of(5, 1))));
    }

    @Test
    void flattenHandValues() {
        Region rgba = Region.allocate(Rect.of(2, 1), 4, BandFormat.U8);
        byte[] v = {(byte) 200, 100, 0, 0, (byte) 200, 100, 0, (byte) 255};
        System.arraycopy(v, 0, rgba.u8(), 0, 8);
        Region out = Flatten.build(TestImages.image(rgba), new double[]{1, 0.5, 0}).fetch(Rect.of(2, 1));
        // transparent: the background (0.5 x 255 = 127.5 rounds up); opaque: the colour
        assertEquals(List.of(255, 128, 0, 200, 100, 0), ints(out));
    }

    @Test
    void premultiplyHandValues() {
        Region ga = Region.allocate(Rect.of(2, 1), 2, BandFormat.U8);
        byte[] v = {(byte) 255, 51, 102, 0};
        System.arraycopy(v, 0, ga.u8(), 0, 4);
        Region p = Premultiply.build(TestImages.image(ga)).fetch(Rect.of(2, 1));
        assertEquals(0.2f, p.f32()[0]);
        assertEquals(0.2f, p.f32()[1]);
        assertEquals(0f, p.f32()[2]);
        Region u = Unpremultiply.build(Premultiply.build(TestImages.image(ga))).fetch(Rect.of(2, 1));
        assertEquals(1f, u.f32()[0], 1e-6f);
        assertEquals(0.2f, u.f32()[1]);
        Region raw = Unpremultiply.build(TestImages.image(ga)).fetch(Rect.of(2, 1));
        assertEquals(5f, raw.f32()[0], 1e-6f, "colour above alpha is not clamped here (Cast clamps)");
        assertEquals(0f, raw.f32()[2], "alpha 0 gives colour 0");
    }

    @Test
    void badArgumentsAreLaminaExceptions() {
        Image img = TestImages.image(TestImages.random(4, 3, 4, BandFormat.U8, 1, false));
        assertThrows(LaminaException.class, () -> Flatten.build(img, new double[]{1}));
        assertSame(img, Cast.build(img, BandFormat.U8));
    }

    private static List<Integer> ints(Region r) {
        List<Integer> out = new ArrayList<>();
        Rect b = r.rect();
        for (int y = b.y(); y < b.bottom(); y++) {
            for (int x = b.x(); x < b.right(); x++) {
                for (int c = 0; c < r.bands; c++) {
                    out.add((int) r.raw(x, y, c));
                }
            }
        }
        return out;
    }
}
