package dev.lamina.resample;

import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * The resampler's input: an image's rows as normalised doubles, premultiplied by alpha when the
 * kernel mixes pixels (so a transparent pixel's hidden colour weighs nothing). Converting a row at
 * a time keeps the double copy one row wide whatever the request.
 */
final class ImageRows implements RowSource {
    private final Image image;
    private final boolean premultiply;

    ImageRows(Image image, boolean premultiply) {
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
        int alpha = bands - 1;
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
            public void row(int y, double[] dst) {
                SampleRows.read(region, x0, y, pixels, dst);
                if (premultiply) {
                    for (int i = 0, n = pixels * bands; i < n; i += bands) {
                        double a = dst[i + alpha];
                        for (int c = i; c < i + alpha; c++) {
                            dst[c] *= a;
                        }
                    }
                }
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }
}
