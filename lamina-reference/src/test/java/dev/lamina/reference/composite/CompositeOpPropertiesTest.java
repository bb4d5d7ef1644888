package dev.lamina.reference.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.CompositeOp;
import dev.lamina.composite.Placement;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Properties over random small images, placements, modes and opacities. */
class CompositeOpPropertiesTest {

    private static Placement placement(int kind, int x, int y, Gravity g) {
        return switch (kind) {
            case 0 -> Placement.gravity(g);
            case 1 -> Placement.tiled(x, y);
            default -> Placement.at(x, y);
        };
    }

    @Property(tries = 300)
    void randomCompositesMatchTheReference(@ForAll @IntRange(min = 1, max = 12) int width,
                                           @ForAll @IntRange(min = 1, max = 9) int height,
                                           @ForAll @IntRange(min = 1, max = 4) int baseBands,
                                           @ForAll BandFormat format,
                                           @ForAll BlendMode mode,
                                           @ForAll @IntRange(min = 0, max = 4) int placementKind,
                                           @ForAll @IntRange(min = -14, max = 14) int x,
                                           @ForAll @IntRange(min = -14, max = 14) int y,
                                           @ForAll Gravity gravity,
                                           @ForAll @IntRange(min = 0, max = 4) int opacityPick,
                                           @ForAll @IntRange(min = 0, max = 2) int moreLayers,
                                           @ForAll long seed) {
        Random rnd = new Random(seed);
        Image base = CompositeTesting.random(width, height, baseBands, format, rnd);
        double opacity = switch (opacityPick) {
            case 0 -> 0;
            case 1 -> 0.5;
            case 2 -> rnd.nextDouble();
            default -> 1;
        };
        List<CompositeLayer> layers = new ArrayList<>();
        layers.add(new CompositeLayer(randomLayer(rnd), mode, placement(placementKind, x, y, gravity), opacity));
        BlendMode[] modes = BlendMode.values();
        for (int i = 0; i < moreLayers; i++) {
            layers.add(new CompositeLayer(randomLayer(rnd), modes[rnd.nextInt(modes.length)],
                    placement(rnd.nextInt(5), rnd.nextInt(29) - 14, rnd.nextInt(29) - 14,
                            Gravity.values()[rnd.nextInt(9)]), rnd.nextBoolean() ? 1 : rnd.nextDouble()));
        }
        BandFormat out = rnd.nextInt(3) == 0 ? BandFormat.values()[rnd.nextInt(3)] : null;
        CompositeTesting.check(base, layers, out, "seed " + seed);
    }

    private static Image randomLayer(Random rnd) {
        return CompositeTesting.random(1 + rnd.nextInt(14), 1 + rnd.nextInt(12), 1 + rnd.nextInt(4),
                BandFormat.values()[rnd.nextInt(3)], rnd);
    }

    /** Over with an opaque layer: inside the (clipped) layer rectangle the result is the layer itself. */
    @Property(tries = 200)
    void overWithAnOpaqueLayerIsTheLayerInsideItsRect(@ForAll @IntRange(min = 1, max = 12) int width,
                                                     @ForAll @IntRange(min = 1, max = 9) int height,
                                                     @ForAll @IntRange(min = 1, max = 4) int baseBands,
                                                     @ForAll @IntRange(min = 1, max = 4) int layerBands,
                                                     @ForAll BandFormat format,
                                                     @ForAll @IntRange(min = -10, max = 12) int x,
                                                     @ForAll @IntRange(min = -10, max = 12) int y,
                                                     @ForAll long seed) {
        Random rnd = new Random(seed);
        Image base = CompositeTesting.random(width, height, baseBands, format, rnd);
        Image random = CompositeTesting.random(1 + rnd.nextInt(10), 1 + rnd.nextInt(10), layerBands, format, rnd);
        Region lp = random.fetch(random.bounds());
        if (random.hasAlpha) {   // make it opaque
            for (int i = random.bands - 1; i < random.width * random.height * random.bands; i += random.bands) {
                CompositeTesting.set(lp, i, 1.0);
            }
        }
        Image layer = dev.lamina.core.MemorySource.image(lp, random.interpretation, random.hasAlpha, null);
        Image image = CompositeOp.build(base, List.of(CompositeLayer.over(layer, Placement.at(x, y))), null);
        Region out = image.fetch(image.bounds());
        int colours = image.interpretation.colourBands;
        for (int py = Math.max(0, y); py < Math.min(height, y + layer.height); py++) {
            for (int px = Math.max(0, x); px < Math.min(width, x + layer.width); px++) {
                for (int c = 0; c < colours; c++) {
                    int lb = layer.interpretation.colourBands == 1 ? 0 : c;
                    assertEquals(lp.raw(px - x, py - y, lb), out.raw(px, py, c), "(" + px + "," + py + ") band " + c);
                }
                if (image.hasAlpha) {
                    assertEquals(format.maxValue, out.raw(px, py, colours), "alpha at (" + px + "," + py + ")");
                }
            }
        }
    }

