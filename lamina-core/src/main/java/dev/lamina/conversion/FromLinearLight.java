package dev.lamina.conversion;

import dev.lamina.colour.SrgbTransfer;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * Linear light (F32, from {@link ToLinearLight}) back to sRGB-encoded samples of {@code format},
 * rounded once ({@code core/Rounding}). Alpha is kept as it is.
 */
public final class FromLinearLight {
    private FromLinearLight() {
    }

    public static Image build(Image in, BandFormat format) {
        if (in.format != BandFormat.F32) {
            throw new IllegalArgumentException("linear light is F32, not " + in.format);
        }
        int bands = in.bands;
        int colour = in.interpretation.colourBands;
        return PointProducer.image(in, in.interpretation, in.hasAlpha, format, () -> new PointProducer.RowKernel() {
            private double[] row = new double[0];

            @Override
            public void row(Region src, Region out, int x, int y, int pixels) {
                int n = pixels * bands;
                if (row.length < n) {
                    row = new double[n];
                }
                SampleRows.read(src, x, y, pixels, row);
                for (int k = 0; k < n; k++) {
                    if (k % bands < colour) {
                        row[k] = SrgbTransfer.toEncoded(row[k]);
                    }
                }
                SampleRows.write(row, out, x, y, pixels);
            }
        });
    }
}
