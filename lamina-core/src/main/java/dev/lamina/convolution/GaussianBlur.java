package dev.lamina.convolution;

import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * Gaussian blur of any sigma: the image convolved with the sampled Gaussian of {@link GaussianKernel}
 * in premultiplied alpha (so a transparent pixel's hidden colour never bleeds into its
 * neighbours), pixels beyond the edges repeating the edge, rounded once to the input's format.
 * Exact (correctly rounded against the float64 reference) for 16-bit and float images and for
 * small sigmas; for an 8-bit image with sigma of {@link BlurredRows#RECURSIVE_FROM} or more, the
 * recursive approximation, whose error is at most 0.15 of an 8-bit step (docs/precision.md).
 */
public final class GaussianBlur implements Producer {
    private final BlurredRows blur;

    private GaussianBlur(BlurredRows blur) {
        this.blur = blur;
    }

    /** The blur of {@code in}; the result has its layout. */
    public static Image build(Image in, double sigma) {
        return build(in, sigma, in.format == dev.lamina.core.BandFormat.U8);
    }

    /**
     * The same; {@code eightBitResult} says that the blur's result ends as 8-bit samples (also
     * when {@code in} is wider, as inside an effect that outputs 8-bit), which allows the recursive
     * approximation for large sigmas.
     */
    public static Image build(Image in, double sigma, boolean eightBitResult) {
        BlurredRows b = new BlurredRows(in, sigma, eightBitResult, "blur");
        if (b.identity()) {
            return in;
        }
        return in.withProducer(new GaussianBlur(b), false);
    }

    @Override
    public DemandHint demand() {
        return DemandHint.tightest(DemandHint.FATSTRIP, blur.input().producer().demand());
    }

    @Override
    public Sequence start() {
        BlurredRows.Worker worker = blur.worker(false);
        boolean alpha = blur.input().hasAlpha;
        return new Sequence() {
            @Override
            public void generate(Region out) {
                Rect r = out.rect();
                worker.compute(r, (y, blurred, original) ->
                        BlurredRows.writeStraight(blurred, out, r.x(), y, r.width(), alpha));
            }

            @Override
            public void close() {
                worker.close();
            }
        };
    }
}
