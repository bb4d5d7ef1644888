package dev.lamina.geometry;

import dev.lamina.model.LaminaException;
import dev.lamina.core.DemandHint;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Image;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * A rectangle of an image as an image of its own (libvips' {@code extract_area}, sharp's
 * {@code extract}): output pixel (x, y) is input pixel (x + r.x, y + r.y). Rows are asked for in
 * the output's order, so a sequential input stays sequential, and only the rectangle's own pixels
 * are asked for.
 */
public final class Extract {

    private Extract() {
    }

    /** {@code r} must lie inside the image (a {@link Rect}'s edges cannot pass 2^31, so the test is exact). */
    public static Image build(Image in, Rect r) {
        // in longs: x + width of a hostile rectangle may overflow an int
        boolean inside = r.x() >= 0 && r.y() >= 0 && r.width() > 0 && r.height() > 0
                && (long) r.x() + r.width() <= in.width && (long) r.y() + r.height() <= in.height;
        if (!inside) {
            throw LaminaException.badInput("extract " + r.width() + "x" + r.height() + " at " + r.x() + "," + r.y()
                    + " is not inside the " + in.width + "x" + in.height + " image");
        }
        if (r.equals(in.bounds())) {
            return in;
        }
        Producer extract = new Producer() {
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
                in.metadata, extract);
    }
}
