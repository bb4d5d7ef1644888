package dev.lamina.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Producer;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

import java.util.function.Supplier;

/**
 * The producer shared by the conversion operations whose output pixel depends only on the input
 * pixel at the same place (cast, add alpha, flatten, premultiply, to colour): it asks the input
 * for the same rectangle and runs a row kernel over it.
 *
 * <p>The kernel is chosen by the operation once, at build time, for its (format, bands); each
 * sequence gets its own kernel instance from {@code kernels}, so kernels may keep scratch rows.
 */
final class PointProducer implements Producer {

    /** Converts {@code pixels} pixels of row {@code y}, starting at {@code x}, from {@code in} to {@code out}. */
    interface RowKernel {
        void row(Region in, Region out, int x, int y, int pixels);
    }

    private final Image input;
    private final Supplier<RowKernel> kernels;

    private PointProducer(Image in, Supplier<RowKernel> kernels) {
        this.input = in;
        this.kernels = kernels;
    }

    /** {@code in} converted pixel by pixel into an image of the given layout, keeping its sequential flag. */
    static Image image(Image in, Interpretation interpretation, boolean hasAlpha, BandFormat format,
                       Supplier<RowKernel> kernels) {
        return new Image(in.width, in.height, interpretation, hasAlpha, format, in.sequential, in.metadata,
                new PointProducer(in, kernels));
    }

    @Override
    public DemandHint demand() {
        return input.producer().demand();   // a point operation adds no margin: the input's hint is the tightest
    }

    @Override
    public Sequence start() {
        return new Sequence() {
            private final RowKernel kernel = kernels.get();
            private final InputFetch fetch = new InputFetch(input);

            @Override
            public void generate(Region out) {
                var r = out.rect();
                Region inputRegion = fetch.fetch(r);
                for (int y = r.y(); y < r.bottom(); y++) {
                    kernel.row(inputRegion, out, r.x(), y, r.width());
                }
            }

            @Override
            public void close() {
                fetch.close();
            }
        };
    }

    /** {@code a} when it holds {@code n} values, else a new array that does: scratch rows grow once per sequence. */
    static double[] scratch(double[] a, int n) {
        return a != null && a.length >= n ? a : new double[n];
    }
}
