package dev.lamina.metrics;

import dev.lamina.colour.CieLab;
import dev.lamina.colour.DeltaE2000;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
