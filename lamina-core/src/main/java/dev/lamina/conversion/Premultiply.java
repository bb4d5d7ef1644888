package dev.lamina.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * Straight alpha to premultiplied alpha: each colour band multiplied by alpha, alpha kept. The
 * result is always F32.
 *
 * <p>Why F32: premultiplying in 8 bits throws away precision where alpha is small. At alpha
 * 10/255 every colour collapses to one of 11 values, and unpremultiplying cannot bring the other
 * 245 back, so a resize or blur in 8-bit premultiplied space visibly posterises soft edges.
 * Operations that mix pixels work premultiplied in F32 and cast back to the output format once at
 * the end (the precision contract keeps at least 16 bits between steps). An image without alpha
 * only changes format.
 */
public final class Premultiply {

    private Premultiply() {
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
                        row[i + c] *= a;
                    }
                }
                SampleRows.write(row, out, x, y, pixels);
            }
        });
    }
}
