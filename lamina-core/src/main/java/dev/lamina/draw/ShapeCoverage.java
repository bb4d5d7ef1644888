package dev.lamina.draw;

import dev.lamina.model.Metadata;
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
 * A shape's coverage as a one-band grey image: each pixel the exact fraction of its square that the
 * shape covers (0 black .. 1 white), rounded once to the format. A source like any other: the
 * shape is flattened and its edges bucketed by rows when the image is built, and each request
 * computes only its rectangle from the edges that cross it, so a 20000 x 20000 canvas with one
 * shape costs the shape's edges plus a strip.
 */
public final class ShapeCoverage implements Producer {
    private final EdgeTable edges;
    private final Outline outline;

    private ShapeCoverage(Outline outline, int width, int height) {
        this.outline = outline;
        this.edges = new EdgeTable(outline.rings(), width, height);
    }

    /** The coverage of {@code shape} on a {@code width x height} image; {@code what} names it in errors. */
    public static Image image(Shape shape, int width, int height, BandFormat format, String what) {
        return new Image(width, height, Interpretation.GREY, false, format, false, Metadata.NONE,
                of(shape, width, height, what));
    }

    static ShapeCoverage of(Shape shape, int width, int height, String what) {
        return new ShapeCoverage(Outline.of(shape, width, height, what), width, height);
    }

    /** A new per-thread rasteriser of this shape. */
    CoverageRows rows() {
        return new CoverageRows(edges, outline.rule(), outline.convex());
    }

    @Override
    public Sequence start() {
        CoverageRows rows = rows();
        return out -> {
            Rect r = out.rect();
            if (out.format == BandFormat.U8) {
                byte[] a = out.u8();
                rows.rows(r.x(), r.width(), r.y(), r.bottom(), (y, coverage) -> {
                    // Rounding.toU8 without its clamps: coverage is 0..1 already
                    for (int i = 0, o = out.index(r.x(), y); i < coverage.length; i++) {
                        a[o + i] = (byte) (int) (coverage[i] * 255.0 + HALF);
                    }
                });
            } else {
                rows.rows(r.x(), r.width(), r.y(), r.bottom(), (y, coverage) -> SampleRows.write(coverage, out, r.x(), y, r.width()));
            }
        };
    }

    private static final double HALF = 0.5 + dev.lamina.core.Rounding.TIE_TOLERANCE;
}
