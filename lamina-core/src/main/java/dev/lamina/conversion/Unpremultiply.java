package dev.lamina.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * Premultiplied alpha back to straight alpha: each colour band divided by alpha, alpha kept; a
 * fully transparent pixel (alpha 0) gets colour 0, since its colour is unknowable. The result is
 * F32 (see {@link Premultiply} for why premultiplied data is kept in F32); colour above 1 (from a
 * premultiplied colour slightly above its alpha after rounding elsewhere) is left for the final
 * {@link Cast} to clamp. An image without alpha only changes format.
 */
public final class Unpremultiply {

    private Unpremultiply() {
    }

    public static Image build(Image in) {
        if (!in.hasAlpha) {
            return Cast.build(in, BandFormat.F32);
        }
        int bands = in.bands;
        int colour = in.interpretation.colourBands;
        return PointProducer.image(in, in.interpretation, true, BandFormat.F32, () -> new PointProducer.RowKernel() {
            private double[] row;

            @Override
            public void row(Region in, Region out, int x, int y, int pixels) {
                row = PointProducer.scratch(row, pixels * bands);
                SampleRows.read(in, x, y, pixels, row);
                for (int i = 0, n = pixels * bands; i < n; i += bands) {
                    double a = row[i + colour];
                    for (int c = 0; c < colour; c++) {
                        row[i + c] = a > 0 ? row[i + c] / a : 0.0;
                    }
                }
                SampleRows.write(row, out, x, y, pixels);
            }
        });
    }
}
