package dev.lamina.draw;

import dev.lamina.model.Metadata;
import dev.lamina.model.Paint;
import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.Sequence;

/**
 * A shape filled with a paint on a transparent canvas: RGBA whose alpha is the shape's exact
 * coverage times the paint's alpha (coverage x paint in premultiplied terms), and whose colour is
 * the paint's. Computed row by row from the rasteriser and the paint, rounded once.
 */
public final class ShapeFill implements Producer {
    private static final double HALF = 0.5 + dev.lamina.core.Rounding.TIE_TOLERANCE;

    private final ShapeCoverage coverage;
    private final PaintRows paint;
    private final Paint.Solid solid;   // a solid paint: colour constant, only alpha varies

    private ShapeFill(ShapeCoverage coverage, PaintRows paint, Paint source) {
        this.coverage = coverage;
        this.paint = paint;
        this.solid = source instanceof Paint.Solid s ? s : null;
    }

    /** {@code shape} filled with {@code paint} on a transparent {@code width x height} canvas. */
    public static Image image(Shape shape, Paint paint, int width, int height, BandFormat format, String what) {
        ShapeCoverage c = ShapeCoverage.of(shape, width, height, what);
        return new Image(width, height, Interpretation.RGB, true, format, false, Metadata.NONE,
                new ShapeFill(c, PaintRows.of(paint), paint));
    }

    @Override
    public Sequence start() {
        CoverageRows rows = coverage.rows();
        return new Sequence() {
            private double[] colour = new double[0];
            private double[] row = new double[0];

            @Override
            public void generate(Region out) {
                if (solid != null && out.format == BandFormat.U8) {
                    solidU8(out);
                    return;
                }
                Rect r = out.rect();
                int n = r.width();
                if (colour.length < 4 * n) {
                    colour = new double[4 * n];
                    row = new double[4 * n];
                }
                rows.rows(r.x(), n, r.y(), r.bottom(), (y, cover) -> {
                    paint.row(r.x(), y, n, colour);
                    PaintFill.straighten(colour, cover, row, n, true);
                    SampleRows.write(row, out, r.x(), y, n);
                });
            }

            /** The same values as the general path: the colour's bytes, alpha = opacity x coverage rounded once. */
            private void solidU8(Region out) {
                Rect r = out.rect();
                byte cr = (byte) (solid.rgb() >> 16), cg = (byte) (solid.rgb() >> 8), cb = (byte) solid.rgb();
                double k = solid.alpha() * 255.0;
                byte[] a = out.u8();
                rows.rows(r.x(), r.width(), r.y(), r.bottom(), (y, cover) -> {
                    for (int i = 0, o = out.index(r.x(), y); i < cover.length; i++, o += 4) {
                        a[o] = cr;
                        a[o + 1] = cg;
                        a[o + 2] = cb;
                        a[o + 3] = (byte) (int) (cover[i] * k + HALF);
                    }
                });
            }
        };
    }
}
