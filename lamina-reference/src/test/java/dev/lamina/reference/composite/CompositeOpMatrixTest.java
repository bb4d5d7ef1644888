package dev.lamina.reference.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.Placement;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path against the float64 reference for every input format x base bands x layer bands x
 * blend mode, with a layer partly off the base (so pixels outside it are checked too) at full
 * opacity, and centred at 0.6 opacity.
 */
class CompositeOpMatrixTest {
    private static final CompositeTesting.Tally U8_TOTAL = new CompositeTesting.Tally();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (BandFormat f : BandFormat.values()) {
            for (int baseBands = 1; baseBands <= 4; baseBands++) {
                for (int layerBands = 1; layerBands <= 4; layerBands++) {
                    for (BlendMode m : BlendMode.values()) {
                        all.add(Arguments.of(f, baseBands, layerBands, m));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} base {1} bands, layer {2} bands, {3}")
    @MethodSource("cases")
    void matchesTheReference(BandFormat format, int baseBands, int layerBands, BlendMode mode) {
        Random rnd = new Random(format.ordinal() * 1000L + baseBands * 100L + layerBands * 10L + mode.ordinal());
        Image base = CompositeTesting.random(11, 9, baseBands, format, rnd);
        Image layer = CompositeTesting.random(6, 5, layerBands, format, rnd);
        String label = format + " " + baseBands + "/" + layerBands + " " + mode;

        CompositeTesting.Tally a = CompositeTesting.check(base,
                List.of(new CompositeLayer(layer, mode, Placement.at(7, -2), 1.0)), null, label + " clipped");
        CompositeTesting.Tally b = CompositeTesting.check(base,
                List.of(new CompositeLayer(layer, mode, Placement.gravity(Gravity.CENTRE), 0.6)), null,
                label + " centred 0.6");
        if (format == BandFormat.U8) {
            synchronized (U8_TOTAL) {
                U8_TOTAL.samples += a.samples + b.samples;
                U8_TOTAL.offByOne += a.offByOne + b.offByOne;
            }
        }
    }

    static Stream<Arguments> mixedFormats() {
        List<Arguments> all = new ArrayList<>();
        BandFormat[] outs = {null, BandFormat.U8, BandFormat.U16, BandFormat.F32};
        BlendMode[] modes = {BlendMode.OVER, BlendMode.XOR, BlendMode.SOFT_LIGHT, BlendMode.ADD, BlendMode.DEST_IN};
        for (BandFormat baseFormat : BandFormat.values()) {
            for (BandFormat layerFormat : BandFormat.values()) {
                for (BandFormat out : outs) {
                    for (BlendMode m : modes) {
                        all.add(Arguments.of(baseFormat, layerFormat, out, m));
                    }
                }
            }
        }
        return all.stream();
    }

    /** Inputs of different formats, with the widest format or a given output format. */
    @ParameterizedTest(name = "{0} base, {1} layer, output {2}, {3}")
    @MethodSource("mixedFormats")
    void mixedFormatsMatchTheReference(BandFormat baseFormat, BandFormat layerFormat, BandFormat out, BlendMode mode) {
        Random rnd = new Random(baseFormat.ordinal() * 100L + layerFormat.ordinal() * 10L + mode.ordinal());
        Image base = CompositeTesting.random(10, 7, 3, baseFormat, rnd);
        Image layer = CompositeTesting.random(5, 4, 2, layerFormat, rnd);
        CompositeTesting.check(base, List.of(new CompositeLayer(layer, mode, Placement.at(2, 1), 0.8)), out,
                baseFormat + "+" + layerFormat + "->" + out + " " + mode);
    }

    @AfterAll
    static void eightBitResultsAreAlmostAlwaysCorrectlyRounded() {
        assertTrue(U8_TOTAL.samples > 0);
        assertTrue(U8_TOTAL.offByOne <= U8_TOTAL.samples / 1000,
                U8_TOTAL.offByOne + " of " + U8_TOTAL.samples + " 8-bit samples off by one");
    }
}
