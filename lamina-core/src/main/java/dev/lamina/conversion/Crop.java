package dev.lamina.conversion;

import dev.lamina.LaminaException;
import dev.lamina.core.DemandHint;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Image;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * A rectangle of an image as an image of its own: output pixel (x, y) is input pixel
 * (x + r.x, y + r.y). Rows are asked for in the output's order, so a sequential input stays
 * sequential.
 */
public final class Crop {

    private Crop() {
    }

    /** {@code r} must lie inside the image (a {@link Rect}'s edges cannot pass 2^31, so the test is exact). */
    public static Image build(Image in, Rect r) {
        if (r.isEmpty() || !in.bounds().contains(r)) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "crop " + r.width() + "x" + r.height() + "+" + r.x() + "+" + r.y()
                    + " is not inside the " + in.width + "x" + in.height + " image");
        }
        if (r.equals(in.bounds())) {
            return in;
        }
        Producer crop = new Producer() {
            @Override
            public DemandHint demand() {
                return in.producer().demand();
            }

            @Override
            public Sequence start() {
                return new Sequence() {
                    private final InputFetch input = new InputFetch(in);

                    @Override
                    public void generate(Region out) {
                        Rect o = out.rect();
                        Rect wanted = o.translate(r.x(), r.y());
                        Region inputRegion = input.fetch(wanted);
                        RegionCopy.copy(inputRegion, wanted.x(), wanted.y(), out, o.x(), o.y(), o.width(), o.height());
                    }

                    @Override
                    public void close() {
                        input.close();
                    }
                };
            }
        };
        return new Image(r.width(), r.height(), in.interpretation, in.hasAlpha, in.format, in.sequential,
                in.metadata, crop);
    }
}
