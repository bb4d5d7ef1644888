package dev.lamina.conversion;

import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Producer;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.Sequence;

/**
 * A blank image of one colour. It holds no pixels: each request is filled with the colour, so a
 * canvas of any size costs a strip of memory, like every other source.
 */
public final class Canvas implements Producer {
    private final double[] pixel;   // one pixel's normalised samples

    private Canvas(double[] pixel) {
        this.pixel = pixel;
    }

    /**
     * A {@code width x height} image of {@code pixel} (normalised samples, colour bands then alpha),
     * rounded once to {@code format}.
     */
    public static Image image(int width, int height, Interpretation interpretation, boolean hasAlpha,
                              BandFormat format, double[] pixel) {
        int bands = interpretation.colourBands + (hasAlpha ? 1 : 0);
        if (pixel.length != bands) {
            throw new IllegalArgumentException(pixel.length + " samples for " + bands + " bands");
        }
        return new Image(width, height, interpretation, hasAlpha, format, false, Metadata.NONE,
                new Canvas(pixel.clone()));
    }

    @Override
    public Sequence start() {
        return new Sequence() {
            private double[] row = new double[0];

            @Override
            public void generate(Region out) {
                int w = out.rect().width();
                int n = w * pixel.length;
                if (row.length != n) {
                    row = new double[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = pixel[i % pixel.length];
                    }
                }
                for (int y = out.rect().y(); y < out.rect().bottom(); y++) {
                    SampleRows.write(row, out, out.rect().x(), y, w);
                }
            }
        };
    }
}
