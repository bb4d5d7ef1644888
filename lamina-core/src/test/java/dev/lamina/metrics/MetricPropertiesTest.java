package dev.lamina.metrics;

import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every metric must have, whatever the image. */
class MetricPropertiesTest {

    @Property(tries = 25)
    void identicalImagesAreIdenticalByEveryMetric(@ForAll @IntRange(min = 1, max = 4) int bands,
                                                  @ForAll boolean sixteenBit,
                                                  @ForAll @IntRange(min = 11, max = 60) int w,
                                                  @ForAll @IntRange(min = 11, max = 60) int h,
                                                  @ForAll long seed) {
        BandFormat f = sixteenBit ? BandFormat.U16 : BandFormat.U8;
        boolean alpha = bands == 2 || bands == 4;
        Region r = TestImages.random(seed, w, h, bands, f, 0, f.maxValue);
        Image a = TestImages.image(r, alpha), b = TestImages.image(TestImages.map(r, v -> v), alpha);
        Comparison c = Compare.of(a, b);
        assertEquals(Double.POSITIVE_INFINITY, c.psnr());
        for (double p : c.psnrPerBand()) {
            assertEquals(Double.POSITIVE_INFINITY, p);
        }
        assertEquals(1.0, c.ssim(), 1e-12);
        assertEquals(0.0, c.deltaEMean());
        assertEquals(0.0, c.deltaEMax());
        assertEquals(0.0, c.deltaEP95());
        assertEquals(0.0, c.maxAbsError());
        assertEquals(0, c.differingSamples());
        assertTrue(c.identical());
    }

    @Test
    void identicalLargeImagesHaveMsSsimOne() {
        Region r = TestImages.random(5, 180, 200, 3, BandFormat.U8, 0, 255);
        Comparison c = Compare.of(TestImages.image(r, false), TestImages.image(TestImages.map(r, v -> v), false));
        assertEquals(1.0, c.msSsim(), 1e-12);
    }

    @Property(tries = 20)
    void everyMetricIsSymmetric(@ForAll @IntRange(min = 1, max = 4) int bands,
                                @ForAll @IntRange(min = 11, max = 50) int w,
                                @ForAll @IntRange(min = 11, max = 50) int h,
                                @ForAll long seed) {
        boolean alpha = bands == 2 || bands == 4;
        Image a = TestImages.image(TestImages.random(seed, w, h, bands, BandFormat.U8, 0, 255), alpha);
        Image b = TestImages.image(TestImages.random(seed + 1, w, h, bands, BandFormat.U8, 0, 255), alpha);
        Comparison ab = Compare.of(a, b), ba = Compare.of(b, a);
        assertEquals(ab.psnr(), ba.psnr(), 0);
        assertEquals(ab.ssim(), ba.ssim(), 1e-12);
        assertEquals(ab.deltaEMean(), ba.deltaEMean(), 1e-9);
        assertEquals(ab.deltaEMax(), ba.deltaEMax(), 1e-9);
        assertEquals(ab.maxAbsError(), ba.maxAbsError(), 0);
        assertEquals(ab.differingSamples(), ba.differingSamples());
    }

    @Property(tries = 20)
    void aUniformOffsetOfOneGivesTheFormulasPsnr(@ForAll @IntRange(min = 1, max = 3) int bands,
                                                  @ForAll boolean sixteenBit,
                                                  @ForAll @IntRange(min = 1, max = 40) int w,
                                                  @ForAll @IntRange(min = 1, max = 40) int h,
                                                  @ForAll long seed) {
        BandFormat f = sixteenBit ? BandFormat.U16 : BandFormat.U8;
        Region r = TestImages.random(seed, w, h, bands == 2 ? 3 : bands, f, 0, f.maxValue - 1);
        Image a = TestImages.image(r, false), b = TestImages.image(TestImages.map(r, v -> v + 1), false);
        Comparison c = Compare.of(a, b, false, EnumSet.of(Metric.PIXEL_ERRORS));
        // MSE = 1, so PSNR = 10 log10(L^2) = 20 log10(L): 48.1308 dB for 8 bits, 96.3295 dB for 16
        double expected = sixteenBit ? 96.32946607530499 : 48.1308036086791;
        assertEquals(expected, c.psnr(), 1e-9);
        for (double p : c.psnrPerBand()) {
            assertEquals(expected, p, 1e-9);
        }
        assertEquals(1.0, c.maxAbsError());
        assertEquals(1.0, c.differingShare());
    }

    @Property(tries = 15)
    void resultsDoNotDependOnHowTheImageIsCutIntoStrips(@ForAll @IntRange(min = 11, max = 40) int w,
                                                       @ForAll @IntRange(min = 11, max = 90) int h,
                                                       @ForAll @IntRange(min = 1, max = 24) int stripHeight,
                                                       @ForAll long seed) {
        Image a = TestImages.image(TestImages.random(seed, w, h, 4, BandFormat.U8, 0, 255), true);
        Image b = TestImages.image(TestImages.random(seed ^ 7, w, h, 4, BandFormat.U8, 0, 255), true);
        EnumSet<Metric> all = EnumSet.allOf(Metric.class);
        Comparison whole = Compare.of(a, b, false, all, h + 1);
        Comparison cut = Compare.of(a, b, false, all, stripHeight);
        assertEquals(whole.psnr(), cut.psnr(), 1e-9);
        assertEquals(whole.ssim(), cut.ssim(), 1e-12);
        assertEquals(whole.deltaEMean(), cut.deltaEMean(), 1e-9);
        assertEquals(whole.deltaEP95(), cut.deltaEP95(), 0);
        assertEquals(whole.differingSamples(), cut.differingSamples());
    }

