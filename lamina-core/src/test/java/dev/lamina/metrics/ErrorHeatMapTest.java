package dev.lamina.metrics;

import dev.lamina.Execution;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.Encoders;
import dev.lamina.colour.CieLab;
import dev.lamina.colour.DeltaE2000;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.model.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorHeatMapTest {
    private static int rgbAt(Region r, int x, int y) {
        int i = r.index(x, y);
        return ((r.u8()[i] & 0xFF) << 16) | ((r.u8()[i + 1] & 0xFF) << 8) | (r.u8()[i + 2] & 0xFF);
    }

    @Test
    void mapsNoErrorToTheDarkEndLargeErrorToTheBrightEndAndAddsALegend() {
        int w = 240, h = 30;
        Region ra = Region.allocate(Rect.of(w, h), 4, BandFormat.U8);
        for (int i = 0; i < w * h * 4; i += 4) {
            ra.u8()[i] = (byte) 120;
            ra.u8()[i + 1] = (byte) 130;
            ra.u8()[i + 2] = (byte) 140;
            ra.u8()[i + 3] = (byte) 255;
        }
        Region rb = TestImages.map(ra, v -> v);
        int big = rb.index(10, 5);          // a large difference
        rb.u8()[big] = (byte) 255;
        int small = rb.index(20, 5);        // a difference of about half the scale
        rb.u8()[small + 2] = (byte) 150;
        int hidden = ra.index(30, 5);       // transparent in both
        ra.u8()[hidden + 3] = 0;
        rb.u8()[hidden + 3] = 0;

        Image map = ErrorHeatMap.image(TestImages.image(ra, true), TestImages.image(rb, true), false, 5);
        assertEquals(w, map.width);
        assertEquals(h + ErrorHeatMap.LEGEND_HEIGHT, map.height);
        Region px = map.fetch(map.bounds());
        // viridis' published end colours, #440154 and #fde725
        assertEquals(0x440154, rgbAt(px, 0, 0));
        assertEquals(0xFDE725, rgbAt(px, 10, 5));
        assertEquals(0x000000, rgbAt(px, 30, 5));
        double expected = DeltaE2000.of(CieLab.fromSrgb(120 / 255.0, 130 / 255.0, 140 / 255.0),
                CieLab.fromSrgb(120 / 255.0, 130 / 255.0, 150 / 255.0));
        assertEquals(HeatRamp.rgb(expected / 5), rgbAt(px, 20, 5));
        assertNotEquals(0x440154, rgbAt(px, 20, 5));

        // the legend's colour bar runs from the dark end to the bright end, left to right
        int barY = h + 27;
        assertEquals(0x440154, rgbAt(px, 12, barY));
        assertEquals(0xFDE725, rgbAt(px, w - 13, barY));
        int textPixels = 0;
        for (int y = h; y < h + 16; y++) {
            for (int x = 0; x < w; x++) {
                if (rgbAt(px, x, y) != 0x202020) {
                    textPixels++;
                }
            }
        }
        assertTrue(textPixels > 50, "the caption is drawn (" + textPixels + " pixels)");
    }

    @Test
    void narrowImagesArePaddedSoTheLegendFits() {
        Image a = TestImages.image(TestImages.random(1, 40, 12, 3, BandFormat.U8, 0, 255), false);
        Image map = ErrorHeatMap.image(a, a, false, 1);
        assertEquals(ErrorHeatMap.MIN_WIDTH, map.width);
        Region px = map.fetch(map.bounds());
        assertEquals(0x440154, rgbAt(px, 39, 11));
        assertEquals(0x202020, rgbAt(px, 40, 11));
    }

    @Test
    void scalesAndTicksAreRound() {
        assertEquals(1, ErrorHeatMap.niceScale(0));
        assertEquals(2, ErrorHeatMap.niceScale(1.3));
        assertEquals(25, ErrorHeatMap.niceScale(21));
        assertEquals(50, ErrorHeatMap.niceScale(27.1));
        assertEquals(1, ErrorHeatMap.tickStep(5));
        assertEquals(5, ErrorHeatMap.tickStep(25));
        assertEquals(0.2, ErrorHeatMap.tickStep(1), 1e-12);
    }

    /*
     * Issue 9 item 3, as the command runs it: two PNG files opened once (sequential sources behind a
     * line cache), the statistics pulled first, then the heat map pulled from the same images by the
     * PNG encoder in parallel strips. Before LineCache kept its oldest held row, the encoder's first
     * 291-row strip grew the ring the statistics run had left at row 400, the derived bound
     * (nextRow - ring length = 0) claimed rows the new slots never held, and the top 146 rows of
     * the map were computed from zeros: a uniform map here, and black ("transparent") for RGBA even
     * against itself. The expected map is worked out pixel by pixel from the samples themselves
     * (CIEDE2000 of sRGB through CIELAB), and the PNG read back by ImageIO.
     */
    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void topRowsInvertedGiveTheirOwnErrorNotZeros(int workers) throws Exception {
        Region a = TestImages.random(31, 600, 400, 3, BandFormat.U8, 0, 255);
        Region b = TestImages.map(a, v -> v);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 600; x++) {
                for (int c = 0; c < 3; c++) {
                    int i = b.index(x, y) + c;
                    b.u8()[i] = (byte) (255 - (b.u8()[i] & 0xFF));
                }
            }
        }
        double[][] expected = deltaE(a, b);
        double mean = 0;
        double max = 0;
        for (double[] row : expected) {
            for (double d : row) {
                mean += d;
                max = Math.max(max, d);
            }
        }
        mean /= 600 * 400;
        double top = ErrorHeatMap.niceScale(max);
        BufferedImage map = runLikeTheCommand(png(a, false), png(b, false), workers, top, mean);
        int wrong = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                if (!rampMatches(expected[y][x] / top, map.getRGB(x, y) & 0xFFFFFF)) {
                    wrong++;
                }
            }
        }
        assertEquals(0, wrong, "pixels of the map that are not the ramp's colour of their own CIEDE2000");
        assertNotEquals(0x440154, map.getRGB(300, 10) & 0xFFFFFF, "the inverted band shows an error");
        assertEquals(0x440154, map.getRGB(300, 200) & 0xFFFFFF, "the untouched rows show none");
    }

    /** The same pipeline comparing an RGBA image (alpha 1..255, nowhere transparent) with itself. */
    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void anRgbaImageAgainstItselfIsZeroErrorEverywhereAndOpaque(int workers) throws Exception {
        Region a = TestImages.random(32, 600, 400, 4, BandFormat.U8, 1, 255);
        byte[] file = png(a, true);
        BufferedImage map = runLikeTheCommand(file, file, workers, 1, 0);
        assertFalse(map.getColorModel().hasAlpha(), "the map is opaque RGB");
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                assertEquals(0x440154, map.getRGB(x, y) & 0xFFFFFF, "zero error at " + x + "," + y);
            }
        }
    }

    private static byte[] png(Region r, boolean alpha) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoders.write(MemorySource.image(r, Interpretation.RGB, alpha, Metadata.NONE), out, PngOptions.png());
        return out.toByteArray();
    }

    /** Statistics, then the heat map, over the same two opened files, as CompareCommand does. */
    private static BufferedImage runLikeTheCommand(byte[] first, byte[] second, int workers, double top,
                                                   double expectedMean) throws Exception {
        Image a = Decoders.open(first, "a.png", LoadOptions.defaults());
        Image b = Decoders.open(second, "b.png", LoadOptions.defaults());
        assertTrue(a.sequential && b.sequential, "decoded as the command decodes: strip by strip");
        byte[] map = Execution.standard().threads(workers).call(() -> {
            Comparison c = Compare.of(a, b);
            assertEquals(expectedMean, c.deltaEMean(), 1e-9, "the statistics' mean CIEDE2000");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Encoders.write(ErrorHeatMap.image(a, b, false, top), out, PngOptions.png());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(map));
        assertEquals(600, img.getWidth());
        assertEquals(400 + ErrorHeatMap.LEGEND_HEIGHT, img.getHeight());
        return img;
    }

    /** CIEDE2000 of every pixel, straight from the samples (alpha is 255 in both or equal). */
    private static double[][] deltaE(Region a, Region b) {
        int w = a.rect().width(), h = a.rect().height();
        double[][] d = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = a.index(x, y);
                d[y][x] = DeltaE2000.of(
                        CieLab.fromSrgb((a.u8()[i] & 0xFF) / 255.0, (a.u8()[i + 1] & 0xFF) / 255.0, (a.u8()[i + 2] & 0xFF) / 255.0),
                        CieLab.fromSrgb((b.u8()[i] & 0xFF) / 255.0, (b.u8()[i + 1] & 0xFF) / 255.0, (b.u8()[i + 2] & 0xFF) / 255.0));
            }
        }
        return d;
    }

    /** The ramp's colour of {@code t}, allowing the neighbouring entry when t sits on a step (rounding of t). */
    private static boolean rampMatches(double t, int rgb) {
        return HeatRamp.rgb(t) == rgb || HeatRamp.rgb(t - 1e-9) == rgb || HeatRamp.rgb(t + 1e-9) == rgb;
    }
}
