package dev.lamina.conversion;

import dev.lamina.model.MaskMode;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * An image turned into a mask: white grey+alpha whose alpha is the coverage the image gives as a
 * mask (its alpha, or its luminance times its alpha; inverted on request), in the input's format.
 * Composited with {@code dest-in} it cuts another image by that coverage, which is how recipes
 * apply masks by luminance and inverted masks; alpha masks without inversion need no conversion.
 * The grey band is constant so that the mask's meaning is its alpha alone.
 */
public final class ToMask {

    /** CSS Masking level 1, "luminance": the coefficients of its luminance-to-alpha conversion. */
    static final double KR = 0.2125, KG = 0.7154, KB = 0.0721;

    private ToMask() {
    }

    public static Image build(Image in, MaskMode mode, boolean invert) {
        int bands = in.bands;
        boolean colour = in.interpretation.colourBands == 3;
        boolean luminance = mode == MaskMode.LUMINANCE;
        return PointProducer.image(in, Interpretation.GREY, true, in.format, () -> new PointProducer.RowKernel() {
            private double[] row;
            private double[] out;

            @Override
            public void row(Region src, Region dst, int x, int y, int pixels) {
                row = PointProducer.scratch(row, pixels * bands);
                out = PointProducer.scratch(out, pixels * 2);
                SampleRows.read(src, x, y, pixels, row);
                for (int i = 0; i < pixels; i++) {
                    int p = i * bands;
                    double a = in.hasAlpha ? Math.clamp(row[p + bands - 1], 0.0, 1.0) : 1.0;
                    double m = a;
                    if (luminance) {
                        double l = colour ? KR * row[p] + KG * row[p + 1] + KB * row[p + 2] : row[p];
                        m = Math.clamp(l, 0.0, 1.0) * a;
                    }
                    out[2 * i] = 1.0;
                    out[2 * i + 1] = invert ? 1.0 - m : m;
                }
                SampleRows.write(out, dst, x, y, pixels);
            }
        });
    }
}
