package dev.lamina.resample;

import dev.lamina.model.Limits;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.LineCache;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import dev.lamina.core.StripSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of Resize that need no reference: constants, fringes, streaming, arguments. */
class ResizeTest {

    private static Interpretation interpretation(int bands) {
        return bands <= 2 ? Interpretation.GREY : Interpretation.RGB;
    }

    private static Region constant(int w, int h, int bands, BandFormat f, double[] value) {
        Region r = Region.allocate(Rect.of(w, h), bands, f);
        for (int i = 0; i < w * h * bands; i++) {
            double v = value[i % bands];
            switch (f) {
                case U8 -> r.u8()[i] = (byte) Math.round(v * 255);
                case U16 -> r.u16()[i] = (short) Math.round(v * 65535);
                case F32 -> r.f32()[i] = (float) v;
            }
        }
        return r;
    }

    /** A constant image stays exactly constant, whatever the kernel, format, bands and sizes. */
    @ParameterizedTest
    @EnumSource(Kernel.class)
    void constantStaysExactlyConstant(Kernel k) {
        double[] value = {0.2, 0.7, 0.9, 0.6};   // alpha 0.6 where there is alpha
        int[][] sizes = {{37, 23, 9, 5}, {9, 5, 31, 17}, {1, 1, 4, 3}, {13, 9, 1, 1}, {40, 3, 13, 3}};
        for (BandFormat f : BandFormat.values()) {
            for (int bands = 1; bands <= 4; bands++) {
                double[] v = value.clone();
                if (bands % 2 == 0) {
                    v[bands - 1] = 0.6;
                }
                for (int[] s : sizes) {
                    Region in = constant(s[0], s[1], bands, f, v);
                    Image img = MemorySource.image(in, interpretation(bands), bands % 2 == 0, Metadata.NONE);
                    Region out = Resize.build(img, s[2], s[3], k).fetch(Rect.of(s[2], s[3]));
                    for (int y = 0; y < s[3]; y++) {
                        for (int x = 0; x < s[2]; x++) {
                            for (int b = 0; b < bands; b++) {
                                double expected = in.raw(0, 0, b), got = out.raw(x, y, b);
                                if (f == BandFormat.F32) {
                                    assertEquals(expected, got, 1e-7, k + " " + f + " " + bands + " bands " + x + "," + y);
                                } else {
                                    assertEquals(expected, got, k + " " + f + " " + bands + " bands " + x + "," + y);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * White shapes on transparent black, downscaled 4x: wherever a pixel is not fully transparent it
     * is white, since the hidden black of the transparent pixels weighs nothing once premultiplied.
     */
    @ParameterizedTest
    @EnumSource(value = Kernel.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
    void noFringeFromHiddenColour(Kernel k) {
        for (BandFormat f : BandFormat.values()) {
            int w = 64, h = 48;
            Region in = Region.allocate(Rect.of(w, h), 4, f);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean disc = (x - 20) * (x - 20) + (y - 20) * (y - 20) < 150;
                    boolean bar = x >= 41 && x < 43;   // 2 pixels wide: thinner than one output pixel
                    double a = disc ? 1.0 : bar ? 0.5 : 0.0;
                    double c = a > 0 ? 1.0 : 0.0;       // transparent pixels hide black
                    for (int b = 0; b < 4; b++) {
                        double v = b == 3 ? a : c;
                        int i = in.index(x, y) + b;
                        switch (f) {
                            case U8 -> in.u8()[i] = (byte) Math.round(v * 255);
                            case U16 -> in.u16()[i] = (short) Math.round(v * 65535);
                            case F32 -> in.f32()[i] = (float) v;
                        }
                    }
                }
            }
            Image img = MemorySource.image(in, Interpretation.RGB, true, Metadata.NONE);
            Region out = Resize.build(img, w / 4, h / 4, k).fetch(Rect.of(w / 4, h / 4));
            int visible = 0;
            for (int y = 0; y < h / 4; y++) {
                for (int x = 0; x < w / 4; x++) {
                    if (out.raw(x, y, 3) <= 0) {
                        continue;
                    }
                    visible++;
                    for (int b = 0; b < 3; b++) {
                        double white = f.maxValue;
                        assertEquals(white, out.raw(x, y, b), f == BandFormat.F32 ? 1e-6 : 0.0,
                                k + " " + f + " colour of (" + x + "," + y + ") with alpha " + out.raw(x, y, 3));
                    }
                }
            }
            assertTrue(visible > 20, "the shapes are there: " + visible);
        }
    }

    /**
     * The two orders of the passes (Resize picks the cheaper) give the same samples: random U16
     * RGBA, where a difference in rounding would show, over downscales, upscales and mixtures.
     */
    @ParameterizedTest
    @EnumSource(value = Kernel.class, names = "NEAREST", mode = EnumSource.Mode.EXCLUDE)
    void bothOrdersOfThePassesAgree(Kernel k) {
        int[][] sizes = {{64, 48, 16, 12}, {30, 20, 61, 41}, {40, 40, 28, 60}, {50, 30, 70, 12}, {33, 77, 32, 76}};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int[] s : sizes) {
            Region in = Region.allocate(Rect.of(s[0], s[1]), 4, BandFormat.U16);
            for (int i = 0; i < in.u16().length; i++) {
                in.u16()[i] = (short) rnd.nextInt(65536);
            }
            Image img = MemorySource.image(in, Interpretation.RGB, true, Metadata.NONE);
            Region horizontalFirst = Resize.build(img, s[2], s[3], k, false).materialise(Limits.defaults(), "test").fetch(Rect.of(s[2], s[3]));
            Region verticalFirst = Resize.build(img, s[2], s[3], k, true).materialise(Limits.defaults(), "test").fetch(Rect.of(s[2], s[3]));
            Region chosen = Resize.build(img, s[2], s[3], k).fetch(Rect.of(s[2], s[3]));
            for (int i = 0; i < horizontalFirst.u16().length; i++) {
                String what = k + " " + s[0] + "x" + s[1] + " -> " + s[2] + "x" + s[3] + " sample " + i;
                assertEquals(horizontalFirst.u16()[i], verticalFirst.u16()[i], what);
                assertEquals(horizontalFirst.u16()[i], chosen.u16()[i], what);
            }
        }
    }

    /** NEAREST copies pixels, hidden colour under zero alpha included. */
    @Test
    void nearestCopiesExactly() {
        Region in = Region.allocate(Rect.of(5, 1), 2, BandFormat.U8);
        byte[] v = {10, 0, 20, (byte) 255, 30, 7, 40, 0, 50, (byte) 128};
        System.arraycopy(v, 0, in.u8(), 0, v.length);
        Image img = MemorySource.image(in, Interpretation.GREY, true, Metadata.NONE);
        Region out = Resize.build(img, 3, 1, Kernel.NEAREST).fetch(Rect.of(3, 1));
        // inputs floor(0.83) = 0, floor(2.5) = 2, floor(4.17) = 4
        assertEquals(10, out.raw(0, 0, 0));
        assertEquals(0, out.raw(0, 0, 1));
        assertEquals(30, out.raw(1, 0, 0));
        assertEquals(7, out.raw(1, 0, 1));
        assertEquals(50, out.raw(2, 0, 0));
        assertEquals(128, out.raw(2, 0, 1));
    }

    @Test
    void keepsTheDescriptionAndReturnsTheSameImageForTheSameSize() {
        Region in = constant(8, 6, 4, BandFormat.U16, new double[]{0.1, 0.2, 0.3, 0.4});
        Image img = MemorySource.image(in, Interpretation.RGB, true, Metadata.NONE);
        Image out = Resize.build(img, 3, 11, Kernel.LANCZOS3);
        assertEquals(3, out.width);
        assertEquals(11, out.height);
        assertEquals(Interpretation.RGB, out.interpretation);
        assertTrue(out.hasAlpha);
        assertEquals(BandFormat.U16, out.format);
        assertSame(img, Resize.build(img, 8, 6, Kernel.MITCHELL));
    }

    @Test
    void badSizesAreLaminaExceptions() {
        Image img = MemorySource.image(constant(4, 4, 1, BandFormat.U8, new double[]{0.5}), Interpretation.GREY,
                false, Metadata.NONE);
        LaminaException e = assertThrows(LaminaException.class, () -> Resize.build(img, 0, 3, Kernel.CUBIC));
        assertTrue(e.getMessage().contains("0x3"), e.getMessage());
        assertThrows(LaminaException.class, () -> Resize.build(img, 3, -1, Kernel.CUBIC));
        assertThrows(LaminaException.class, () -> Resize.build(img, 3, 3, null));
    }

    /**
     * A big downscale of a decoder behind a line cache, saved in strips on the worker pool: the
     * decoder is opened once and each row decoded once (no request falls behind the ring).
     */
    @ParameterizedTest
    @EnumSource(value = Kernel.class, names = {"LINEAR", "LANCZOS3"})
    void bigDownscaleOfASequentialSourceReadsTheDecoderOnce(Kernel k) {
        int w = 96, h = 6000;
        AtomicInteger opens = new AtomicInteger();
        AtomicLong rowsDecoded = new AtomicLong();
        Image src = LineCache.image(() -> {
            opens.incrementAndGet();
            return new RowDecoder() {
                @Override
                public void decodeRow(Region dst, int y) {
                    rowsDecoded.incrementAndGet();
                    for (int x = 0; x < w; x++) {
                        for (int b = 0; b < 3; b++) {
                            dst.u8()[dst.index(x, y) + b] = (byte) (x * 3 + y + b * 50);
                        }
                    }
                }

                @Override
                public void close() {
                }
            };
        }, w, h, Interpretation.RGB, false, BandFormat.U8, Metadata.NONE, "wide", Limits.defaults());
        Image out = Resize.build(src, w / 16, h / 16, k);
        AtomicInteger rows = new AtomicInteger();
        StripSink.run(out, strip -> rows.addAndGet(strip.rect().height()));
        assertEquals(h / 16, rows.get());
        assertEquals(1, opens.get(), "the decoder is opened once");
        assertEquals(h, rowsDecoded.get(), "every row is decoded once");
    }
}
