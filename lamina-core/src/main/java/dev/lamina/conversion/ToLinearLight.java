package dev.lamina.conversion;

import dev.lamina.colour.SrgbTransfer;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * sRGB-encoded samples to linear light, as F32 (24-bit significands: finer than 16-bit integers
 * everywhere above black, so nothing is lost in the dark tones where linear light needs the
 * precision). The colour bands go through the sRGB transfer function; alpha is coverage, already
 * linear, and is kept. Resampling and blending in linear light then average light, not codes: a
 * black/white checkerboard halves to the grey of half the light (sRGB 188), not to code 128.
 */
public final class ToLinearLight {
    private ToLinearLight() {
    }

    public static Image build(Image in) {
        int bands = in.bands;
        int colour = in.interpretation.colourBands;
        return PointProducer.image(in, in.interpretation, in.hasAlpha, BandFormat.F32, () -> new PointProducer.RowKernel() {
            private double[] row = new double[0];

            @Override
            public void row(Region src, Region out, int x, int y, int pixels) {
                int n = pixels * bands;
                if (row.length < n) {
                    row = new double[n];
                }
                if (src.format == BandFormat.U8) {
                    byte[] a = src.u8();
                    int i = src.index(x, y);
                    for (int k = 0; k < n; k++) {
                        int v = a[i + k] & 0xFF;
                        row[k] = k % bands < colour ? SrgbTransfer.u8ToLinear(v) : v / 255.0;
                    }
                } else {
                    SampleRows.read(src, x, y, pixels, row);
                    for (int k = 0; k < n; k++) {
                        if (k % bands < colour) {
                            row[k] = SrgbTransfer.toLinear(row[k]);
                        }
                    }
                }
                SampleRows.write(row, out, x, y, pixels);
            }
        });
    }
}