    @Test
    void msSsimDoesNotDependOnStripsEither() {
        Image a = TestImages.image(TestImages.random(11, 190, 181, 3, BandFormat.U8, 0, 255), false);
        Image b = TestImages.image(TestImages.random(12, 190, 181, 3, BandFormat.U8, 0, 255), false);
        EnumSet<Metric> ms = EnumSet.of(Metric.MS_SSIM);
        double whole = Compare.of(a, b, false, ms, 200).msSsim();
        assertTrue(whole > 0 && whole < 1, "MS-SSIM " + whole);
        assertEquals(whole, Compare.of(a, b, false, ms, 6).msSsim(), 1e-12);
        assertEquals(whole, Compare.of(a, b, false, ms, 34).msSsim(), 1e-12);
    }

    @Test
    void colourUnderZeroAlphaDoesNotCountUnlessStraight() {
        Region ra = TestImages.random(3, 30, 20, 4, BandFormat.U8, 0, 255);
        for (int i = 3; i < 30 * 20 * 4; i += 4) {
            ra.u8()[i] = (byte) (i % 8 == 3 ? 0 : 255);   // half the pixels invisible
        }
        // b: the same image, with different colour under every invisible pixel
        Region rb = TestImages.map(ra, v -> v);
        for (int i = 0; i < 30 * 20 * 4; i += 4) {
            if (rb.u8()[i + 3] == 0) {
                rb.u8()[i] = (byte) ~rb.u8()[i];
                rb.u8()[i + 1] = (byte) 17;
            }
        }
        Image a = TestImages.image(ra, true), b = TestImages.image(rb, true);
        Comparison premultiplied = Compare.of(a, b);
        assertEquals(Double.POSITIVE_INFINITY, premultiplied.psnr());
        assertEquals(0, premultiplied.differingSamples());
        assertEquals(1.0, premultiplied.ssim(), 1e-12);
        assertEquals(300, premultiplied.visiblePixels());
        assertEquals(0.0, premultiplied.deltaEMax());

        Comparison straight = Compare.of(a, b, true, EnumSet.allOf(Metric.class));
        assertTrue(straight.psnr() < 30, "straight PSNR " + straight.psnr());
        assertTrue(straight.differingSamples() >= 300);
        assertEquals(600, straight.visiblePixels());
        assertTrue(straight.deltaEMax() > 1);
    }

    @Test
    void halfTransparentColourCountsHalf() {
        Region ra = Region.allocate(dev.lamina.core.Rect.of(4, 4), 2, BandFormat.U8);
        Region rb = Region.allocate(dev.lamina.core.Rect.of(4, 4), 2, BandFormat.U8);
        for (int i = 0; i < 32; i += 2) {
            ra.u8()[i] = (byte) 100;
            rb.u8()[i] = (byte) 110;
            ra.u8()[i + 1] = (byte) 51;    // alpha 0.2
            rb.u8()[i + 1] = (byte) 51;
        }
        Comparison c = Compare.of(TestImages.image(ra, true), TestImages.image(rb, true),
                false, EnumSet.of(Metric.PIXEL_ERRORS));
        assertEquals(2.0, c.maxAbsError(), 1e-12);                 // 10 x 0.2
        assertEquals(10 * Math.log10(255.0 * 255 / 4), c.psnrPerBand()[0], 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, c.psnrPerBand()[1]); // alpha identical
    }

    @Test
    void differentLayoutsOfTheSamePixelsAreIdentical() {
        Region grey = TestImages.random(9, 20, 15, 1, BandFormat.U8, 0, 255);
        Region rgb = Region.allocate(grey.rect(), 3, BandFormat.U8);
        Region rgba16 = Region.allocate(grey.rect(), 4, BandFormat.U16);
        for (int p = 0; p < 300; p++) {
            int v = grey.u8()[p] & 0xFF;
            for (int c = 0; c < 3; c++) {
                rgb.u8()[p * 3 + c] = (byte) v;
                rgba16.u16()[p * 4 + c] = (short) (v * 257);
            }
            rgba16.u16()[p * 4 + 3] = (short) 65535;
        }
        Image g = TestImages.image(grey, false);
        assertTrue(Compare.of(g, TestImages.image(rgb, false)).identical());
        Comparison wide = Compare.of(g, TestImages.image(rgba16, true));
        assertTrue(wide.identical());
        assertEquals(65535.0, wide.dataRange());
        assertEquals(4, wide.bandNames().length);
    }

    @Test
    void imagesOfDifferentSizesAreRefusedWithBothSizes() {
        Image a = TestImages.image(TestImages.random(1, 20, 10, 3, BandFormat.U8, 0, 255), false);
        Image b = TestImages.image(TestImages.random(1, 21, 10, 3, BandFormat.U8, 0, 255), false);
        LaminaException e = assertThrows(LaminaException.class, () -> Compare.of(a, b));
        assertTrue(e.getMessage().contains("20x10") && e.getMessage().contains("21x10"), e.getMessage());
    }

    @Test
    void ssimIsUndefinedBelowTheWindowAndMsSsimBelowFiveScales() {
        Image a = TestImages.image(TestImages.random(1, 10, 40, 1, BandFormat.U8, 0, 255), false);
        Image b = TestImages.image(TestImages.random(2, 10, 40, 1, BandFormat.U8, 0, 255), false);
        Comparison c = Compare.of(a, b);
        assertTrue(Double.isNaN(c.ssim()));
        assertTrue(Double.isNaN(c.msSsim()));
        assertTrue(Double.isFinite(c.psnr()));
        Image big = TestImages.image(TestImages.random(1, 175, 200, 1, BandFormat.U8, 0, 255), false);
        assertTrue(Double.isNaN(Compare.of(big, big).msSsim()));
    }
}
