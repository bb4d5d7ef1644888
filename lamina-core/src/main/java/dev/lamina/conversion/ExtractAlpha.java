package dev.lamina.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * An image's alpha as a one-band float image (grey, no alpha): the mask that shadows, glows and
 * outlines are made from. An image without alpha is opaque everywhere: its mask is 1.
 */
public final class ExtractAlpha {

    private ExtractAlpha() {
    }

    public static Image build(Image in) {
        if (!in.hasAlpha) {
            return Canvas.image(in.width, in.height, Interpretation.GREY, false, BandFormat.F32, new double[]{1});
        }
        int bands = in.bands;
        return PointProducer.image(in, Interpretation.GREY, false, BandFormat.F32, () -> new PointProducer.RowKernel() {
            private double[] row;
            private double[] alpha;

            @Override
            public void row(Region in, Region out, int x, int y, int pixels) {
                row = PointProducer.scratch(row, pixels * bands);
                alpha = PointProducer.scratch(alpha, pixels);
                SampleRows.read(in, x, y, pixels, row);
                for (int i = 0; i < pixels; i++) {
                    alpha[i] = row[i * bands + bands - 1];
                }
                SampleRows.write(alpha, out, x, y, pixels);
            }
        });
    }
}
