package dev.lamina.reference.geometry;

import dev.lamina.model.Limits;
import dev.lamina.model.ExtendWith;
import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.geometry.Extend;
import dev.lamina.geometry.Trim;
import dev.lamina.reference.conversion.ReferenceSamples;
import dev.lamina.reference.conversion.TestImages;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trim's box against {@link TrimReference}, by hand, and on files read in strips. */
class TrimTest {

    /**
     * A picture of random content inside a border of one colour with noise: a few border pixels
     * nudged by up to {@code noise} (8-bit units) and, when {@code speck}, one isolated far-off pixel
     * in the border (the median hides it; line art keeps it).
     */
    static Region bordered(int w, int h, Rect content, int bands, BandFormat format, double[] border, double noise,
                           boolean speck, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Region r = Region.allocate(Rect.of(w, h), bands, format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inside = x >= content.x() && y >= content.y() && x < content.right() && y < content.bottom();
                for (int b = 0; b < bands; b++) {
                    double v = inside ? rnd.nextDouble() : Math.max(0, Math.min(1, border[b] + (rnd.nextDouble() - 0.5) * 2 * noise / 255));
                    ReferenceSamples.put(r, x, y, b, v);
                }
            }
        }
        if (speck) {
            for (int b = 0; b < bands; b++) {
                ReferenceSamples.put(r, 1, h - 2, b, 1 - border[b]);
            }
        }
        return r;
    }

    static List<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (BandFormat f : BandFormat.values()) {
            for (int bands = 1; bands <= 4; bands++) {
                all.add(Arguments.of(f, bands));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} {1} bands")
    @MethodSource("layouts")
    void matchesReference(BandFormat format, int bands) {
        double[] border = new double[bands];
        java.util.Arrays.fill(border, 0.9);
        if (bands % 2 == 0) {
            border[bands - 1] = 1.0;
        }
        int[][] sizes = {{1, 1}, {2, 5}, {23, 17}, {9, 400}};
        for (int[] s : sizes) {
            Rect content = new Rect(s[0] / 3, s[1] / 4, Math.max(1, s[0] / 2), Math.max(1, s[1] / 2));
            for (boolean lineArt : new boolean[]{false, true}) {
                for (double threshold : new double[]{0, 10, 40}) {
                    Region in = bordered(s[0], s[1], content, bands, format, border, 8, s[1] > 3, 3L * s[0] + bands);
                    String what = format + " " + bands + " bands " + s[0] + "x" + s[1] + " threshold " + threshold
                            + (lineArt ? " line art" : "");
                    Rect expected = TrimReference.box(in, border, threshold, lineArt);
                    assertEquals(expected, Trim.box(TestImages.image(in), border, threshold, lineArt), what + ", background given");
                    double[] topLeft = new double[bands];
                    for (int b = 0; b < bands; b++) {
                        topLeft[b] = in.sample(0, 0, b);
                    }
                    assertEquals(TrimReference.box(in, topLeft, threshold, lineArt),
                            Trim.box(TestImages.sequential(in), null, threshold, lineArt), what + ", top-left, in strips");
                }
            }
        }
    }

    /** A 9x7 white picture with a 3x2 black block at (4, 2), and one black speck at (0, 6). */
    @Test
    void handWorkedBoxes() {
        Region in = Region.allocate(Rect.of(9, 7), 1, BandFormat.U8);
        java.util.Arrays.fill(in.u8(), (byte) 255);
        for (int y = 2; y < 4; y++) {
            for (int x = 4; x < 7; x++) {
                in.u8()[y * 9 + x] = 0;
            }
        }
        Image img = TestImages.image(in);
        double[] white = {1.0};
        assertEquals(new Rect(4, 2, 3, 2), Trim.box(img, white, 10, true), "line art: the block exactly");
        in.u8()[6 * 9] = 0;   // the speck
        assertEquals(new Rect(0, 2, 7, 5), Trim.box(TestImages.image(in), white, 10, true), "line art keeps the speck");
        assertEquals(TrimReference.box(in, white, 10, false), Trim.box(TestImages.image(in), white, 10, false));
        Rect median = Trim.box(TestImages.image(in), white, 10, false);
        assertTrue(median.x() >= 4, "the median hides the speck: " + median);
        // a difference of exactly the threshold is border: 255 - 245 = 10
        Region grey = Region.allocate(Rect.of(3, 3), 1, BandFormat.U8);
        java.util.Arrays.fill(grey.u8(), (byte) 255);
        grey.u8()[4] = (byte) 245;
        assertNull(Trim.box(TestImages.image(grey), white, 10, true), "10 is not more than 10");
        assertEquals(new Rect(1, 1, 1, 1), Trim.box(TestImages.image(grey), white, 9.5, true));
    }

    /** A transparent border is trimmed whatever colour hides under alpha 0 (sharp searches alpha too). */
    @Test
    void transparentBorderWithHiddenColour() {
        Region in = bordered(12, 10, new Rect(3, 2, 5, 6), 4, BandFormat.U8, new double[]{0, 0, 0, 0}, 0, false, 9);
        SplittableRandom rnd = new SplittableRandom(4);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 12; x++) {
                boolean inside = x >= 3 && y >= 2 && x < 8 && y < 8;
                if (!inside) {
                    for (int b = 0; b < 3; b++) {
                        in.u8()[in.index(x, y) + b] = (byte) rnd.nextInt(256);   // colour under alpha 0
                    }
                } else {
                    in.u8()[in.index(x, y) + 3] = (byte) 255;
                }
            }
        }
        Image trimmed = Trim.build(TestImages.image(in), null, 10, false);
        assertEquals(5, trimmed.width);
        assertEquals(6, trimmed.height);
    }

    @Test
    void noContentLeavesTheImageAndBadThresholdsAreRefused() {
        Image flat = Extend.build(TestImages.image(bordered(1, 1, new Rect(0, 0, 0, 0), 3, BandFormat.U16,
                new double[]{0.2, 0.4, 0.6}, 0, false, 1)), 0, 0, 30, 20, ExtendWith.COPY, null);
        assertSame(flat, Trim.build(flat, null, 10, false));
        assertThrows(LaminaException.class, () -> Trim.build(flat, null, -1, false));
        assertThrows(LaminaException.class, () -> Trim.build(flat, null, Double.NaN, false));
        assertThrows(LaminaException.class, () -> Trim.build(flat, new double[]{1}, 10, false));
    }

    /** A file read forward: three passes (top-left pixel, box, result), each opening the decoder once. */
    @Test
    void aSequentialInputIsReadABoundedNumberOfTimes() {
        Region in = bordered(40, 700, new Rect(5, 100, 20, 300), 3, BandFormat.U8, new double[]{1, 1, 1}, 5, true, 2);
        AtomicInteger opens = new AtomicInteger();
        Image trimmed = Trim.build(TestImages.sequential(in, opens), null, 10, false);
        assertEquals(2, opens.get(), "top-left pixel and the box");
        Region got = trimmed.materialise(Limits.defaults(), "test").fetch(trimmed.bounds());
        assertEquals(3, opens.get(), "and the result");
        Rect box = TrimReference.box(in, new double[]{in.sample(0, 0, 0), in.sample(0, 0, 1), in.sample(0, 0, 2)}, 10, false);
        TestImages.assertSamples(ExtractReference.extract(in, box), got, "trimmed");
    }

    @Property(tries = 150)
    void anyPictureMatchesReference(@ForAll @IntRange(min = 1, max = 30) int w, @ForAll @IntRange(min = 1, max = 30) int h,
                                    @ForAll @IntRange(min = 1, max = 4) int bands, @ForAll @DoubleRange(min = 0, max = 60) double threshold,
                                    @ForAll @DoubleRange(min = 0, max = 30) double noise, @ForAll boolean lineArt,
                                    @ForAll @IntRange(min = 0, max = 2) int formatIndex, @ForAll long seed) {
        BandFormat format = BandFormat.values()[formatIndex];
        SplittableRandom rnd = new SplittableRandom(seed);
        int cx = rnd.nextInt(w), cy = rnd.nextInt(h);
        Rect content = new Rect(cx, cy, 1 + rnd.nextInt(w - cx), 1 + rnd.nextInt(h - cy));
        double[] border = new double[bands];
        for (int b = 0; b < bands; b++) {
            border[b] = rnd.nextDouble();
        }
        Region in = bordered(w, h, content, bands, format, border, noise, rnd.nextBoolean() && h > 2 && w > 1, seed);
        assertEquals(TrimReference.box(in, border, threshold, lineArt), Trim.box(TestImages.image(in), border, threshold, lineArt));
    }
}
