package dev.lamina.resample;

import dev.lamina.core.DemandHint;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.Sequence;

/**
 * The resampler's output: the last pass's double rows divided by alpha again (straight alpha at
 * the edges) and rounded once into the output format with the project's rule
 * ({@code core/Rounding}, through {@code SampleRows}).
 *
 * <p>Unpremultiplying: where the mixed alpha is not above {@link #ALPHA_ZERO} the colour is 0 (a
 * transparent pixel has no colour to recover; the threshold keeps the division away from the
 * rounding noise of a cancelled sum). Alpha is clamped to 0..1, since kernels with negative lobes
 * overshoot. Colour is clamped by the rounding for U8 and U16 and left as it is for F32, where an
 * overshoot is data (as libvips does for float images).
 */
public final class RowsToImage implements Producer {
    /** Mixed alpha at or below this counts as transparent. */
    static final double ALPHA_ZERO = 1e-9;

    private final RowSource source;
    private final int bands;
    private final boolean unpremultiply;

    RowsToImage(RowSource source, int bands, boolean unpremultiply) {
        this.source = source;
        this.bands = bands;
        this.unpremultiply = unpremultiply;
    }

    @Override
    public DemandHint demand() {
        return source.demand();
    }

    @Override
    public Sequence start() {
        return new Sequence() {
            private final RowSource.Reader reader = source.open();
            private double[] row = new double[0];

            @Override
            public void generate(Region out) {
                Rect r = out.rect();
                int n = r.width() * bands;
                if (row.length < n) {
                    row = new double[n];
                }
                reader.request(r.x(), r.y(), r.right(), r.bottom());
                for (int y = r.y(); y < r.bottom(); y++) {
                    reader.row(y, row);
                    writeRow(row, out, r.x(), y, r.width(), bands, unpremultiply);
                }
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /**
     * Writes {@code width} pixels of a row of doubles to row {@code y} of {@code out} from column
     * {@code x}: divided by alpha first when {@code unpremultiply}, then rounded once. The strip path,
     * {@link ResizeSweep} and the geometry family's affine all write through here. Overwrites {@code row}.
     */
    public static void writeRow(double[] row, Region out, int x, int y, int width, int bands, boolean unpremultiply) {
        if (unpremultiply) {
            int alpha = bands - 1;
            for (int i = 0, n = width * bands; i < n; i += bands) {
                double a = row[i + alpha];
                if (a > ALPHA_ZERO) {
                    for (int c = i; c < i + alpha; c++) {
                        row[c] /= a;
                    }
                    row[i + alpha] = Math.min(1.0, a);
                } else {
                    for (int c = i; c <= i + alpha; c++) {
                        row[c] = 0.0;
                    }
                }
            }
        }
        SampleRows.write(row, out, x, y, width);
    }
}
