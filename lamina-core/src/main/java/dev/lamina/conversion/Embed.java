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
 * Places an image at (x, y) on a {@code w x h} canvas of zeros: transparent where the image has
 * alpha, black where it has not. The image may stick out of the canvas (it is clipped) or miss it
 * entirely, at any int offset. Rows are asked for in the output's order, so a sequential input stays sequential.
 */
public final class Embed {

    private Embed() {
    }

    public static Image build(Image in, int x, int y, int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "embed canvas must have a positive size, not " + w + "x" + h);
        }
        if (x == 0 && y == 0 && w == in.width && h == in.height) {
            return in;
        }
        Producer embed = new Producer() {
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
                        // in long arithmetic: the image may reach past 2^31 (it is clipped)
                        Rect overlap = o.clip(x, y, in.width, in.height);
                        if (!overlap.equals(o)) {
                            out.clear(o);   // only where the canvas shows, in the common case not at all
                        }
                        if (overlap.isEmpty()) {
                            return;
                        }
                        Rect wanted = overlap.translate(-x, -y);
                        Region inputRegion = input.fetch(wanted);
                        RegionCopy.copy(inputRegion, wanted.x(), wanted.y(), out, overlap.x(), overlap.y(),
                                overlap.width(), overlap.height());
                    }

                    @Override
                    public void close() {
                        input.close();
                    }
                };
            }
        };
        return new Image(w, h, in.interpretation, in.hasAlpha, in.format, in.sequential, in.metadata, embed);
    }
}
