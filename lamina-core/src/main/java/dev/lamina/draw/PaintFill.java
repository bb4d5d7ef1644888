package dev.lamina.draw;

import dev.lamina.model.Metadata;
import dev.lamina.model.Paint;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.SampleRows;
import dev.lamina.core.Sequence;

/**
 * An image filled with a paint: a colour or a gradient over the whole canvas, RGB when the paint is
 * opaque everywhere, RGBA (straight alpha, as every Lamina image) otherwise. It holds no pixels:
 * each request computes its rows.
 */
public final class PaintFill implements Producer {
    private final PaintRows paint;
    private final boolean alpha;

    private PaintFill(PaintRows paint) {
        this.paint = paint;
        this.alpha = !paint.opaque();
    }

    public static Image image(Paint paint, int width, int height, BandFormat format) {
        PaintFill p = new PaintFill(PaintRows.of(paint));
        return new Image(width, height, Interpretation.RGB, p.alpha, format, false, Metadata.NONE, p);
    }

    @Override
    public Sequence start() {
        return new Sequence() {
            private double[] colour = new double[0];
            private double[] row = new double[0];

            @Override
            public void generate(dev.lamina.core.Region out) {
                Rect r = out.rect();
                int n = r.width();
                if (colour.length < 4 * n) {
                    colour = new double[4 * n];
                    row = new double[4 * n];
                }
                for (int y = r.y(); y < r.bottom(); y++) {
                    paint.row(r.x(), y, n, colour);
                    straighten(colour, null, row, n, alpha);
                    SampleRows.write(row, out, r.x(), y, n);
                }
            }
        };
    }

    /**
     * Premultiplied paint times coverage (null: full) to straight samples: RGBA with alpha = paint
     * alpha x coverage, or RGB when {@code withAlpha} is false. The colour is the paint's own
     * (premultiplied over its alpha); where the paint is transparent it is 0.
     */
    static void straighten(double[] paint, double[] coverage, double[] out, int n, boolean withAlpha) {
        for (int i = 0, o = 0; i < n; i++) {
            int p = 4 * i;
            double a = paint[p + 3];
            double k = a > 0 ? 1 / a : 0;
            out[o] = paint[p] * k;
            out[o + 1] = paint[p + 1] * k;
            out[o + 2] = paint[p + 2] * k;
            if (withAlpha) {
                out[o + 3] = coverage == null ? a : a * coverage[i];
                o += 4;
            } else {
                o += 3;
            }
        }
    }
}
