package dev.lamina.conversion;

import dev.lamina.LaminaException;
import dev.lamina.core.DemandHint;
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

    public static Image build(Image in, Rect r) {
        if (r.isEmpty() || !in.bounds().contains(r)) {
            throw new LaminaException("crop " + r.width() + "x" + r.height() + "+" + r.x() + "+" + r.y()
                    + " is not inside the " + in.width + "x" + in.height + " image");
        }
        if (r.equals(in.bounds())) {
            return in;
        }
        Producer input = in.producer();
        int bands = in.bands;
        var format = in.format;
        Producer crop = new Producer() {
            @Override
            public DemandHint demand() {
                return input.demand();
            }

            @Override
            public Sequence start() {
                return new Sequence() {
                    private Sequence inputSequence;
                    private Region inputRegion;

                    @Override
                    public void generate(Region out) {
                        if (inputSequence == null) {
                            inputSequence = input.start();
                        }
                        Rect o = out.rect();
                        Rect wanted = o.translate(r.x(), r.y());
                        inputRegion = Region.reuse(inputRegion, wanted, bands, format);
                        inputSequence.generate(inputRegion);
                        RegionCopy.copy(inputRegion, wanted.x(), wanted.y(), out, o.x(), o.y(), o.width(), o.height());
                    }

                    @Override
                    public void close() {
                        if (inputSequence != null) {
                            inputSequence.close();
                            inputSequence = null;
                        }
                    }
                };
            }
        };
        return new Image(r.width(), r.height(), in.interpretation, in.hasAlpha, in.format, in.sequential,
                in.metadata, crop);
    }
}
