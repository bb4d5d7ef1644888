package dev.lamina.reference.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.CompositeOp;
import dev.lamina.composite.Placement;
import dev.lamina.core.BandFormat;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edge cases of the composite, each against the float64 reference. */
class CompositeOpEdgeTest {

    private static List<CompositeLayer> one(Image layer, BlendMode mode, Placement p, double opacity) {
        return List.of(new CompositeLayer(layer, mode, p, opacity));
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void alphaZeroAndFullEverywhere(BlendMode mode) {
        Random rnd = new Random(mode.ordinal());
        for (double layerAlpha : new double[] {0, 1}) {
            for (double baseAlpha : new double[] {0, 1}) {
                Image base = CompositeTesting.uniform(9, 7, 4, BandFormat.U8, 0.3, baseAlpha);
                Image layer = CompositeTesting.uniform(5, 4, 4, BandFormat.U8, 0.8, layerAlpha);
                CompositeTesting.check(base, one(layer, mode, Placement.at(2, 2), 1.0), null,
                        mode + " layer alpha " + layerAlpha + " base alpha " + baseAlpha);
                Image noisy = CompositeTesting.random(5, 4, 3, BandFormat.U16, rnd);
                CompositeTesting.check(base, one(noisy, mode, Placement.at(-1, 3), 1.0), null,
                        mode + " opaque RGB layer, base alpha " + baseAlpha);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void opacityZeroHalfAndOne(BlendMode mode) {
        Random rnd = new Random(7 + mode.ordinal());
        Image base = CompositeTesting.random(8, 6, 4, BandFormat.U8, rnd);
        Image layer = CompositeTesting.random(5, 3, 4, BandFormat.U8, rnd);
        for (double opacity : new double[] {0, 0.5, 1}) {
            CompositeTesting.check(base, one(layer, mode, Placement.at(1, 1), opacity), null, mode + " opacity " + opacity);
        }
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void layersOffTheCanvasAndLargerThanTheBase(BlendMode mode) {
        Random rnd = new Random(31 + mode.ordinal());
        Image base = CompositeTesting.random(9, 7, 3, BandFormat.U8, rnd);
        Image layer = CompositeTesting.random(4, 3, 4, BandFormat.U8, rnd);
        Image big = CompositeTesting.random(20, 15, 4, BandFormat.U8, rnd);
        Placement[] places = {Placement.at(100, 2), Placement.at(-50, -50), Placement.at(9, 0), Placement.at(0, 7),
                Placement.at(-4, 0), Placement.at(-3, -4), Placement.at(7, 5), Placement.at(-1, -1)};
        for (Placement p : places) {
            CompositeTesting.check(base, one(layer, mode, p, 1.0), null, mode + " at " + p);
        }
        CompositeTesting.check(base, one(big, mode, Placement.at(-5, -3), 1.0), null, mode + " larger layer");
        CompositeTesting.check(base, one(big, mode, Placement.gravity(Gravity.SOUTH_EAST), 0.5), null,
                mode + " larger layer south-east");
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void oneByOneImages(BlendMode mode) {
        Random rnd = new Random(57 + mode.ordinal());
        Image base = CompositeTesting.random(1, 1, 4, BandFormat.U16, rnd);
        Image layer = CompositeTesting.random(1, 1, 2, BandFormat.U16, rnd);
        CompositeTesting.check(base, one(layer, mode, Placement.at(0, 0), 0.7), null, mode + " 1x1");
        CompositeTesting.check(base, one(layer, mode, Placement.at(1, 0), 1.0), null, mode + " 1x1 beside");
        Image big = CompositeTesting.random(3, 2, 4, BandFormat.U8, rnd);
        CompositeTesting.check(base, one(big, mode, Placement.gravity(Gravity.CENTRE), 1.0), null, mode + " 1x1 base");
        CompositeTesting.check(big, one(layer, mode, Placement.tiled(0, 0), 1.0), null, mode + " 1x1 tile");
    }

    @ParameterizedTest
    @EnumSource(BlendMode.class)
    void tiledLayers(BlendMode mode) {
        Random rnd = new Random(77 + mode.ordinal());
        Image base = CompositeTesting.random(13, 9, 3, BandFormat.U8, rnd);
        Image tile = CompositeTesting.random(3, 2, 4, BandFormat.U8, rnd);
        Image wide = CompositeTesting.random(17, 4, 2, BandFormat.F32, rnd);
        for (int[] o : new int[][] {{0, 0}, {-1, 5}, {2, -7}, {100, -100}}) {
            CompositeTesting.check(base, one(tile, mode, Placement.tiled(o[0], o[1]), 1.0), null,
                    mode + " tiled from " + Arrays.toString(o));
            CompositeTesting.check(base, one(wide, mode, Placement.tiled(o[0], o[1]), 0.6), null,
                    mode + " wide tile from " + Arrays.toString(o));
        }
    }

    /** Tiled layers through odd sub-rectangles, which cross tile edges in both directions. */
    @Test
    void tiledSubRectangles() {
        Random rnd = new Random(3);
        Image base = CompositeTesting.random(31, 23, 4, BandFormat.U8, rnd);
        Image tile = CompositeTesting.random(7, 5, 4, BandFormat.U8, rnd);
        for (BlendMode mode : new BlendMode[] {BlendMode.OVER, BlendMode.MULTIPLY, BlendMode.DEST_IN}) {
            List<CompositeLayer> layers = one(tile, mode, Placement.tiled(-3, 2), 1.0);
            Image image = CompositeOp.build(base, layers, null);
            ReferenceComposite.Result ref = ReferenceComposite.compute(base, layers, null);
            for (Rect r : new Rect[] {new Rect(0, 0, 31, 23), new Rect(3, 4, 5, 3), new Rect(2, 1, 9, 9),
                    new Rect(1, 0, 29, 6), new Rect(30, 22, 1, 1), new Rect(5, 3, 8, 20)}) {
                CompositeTesting.assertMatches(ref, image.fetch(r), mode + " " + r);
            }
        }
    }

    @Test
    void severalLayersOfDifferentModes() {
        Random rnd = new Random(11);
        BlendMode[] modes = BlendMode.values();
        for (BandFormat f : BandFormat.values()) {
            for (int trial = 0; trial < 30; trial++) {
                Image base = CompositeTesting.random(12, 10, 1 + rnd.nextInt(4), f, rnd);
                List<CompositeLayer> layers = new ArrayList<>();
                int n = 3 + rnd.nextInt(2);
                for (int i = 0; i < n; i++) {
                    Image layer = CompositeTesting.random(2 + rnd.nextInt(9), 2 + rnd.nextInt(7), 1 + rnd.nextInt(4),
                            BandFormat.values()[rnd.nextInt(3)], rnd);
                    Placement p = rnd.nextInt(5) == 0 ? Placement.tiled(rnd.nextInt(9) - 4, rnd.nextInt(9) - 4)
                            : Placement.at(rnd.nextInt(16) - 4, rnd.nextInt(14) - 4);
                    layers.add(new CompositeLayer(layer, modes[rnd.nextInt(modes.length)], p,
                            rnd.nextBoolean() ? 1.0 : rnd.nextDouble()));
                }
                CompositeTesting.check(base, layers, f, f + " trial " + trial + " " + layers.stream()
                        .map(l -> l.mode() + "@" + l.placement()).toList());
            }
        }
    }

    /** The headline shape at a small size: the byte over kernel, across every alpha and colour. */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void eightBitOverIsCorrectlyRoundedAcrossAllAlphas(int baseBands) {
        // Base colours walk x and y; layer alpha takes all 256 values along each row; base alpha
        // (RGBA base) takes all 256 values down the columns.
        int w = 256, h = 256;
        Region b = Region.allocate(Rect.of(w, h), baseBands, BandFormat.U8);
        Region l = Region.allocate(Rect.of(w, h), 4, BandFormat.U8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = b.index(x, y), j = l.index(x, y);
                b.u8()[i] = (byte) x;
                b.u8()[i + 1] = (byte) y;
                b.u8()[i + 2] = (byte) (x * 3 + y * 5);
                if (baseBands == 4) {
                    b.u8()[i + 3] = (byte) y;
                }
                l.u8()[j] = (byte) (y * 7 + x);
                l.u8()[j + 1] = (byte) (255 - x);
                l.u8()[j + 2] = (byte) (x * 11 + y * 3);
                l.u8()[j + 3] = (byte) (x + y * 17);
            }
        }
        Image base = MemorySource.image(b, Interpretation.RGB, baseBands == 4, null);
        Image layer = MemorySource.image(l, Interpretation.RGB, true, null);
        CompositeTesting.Tally t = CompositeTesting.check(base, one(layer, BlendMode.OVER, Placement.at(0, 0), 1.0),
                null, "over U8 base " + baseBands);
        assertEquals(0, t.offByOne, "the byte kernel is exact");
    }

    /**
     * A collage: many 8-bit over layers side by side, so each row has several layers whose spans
     * do not overlap (the byte path, layer by layer), gaps between them, tiles cut by the edges,
     * and one tile overlapping two others (its rows take the accumulator). Opaque RGB tiles at full
     * opacity are copied; RGBA tiles go through the over kernel at several opacities.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void collagesOfDisjointLayersAreExact(int tileBands) {
        Random rnd = new Random(77 + tileBands);
        Image base = CompositeTesting.random(437, 251, 3, BandFormat.U8, rnd);
        List<CompositeLayer> layers = new ArrayList<>();
        double[] opacities = tileBands == 4 ? new double[]{1.0, 0.5, 0.8, 1.0 / 3} : new double[]{1.0};
        for (int i = 0; i < 30; i++) {
            Image tile = CompositeTesting.random(40 + i % 3, 33, tileBands, BandFormat.U8, rnd);
            layers.add(new CompositeLayer(tile, BlendMode.OVER, Placement.at((i % 6) * 76 - 10, (i / 6) * 52 - 7),
                    opacities[i % opacities.length]));
        }
        layers.add(new CompositeLayer(CompositeTesting.random(60, 40, tileBands, BandFormat.U8, rnd), BlendMode.OVER,
                Placement.at(50, 60), 1.0));
        CompositeTesting.Tally t = CompositeTesting.check(base, layers, null, "collage of " + tileBands + "-band tiles");
        assertEquals(0, t.offByOne, t.offByOne + " of " + t.samples + " not correctly rounded");
    }

    /**
     * The watermark case below full opacity: an RGBA layer over an RGB base through the byte
     * kernel's fixed-point weights, every alpha and many colours, at opacities that are dyadic
     * (exact halves must round up), repeating fractions, and close to 0 and 1.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.8, 0.5, 0.25, 1.0 / 3, 0.6, 0.999, 0.001})
    void eightBitOverWithOpacityIsCorrectlyRoundedAlmostEverywhere(double opacity) {
        int w = 256, h = 256;
        Region b = Region.allocate(Rect.of(w, h), 3, BandFormat.U8);
        Region l = Region.allocate(Rect.of(w, h), 4, BandFormat.U8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = b.index(x, y), j = l.index(x, y);
                b.u8()[i] = (byte) x;
                b.u8()[i + 1] = (byte) y;
                b.u8()[i + 2] = (byte) (x * 3 + y * 5);
                l.u8()[j] = (byte) (y * 7 + x);
                l.u8()[j + 1] = (byte) (255 - x);
                l.u8()[j + 2] = (byte) (x * 11 + y * 3);
                l.u8()[j + 3] = (byte) (x + y * 17);
            }
        }
        Image base = MemorySource.image(b, Interpretation.RGB, false, null);
        Image layer = MemorySource.image(l, Interpretation.RGB, true, null);
        CompositeTesting.Tally t = CompositeTesting.check(base, one(layer, BlendMode.OVER, Placement.at(0, 0), opacity),
                null, "over U8 opacity " + opacity);
        // check() already fails above 0.1% or beyond one level; 40-bit weights round like the reference.
        assertEquals(0, t.offByOne, t.offByOne + " of " + t.samples + " not correctly rounded");
    }

    /** A sequential base and a strip sink: strips of 16 rows, requests that straddle them, parallel workers. */
    @Test
    void stripsOfASequentialBaseAndOddSubRectangles() {
        Random rnd = new Random(5);
        Metadata meta = Metadata.NONE.withOrientation(6);
        Image memBase = CompositeTesting.random(97, 301, 3, BandFormat.U8, rnd);
        Image base = CompositeTesting.sequential(memBase, meta);
        Image watermark = CompositeTesting.random(41, 77, 4, BandFormat.U8, rnd);
        Image second = CompositeTesting.sequential(CompositeTesting.random(30, 20, 2, BandFormat.U16, rnd), null);
        Image tile = CompositeTesting.sequential(CompositeTesting.random(13, 11, 4, BandFormat.U8, rnd), null);
        List<CompositeLayer> layers = List.of(
                CompositeLayer.over(watermark, Placement.gravity(Gravity.CENTRE)),
                new CompositeLayer(tile, BlendMode.SCREEN, Placement.tiled(5, -3), 0.4),
                new CompositeLayer(second, BlendMode.MULTIPLY, Placement.at(80, 290), 1.0));
        Image image = CompositeOp.build(base, layers, BandFormat.U8);
        assertTrue(image.sequential);
        assertEquals(DemandHint.THINSTRIP, image.producer().demand());
        assertSame(meta, image.metadata);
        ReferenceComposite.Result ref = ReferenceComposite.compute(memBase, layers, BandFormat.U8);
        CompositeTesting.assertMatches(ref, CompositeTesting.runSink(image), "sink run");
        // The same again: the line cache rereads the base from the top.
        Image memoryOnly = CompositeOp.build(memBase, layers, BandFormat.U8);
        assertTrue(memoryOnly.sequential, "a sequential tile makes the result sequential");
        for (Rect r : new Rect[] {new Rect(3, 14, 91, 5), new Rect(0, 100, 97, 57), new Rect(28, 110, 1, 80),
                new Rect(55, 150, 42, 151), new Rect(0, 0, 1, 1)}) {
            CompositeTesting.assertMatches(ref, memoryOnly.fetch(r), "fetch " + r);
            CompositeTesting.assertMatches(ref, image.fetch(r), "sequential fetch " + r);
        }
    }

    @Test
    void commonLayoutOfMixedInputs() {
        Random rnd = new Random(9);
        Image grey = CompositeTesting.random(6, 5, 1, BandFormat.U8, rnd);
        Image rgba16 = CompositeTesting.random(3, 3, 4, BandFormat.U16, rnd);
        Image image = CompositeOp.build(grey, List.of(CompositeLayer.over(rgba16, Placement.at(1, 1))), null);
        assertEquals(Interpretation.RGB, image.interpretation);
        assertTrue(image.hasAlpha);
        assertEquals(BandFormat.U16, image.format);
        assertEquals(4, image.bands);
        Image greyOnly = CompositeOp.build(grey, List.of(CompositeLayer.over(grey, Placement.at(1, 1))), BandFormat.F32);
        assertEquals(Interpretation.GREY, greyOnly.interpretation);
        assertFalse(greyOnly.hasAlpha);
        assertEquals(BandFormat.F32, greyOnly.format);
        CompositeTesting.check(grey, List.of(CompositeLayer.over(rgba16, Placement.at(1, 1))), null, "grey + RGBA16");
        Image empty = CompositeOp.build(grey, List.of(), null);
        assertEquals(grey.bands, empty.bands);
        CompositeTesting.check(grey, List.of(), BandFormat.U16, "no layers");
    }

    /** F32 inputs outside 0..1 (and NaN) are clamped on the way in, by both implementations. */
    @Test
    void outOfRangeFloatInputs() {
        Region b = Region.allocate(Rect.of(4, 1), 4, BandFormat.F32);
        float[] v = {1.5f, -0.2f, Float.NaN, 0.5f, 0.2f, 0.3f, 0.4f, 2f, 0.1f, 0.9f, 0.5f, -1f, 0, 0, 0, Float.NaN};
        System.arraycopy(v, 0, b.f32(), 0, v.length);
        Image base = MemorySource.image(b, Interpretation.RGB, true, null);
        Image layer = CompositeTesting.random(2, 1, 4, BandFormat.F32, new Random(1));
        for (BlendMode mode : BlendMode.values()) {
            CompositeTesting.check(base, one(layer, mode, Placement.at(1, 0), 1.0), null, "out of range " + mode);
        }
    }

    @Test
    void badLayersAreNamed() {
        Image base = CompositeTesting.uniform(4, 4, 3, BandFormat.U8, 0.5, 1);
        Image layer = CompositeTesting.uniform(2, 2, 4, BandFormat.U8, 0.5, 1);
        CompositeLayer good = CompositeLayer.over(layer, Placement.at(0, 0));
        LaminaException e = assertThrows(LaminaException.class, () -> CompositeOp.build(base,
                List.of(good, new CompositeLayer(layer, BlendMode.OVER, Placement.at(0, 0), 1.5)), null));
        assertTrue(e.getMessage().startsWith("layer 2: opacity"), e.getMessage());
        e = assertThrows(LaminaException.class, () -> CompositeOp.build(base,
                List.of(new CompositeLayer(layer, BlendMode.OVER, Placement.at(0, 0), Double.NaN)), null));
        assertTrue(e.getMessage().startsWith("layer 1: opacity"), e.getMessage());
        e = assertThrows(LaminaException.class, () -> CompositeOp.build(base,
                Arrays.asList(good, good, null), null));
        assertEquals("layer 3 is missing", e.getMessage());
        e = assertThrows(LaminaException.class, () -> CompositeOp.build(base,
                List.of(new CompositeLayer(layer, null, Placement.at(0, 0), 1)), null));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("blend mode"), e.getMessage());
        e = assertThrows(LaminaException.class, () -> CompositeOp.build(base,
                List.of(new CompositeLayer(null, BlendMode.OVER, Placement.at(0, 0), 1)), null));
        assertTrue(e.getMessage().contains("layer 1"), e.getMessage());
        e = assertThrows(LaminaException.class, () -> CompositeOp.build(null, List.of(), null));
        assertTrue(e.getMessage().contains("base"), e.getMessage());
        assertThrows(LaminaException.class, () -> Placement.gravity(null));
    }
}
