package dev.lamina.bench.precision;

import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.metrics.Compare;
import dev.lamina.metrics.Comparison;
import dev.lamina.metrics.Metric;

import java.util.EnumSet;

/**
 * Precision of an 8-bit RGB result against a float64 reference of the same operation, with the
 * project's own metrics (dev.lamina.metrics, the definitions of docs/precision.md: PSNR, SSIM per
 * band as Wang et al. 2004, CIEDE2000 from sRGB via CIELAB D65), so the lab's precision column
 * means what {@code lamina compare} means.
 *
 * @param psnr       decibels over all samples; {@code Double.POSITIVE_INFINITY} when identical
 * @param ssim       mean SSIM over the colour bands
 * @param de2000Mean CIEDE2000 mean
 * @param de2000Max  CIEDE2000 maximum
 * @param maxAbs     largest |result - 255 * reference| over all samples, in 8-bit levels
 */
public record Precision(double psnr, double ssim, double de2000Mean, double de2000Max, double maxAbs) {

    /**
     * @param rgb result samples, interleaved RGB, 0..255
     * @param ref reference samples, interleaved RGB, 0..1 (float64, not rounded; compared as F32)
     */
    public static Precision measure(int[] rgb, double[] ref, int width, int height) {
        int n = width * height;
        if (rgb.length != 3 * n || ref.length != 3 * n) {
            throw new IllegalArgumentException("sample counts differ from " + width + "x" + height + "x3");
        }
        Region result = Region.allocate(Rect.of(width, height), 3, BandFormat.U8);
        Region reference = Region.allocate(Rect.of(width, height), 3, BandFormat.F32);
        for (int i = 0; i < 3 * n; i++) {
            result.u8()[i] = (byte) rgb[i];
            reference.f32()[i] = (float) ref[i];
        }
        Comparison c = Compare.of(image(reference), image(result), false,
                EnumSet.of(Metric.PIXEL_ERRORS, Metric.SSIM, Metric.DELTA_E));
        // F32 is the common format: values and errors are in 0..1, so levels are 255 times them.
        return new Precision(c.psnr(), c.ssim(), c.deltaEMean(), c.deltaEMax(), c.maxAbsError() * 255);
    }

    private static Image image(Region r) {
        return MemorySource.image(r, Interpretation.RGB, false, Metadata.NONE);
    }
}
