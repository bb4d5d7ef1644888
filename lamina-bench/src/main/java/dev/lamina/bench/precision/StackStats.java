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

/** An 8-bit RGB result against the float64 reference, with the project's metrics (SSIM, CIEDE2000 mean/p95/max). */
public final class StackStats {
    private StackStats() {
    }

    public static Comparison compare(int[] rgb, double[] ref, int width, int height) {
        Region result = Region.allocate(Rect.of(width, height), 3, BandFormat.U8);
        Region reference = Region.allocate(Rect.of(width, height), 3, BandFormat.F32);
        for (int i = 0; i < rgb.length; i++) {
            result.u8()[i] = (byte) rgb[i];
            reference.f32()[i] = (float) ref[i];
        }
        return Compare.of(image(reference), image(result), false,
                EnumSet.of(Metric.PIXEL_ERRORS, Metric.SSIM, Metric.DELTA_E));
    }

    private static Image image(Region r) {
        return MemorySource.image(r, Interpretation.RGB, false, Metadata.NONE);
    }
}
