package dev.lamina.resample;

import dev.lamina.core.BandFormat;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * The resampler's input (and the affine's, in {@code geometry}): an image's rows as normalised doubles, premultiplied by alpha when the
 * kernel mixes pixels (so a transparent pixel's hidden colour weighs nothing). Converting a row at
 * a time keeps the double copy one row wide whatever the request.
 */
public final class ImageRows implements RowSource {
    /** i / 255.0: the same doubles as SampleRows.read gives for U8. */
    private static final double[] U8_TO_UNIT = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            U8_TO_UNIT[i] = i / 255.0;
        }
    }

    private final Image image;
    private final boolean premultiply;

    public ImageRows(Image image, boolean premultiply) {
        this.image = image;
        this.premultiply = premultiply && image.hasAlpha;
    }

    @Override
    public int width() {
        return image.width;
    }

    @Override
    public int height() {
        return image.height;
    }

    @Override
    public DemandHint demand() {
        return image.producer().demand();
    }

    @Override
    public Reader open() {
        int bands = image.bands;
        return new Reader() {
            private final InputFetch input = new InputFetch(image);
            private Region region;
            private int x0;
            private int pixels;

            @Override
            public void request(int x0, int y0, int x1, int y1) {
                this.x0 = x0;
                this.pixels = x1 - x0;
                region = input.fetch(new Rect(x0, y0, x1 - x0, y1 - y0));
            }

            @Override
            public boolean rereads() {
                return true;
            }

            @Override
            public void row(int y, double[] dst) {
                if (premultiply && region.format == BandFormat.U8) {
                    premultipliedU8(region.u8(), region.index(x0, y), dst, pixels, bands);
                    return;
                }
                if (region.format == BandFormat.U16) {
                    readU16(region.u16(), region.index(x0, y), dst, pixels * bands);
                } else {
                    SampleRows.read(region, x0, y, pixels, dst);
                }
                if (premultiply) {
                    premultiply(dst, pixels, bands);
                }
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    // With alpha there are 2 or 4 bands: one loop for each, with no loop over the colour bands
    // inside (that inner loop of one or three turns cost a third of a 4-band resize).

    /** U8 samples to normalised doubles and premultiplied in one go (the products SampleRows.read then premultiply give). */
    private static void premultipliedU8(byte[] src, int i, double[] dst, int pixels, int bands) {
        double[] unit = U8_TO_UNIT;
        if (bands == 2) {
            for (int k = 0, n = 2 * pixels; k < n; k += 2, i += 2) {
                double a = unit[src[i + 1] & 0xFF];
                dst[k] = unit[src[i] & 0xFF] * a;
                dst[k + 1] = a;
            }
        } else {
            for (int k = 0, n = 4 * pixels; k < n; k += 4, i += 4) {
                double a = unit[src[i + 3] & 0xFF];
                dst[k] = unit[src[i] & 0xFF] * a;
                dst[k + 1] = unit[src[i + 1] & 0xFF] * a;
                dst[k + 2] = unit[src[i + 2] & 0xFF] * a;
                dst[k + 3] = a;
            }
        }
    }

    /**
     * U16 samples to normalised doubles, the same values as SampleRows.read's (v / 65535.0), in two
     * loops that C2 vectorises: the division in one loop with the unsigned read is left scalar
     * (measured: 1.1 against 2.8 G samples/s).
     */
    private static void readU16(short[] src, int i, double[] dst, int n) {
        for (int k = 0; k < n; k++) {
            dst[k] = src[i + k] & 0xFFFF;
        }
        for (int k = 0; k < n; k++) {
            dst[k] = dst[k] / 65535.0;
        }
    }

    /** Multiplies the colour of {@code pixels} normalised pixels by their alpha, in place. */
    private static void premultiply(double[] dst, int pixels, int bands) {
        if (bands == 2) {
            for (int k = 0, n = 2 * pixels; k < n; k += 2) {
                dst[k] *= dst[k + 1];
            }
        } else {
            for (int k = 0, n = 4 * pixels; k < n; k += 4) {
                double a = dst[k + 3];
                dst[k] *= a;
                dst[k + 1] *= a;
                dst[k + 2] *= a;
            }
        }
    }
}
