package dev.lamina.convolution;

import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * Unsharp mask, as ImageMagick's {@code -unsharp 0x{sigma}+{amount}+{threshold}}: each colour
 * sample becomes {@code p + amount (p - blur(p))} where {@code |p - blur(p)|} is more than
 * {@code threshold} (a fraction of full scale), and stays {@code p} elsewhere, so that flat areas and
 * fine noise below the threshold are left alone. {@code blur} is {@link GaussianBlur}'s. Colour is
 * sharpened premultiplied and alpha is kept, so an edge of transparency does not grow a halo of the
 * hidden colour. (ImageMagick compares twice the difference with its threshold; Lamina compares
 * the difference itself, which is what the threshold's name says.) Rounded once; an 8-bit or 16-bit
 * result is clamped by the rounding, a float one keeps its overshoot.
 */
public final class Sharpen implements Producer {
    /** Largest amount accepted. */
    public static final double MAX_AMOUNT = 100;

    private final BlurredRows blur;
    private final double amount;
    private final double threshold;

    private Sharpen(BlurredRows blur, double amount, double threshold) {
        this.blur = blur;
        this.amount = amount;
        this.threshold = threshold;
    }

    public static Image build(Image in, double sigma, double amount, double threshold) {
        BlurredRows.check(sigma, "sharpen");
        if (!(amount >= 0 && amount <= MAX_AMOUNT)) {
            throw LaminaException.badInput("sharpen: amount must be between 0 and " + MAX_AMOUNT + ", not " + amount);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw LaminaException.badInput("sharpen: threshold must be between 0 and 1, not " + threshold);
        }
        // The blur's error is multiplied by the amount: the recursive blur's 0.15 of a step stays
        // within a step up to an amount of 6; 3 leaves room.
        BlurredRows b = new BlurredRows(in, sigma, in.format == BandFormat.U8 && amount <= 3, "sharpen");
        if (amount == 0 || b.identity()) {
            return in;
        }
        return in.withProducer(new Sharpen(b, amount, threshold), false);
    }

    @Override
    public DemandHint demand() {
        return DemandHint.tightest(DemandHint.FATSTRIP, blur.input().producer().demand());
    }

    @Override
    public Sequence start() {
        BlurredRows.Worker worker = blur.worker(true);
        Image in = blur.input();
        int bands = in.bands, colour = in.interpretation.colourBands;
        return new Sequence() {
            @Override
            public void generate(Region out) {
                Rect r = out.rect();
                worker.compute(r, (y, blurred, original) -> {
                    for (int i = 0, n = r.width() * bands; i < n; i += bands) {
                        for (int c = i; c < i + colour; c++) {
                            double d = original[c] - blurred[c];
                            blurred[c] = Math.abs(d) > threshold ? original[c] + amount * d : original[c];
                        }
                        for (int c = i + colour; c < i + bands; c++) {
                            blurred[c] = original[c];   // alpha as it was
                        }
                    }
                    BlurredRows.writeStraight(blurred, out, r.x(), y, r.width(), in.hasAlpha);
                });
            }

            @Override
            public void close() {
                worker.close();
            }
        };
    }
}
