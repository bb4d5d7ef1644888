package dev.lamina.reference.geometry;

import dev.lamina.model.Limits;
import dev.lamina.model.ExtendWith;
import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.geometry.Dihedral;
import dev.lamina.geometry.Extend;
import dev.lamina.geometry.Extract;
import dev.lamina.reference.conversion.AddAlphaReference;
import dev.lamina.reference.conversion.TestImages;
import dev.lamina.reference.conversion.ToColourReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.lamina.reference.conversion.TestImages.assertImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The geometry operations that move pixels without arithmetic (extract, extend, flips and quarter
 * turns) against their references, for every format x bands x size: bit-identical.
 */
class CopyOpsTest {

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
    void flipsAndTurnsMatchReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 37L * w + h + bands, false);
        assertImage(OrientReference.flip(in), Dihedral.flip(TestImages.image(in)), name("flip", f, bands, w, h));
        assertImage(OrientReference.flop(in), Dihedral.flop(TestImages.image(in)), name("flop", f, bands, w, h));
        for (int q = -1; q <= 3; q++) {
            assertImage(OrientReference.rotate(in, q), Dihedral.rotate(TestImages.image(in), q),
                    name("rotate " + 90 * q, f, bands, w, h));
        }
        for (int o = 1; o <= 8; o++) {
            Image out = Dihedral.upright(TestImages.image(in), o);
            assertEquals(1, out.metadata.orientation());
            assertImage(OrientReference.orient(in, o), out, name("orient " + o, f, bands, w, h));
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void extractMatchesReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 41L * w + h + bands, false);
        Rect[] rects = {new Rect(w / 2, h / 3, Math.max(1, (w + 1) / 2 - 1), Math.max(1, h - h / 3 - 1)),
                new Rect(w - 1, h - 1, 1, 1), new Rect(0, 0, w, 1)};
        for (Rect r : rects) {
            assertImage(ExtractReference.extract(in, r), Extract.build(TestImages.image(in), r), name("extract " + r, f, bands, w, h));
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void extendMatchesReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 43L * w + h + bands, false);
        // {x, y, width, height}: margins all round, margins wider than the image (mirror and repeat
        // wrap several times), the image sticking out, the image missing the canvas
        int[][] placements = {{3, 2, w + 5, h + 4}, {2 * w + 1, 3 * h + 2, 5 * w + 3, 7 * h + 5}, {-2, -1, w + 1, h},
                {w + 1, 0, 2, 2}, {1, 1, 2, 3}};
        for (int[] p : placements) {
            for (ExtendWith mode : ExtendWith.values()) {
                String what = name("extend " + mode + " at " + p[0] + "," + p[1] + " on " + p[2] + "x" + p[3], f, bands, w, h);
                Region expected = ExtendReference.extend(in, p[0], p[1], p[2], p[3], mode, new double[bands]);
                assertImage(expected, Extend.build(TestImages.image(in), p[0], p[1], p[2], p[3], mode, null), what);
            }
        }
    }

    /**
     * A background colour in the image's layout, one that adds alpha to an image without it, and one
     * that turns a grey image into colour.
     */
    @ParameterizedTest
    @MethodSource("layouts")
    void extendOnAColourMatchesReference(BandFormat f, int bands, int w, int h) {
        Region in = TestImages.random(w, h, bands, f, 47L * w + h + bands, false);
        for (int argb : new int[]{0xFF808080, 0x80204060, 0xFFC03010}) {
            boolean alpha = bands % 2 == 0 || (argb >>> 24) != 255;
            boolean grey = bands <= 2 && ((argb >> 16) & 0xFF) == ((argb >> 8) & 0xFF) && (argb & 0xFF) == ((argb >> 8) & 0xFF);
            Region widened = in;
            if (!grey && bands <= 2) {
                widened = ToColourReference.toColour(widened);
            }
            if (alpha && widened.bands % 2 == 1) {
                widened = AddAlphaReference.addAlpha(widened);
            }
            double[] colour = grey ? new double[]{((argb >> 16) & 0xFF) / 255.0}
                    : new double[]{((argb >> 16) & 0xFF) / 255.0, ((argb >> 8) & 0xFF) / 255.0, (argb & 0xFF) / 255.0};
            double[] bg = java.util.Arrays.copyOf(colour, colour.length + (alpha ? 1 : 0));
            if (alpha) {
                bg[colour.length] = (argb >>> 24) / 255.0;
            }
            Region expected = ExtendReference.extend(widened, 2, 1, w + 3, h + 4, ExtendWith.BACKGROUND, bg);
            assertImage(expected, Extend.build(TestImages.image(in), 2, 1, w + 3, h + 4, ExtendWith.BACKGROUND, argb),
                    name("extend on " + Integer.toHexString(argb), f, bands, w, h));
        }
    }

    /**
     * libvips' extend modes written out by hand on one row "abc" with four new pixels either side:
     * repeat continues the tiling both ways (the pixel left of "a" is "c"); mirror reflects with the
     * edge pixel repeated, period six ("abccba").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "COPY,       aaaaabccccc",
            "REPEAT,     cabcabcabca",
            "MIRROR,     ccbaabccbaa",
    })
    void edgeModesMatchHandWrittenRows(ExtendWith mode, String expected) {
        Region abc = Region.allocate(Rect.of(3, 1), 1, BandFormat.U8);
        System.arraycopy("abc".getBytes(), 0, abc.u8(), 0, 3);
        Image out = Extend.build(TestImages.image(abc), 4, 0, 11, 1, mode, null);
        Region got = out.fetch(out.bounds());
        assertEquals(expected.trim(), new String(got.u8(), 0, 11), "core");
        Region ref = ExtendReference.extend(abc, 4, 0, 11, 1, mode, new double[1]);
        assertEquals(expected.trim(), new String(ref.u8(), 0, 11), "reference");
    }

    /**
     * Streaming: extract, flop, and extend with a background, copied edges or side margins keep a
     * sequential input sequential and read it once; flip, quarter turns and mirrored or repeated
     * rows materialise it (read once too) and are still right.
     */
    @Test
    void sequentialInputs() {
        Region in = TestImages.random(9, 300, 4, BandFormat.U8, 5, false);
        record Case(String name, java.util.function.Function<Image, Image> op, Region expected, boolean streams) {
        }
        List<Case> cases = List.of(
                new Case("extract", i -> Extract.build(i, new Rect(2, 7, 5, 200)),
                        ExtractReference.extract(in, new Rect(2, 7, 5, 200)), true),
                new Case("flop", Dihedral::flop, OrientReference.flop(in), true),
                new Case("extend background", i -> Extend.build(i, 3, 20, 15, 340, ExtendWith.BACKGROUND, 0xFF102030),
                        ExtendReference.extend(in, 3, 20, 15, 340, ExtendWith.BACKGROUND,
                                new double[]{0x10 / 255.0, 0x20 / 255.0, 0x30 / 255.0, 1}), true),
                new Case("extend copy", i -> Extend.build(i, 3, 20, 15, 340, ExtendWith.COPY, null),
                        ExtendReference.extend(in, 3, 20, 15, 340, ExtendWith.COPY, null), true),
                new Case("extend mirror sides", i -> Extend.build(i, 4, 0, 20, 300, ExtendWith.MIRROR, null),
                        ExtendReference.extend(in, 4, 0, 20, 300, ExtendWith.MIRROR, null), true),
                new Case("extend mirror rows", i -> Extend.build(i, 3, 20, 15, 340, ExtendWith.MIRROR, null),
                        ExtendReference.extend(in, 3, 20, 15, 340, ExtendWith.MIRROR, null), false),
                new Case("extend repeat rows", i -> Extend.build(i, 0, 290, 9, 600, ExtendWith.REPEAT, null),
                        ExtendReference.extend(in, 0, 290, 9, 600, ExtendWith.REPEAT, null), false),
                new Case("flip", Dihedral::flip, OrientReference.flip(in), false),
                new Case("rotate 90", i -> Dihedral.rotate(i, 1), OrientReference.rotate(in, 1), false));
        for (Case c : cases) {
            AtomicInteger opens = new AtomicInteger();
            Image out = c.op.apply(TestImages.sequential(in, opens));
            assertEquals(c.streams, out.sequential, c.name + ": sequential");
            Region strips = out.materialise(Limits.defaults(), "test").fetch(out.bounds());
            TestImages.assertSamples(c.expected, strips, c.name + " of a sequential image");
            assertEquals(1, opens.get(), c.name + ": the decoder is opened once");
        }
    }

    @Test
    void badArgumentsAreLaminaExceptions() {
        Image img = TestImages.image(TestImages.random(4, 3, 4, BandFormat.U8, 1, false));
        assertThrows(LaminaException.class, () -> Extract.build(img, new Rect(2, 0, 3, 3)));
        assertThrows(LaminaException.class, () -> Extract.build(img, new Rect(0, 0, 0, 3)));
        assertThrows(LaminaException.class, () -> Extract.build(img, new Rect(Integer.MAX_VALUE, 0, 2, 1)),
                "x + width overflows an int: still refused");
        assertThrows(LaminaException.class, () -> Extend.build(img, 0, 0, 0, 3, ExtendWith.BACKGROUND, null));
        assertThrows(LaminaException.class, () -> Dihedral.upright(img, 9));
        assertSame(img, Extract.build(img, img.bounds()));
        assertSame(img, Extend.build(img, 0, 0, 4, 3, ExtendWith.MIRROR, null));
        assertSame(img, Dihedral.rotate(img, 4));
        assertFalse(Dihedral.rotate(img, 1).sequential);
        assertTrue(Dihedral.rotate(img, 1).width == 3);
    }
}
