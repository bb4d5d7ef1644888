package dev.lamina.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * A one-band mask as a layer of one colour: RGBA of that colour whose alpha is the mask times an
 * opacity, rounded once to {@code format}. What a shadow, a glow or an outline looks like once its
 * shape is known.
 */
public final class Colourise {

    private Colourise() {
    }

    /** {@code rgb} normalised (three values 0..1), {@code opacity} 0..1. */
    public static Image build(Image mask, double[] rgb, double opacity, BandFormat format) {
        if (mask.bands != 1) {
            throw new IllegalArgumentException("a mask has one band, not " + mask.bands);
        }
        double r = rgb[0], g = rgb[1], b = rgb[2];
        return PointProducer.image(mask, Interpretation.RGB, true, format, () -> new PointProducer.RowKernel() {
            private double[] m;
            private double[] row;

            @Override
            public void row(Region in, Region out, int x, int y, int pixels) {
                m = PointProducer.scratch(m, pixels);
                row = PointProducer.scratch(row, 4 * pixels);
                SampleRows.read(in, x, y, pixels, m);
                for (int i = 0; i < pixels; i++) {
                    row[4 * i] = r;
                    row[4 * i + 1] = g;
                    row[4 * i + 2] = b;
                    row[4 * i + 3] = Math.min(1, Math.max(0, m[i])) * opacity;
                }
                SampleRows.write(row, out, x, y, pixels);
            }
        });
    }
}