    /** Over with a fully transparent layer (alpha 0, or opacity 0) leaves the base as it was. */
    @Property(tries = 200)
    void overWithATransparentLayerLeavesTheBase(@ForAll @IntRange(min = 1, max = 12) int width,
                                                @ForAll @IntRange(min = 1, max = 9) int height,
                                                @ForAll boolean rgb,
                                                @ForAll boolean byOpacity,
                                                @ForAll BandFormat format,
                                                @ForAll @IntRange(min = -10, max = 12) int x,
                                                @ForAll @IntRange(min = -10, max = 12) int y,
                                                @ForAll long seed) {
        Random rnd = new Random(seed);
        int bands = rgb ? 4 : 2;
        Image base = CompositeTesting.random(width, height, bands, format, rnd);
        Image layer = byOpacity ? CompositeTesting.random(7, 5, bands, format, rnd)
                : CompositeTesting.uniform(7, 5, bands, format, rnd.nextDouble(), 0);
        Image image = CompositeOp.build(base,
                List.of(new CompositeLayer(layer, BlendMode.OVER, Placement.at(x, y), byOpacity ? 0 : 1)), null);
        Region out = image.fetch(image.bounds());
        Region in = base.fetch(base.bounds());
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                boolean transparent = in.raw(px, py, bands - 1) == 0;
                for (int b = 0; b < bands; b++) {
                    // the output rule: a transparent pixel's colour is 0
                    double want = transparent && b < bands - 1 ? 0 : in.raw(px, py, b);
                    assertEquals(want, out.raw(px, py, b), "(" + px + "," + py + ") band " + b);
                }
            }
        }
    }

    @Property(tries = 150)
    void clearGivesZeroEverywhere(@ForAll @IntRange(min = 1, max = 12) int width,
                                  @ForAll @IntRange(min = 1, max = 9) int height,
                                  @ForAll @IntRange(min = 1, max = 4) int baseBands,
                                  @ForAll @IntRange(min = 1, max = 4) int layerBands,
                                  @ForAll BandFormat format,
                                  @ForAll @IntRange(min = 0, max = 4) int placementKind,
                                  @ForAll @IntRange(min = -10, max = 12) int x,
                                  @ForAll @IntRange(min = -10, max = 12) int y,
                                  @ForAll long seed) {
        Random rnd = new Random(seed);
        Image base = CompositeTesting.random(width, height, baseBands, format, rnd);
        Image layer = CompositeTesting.random(1 + rnd.nextInt(8), 1 + rnd.nextInt(8), layerBands, format, rnd);
        Image image = CompositeOp.build(base, List.of(new CompositeLayer(layer, BlendMode.CLEAR,
                placement(placementKind, x, y, Gravity.CENTRE), rnd.nextDouble())), null);
        Region out = image.fetch(image.bounds());
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                for (int b = 0; b < image.bands; b++) {
                    assertEquals(0.0, out.raw(px, py, b), "(" + px + "," + py + ") band " + b);
                }
            }
        }
    }
}
