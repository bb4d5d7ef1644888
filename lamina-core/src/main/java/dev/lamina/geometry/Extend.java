package dev.lamina.geometry;

import dev.lamina.model.ExtendWith;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * Places an image at (x, y) on a {@code width x height} canvas (libvips' {@code embed}, sharp's
 * {@code extend}) and fills the rest as {@link ExtendWith} says: a background colour, or the
 * image's edge pixels copied, repeated or mirrored. The image may stick out of the canvas (it is
 * clipped) or, with a background, miss it entirely.
 *
 * <p>Demand: an output rectangle asks its input for the rectangle that its rows and columns map
 * to, once. With a background, or with edges copied, or with only left and right margins, rows are
 * asked for in the output's order and a sequential input stays sequential. Mirrored or repeated
 * rows above or below the image read the input's rows out of order (a repeated top margin needs
 * the image's last rows first), so such an input is first materialised, on the calling thread.
 */
public final class Extend {

    private Extend() {
    }

    /**
     * @param argb the background ({@code 0xAARRGGBB}) for {@link ExtendWith#BACKGROUND}; null for
     *             zeros in the image's own layout. Ignored by the other modes.
     */
    public static Image build(Image in, int x, int y, int width, int height, ExtendWith mode, Integer argb) {
        return build(in, x, y, width, height, mode, argb, Limits.defaults(), "image");
    }

    /**
     * {@link #build(Image, int, int, int, int, ExtendWith, Integer)}; a sequential input that must be
     * held in memory is held within the memory budget of {@code limits}, and {@code name} names it in
     * errors.
     */
    public static Image build(Image in, int x, int y, int width, int height, ExtendWith mode, Integer argb,
                              Limits limits, String name) {
        if (width <= 0 || height <= 0) {
            throw LaminaException.badInput("extend: the new size must be positive, not " + width + "x" + height);
        }
        if (mode == null) {
            throw LaminaException.badInput("extend: no mode given");
        }
        if (mode == ExtendWith.BACKGROUND) {
            Background bg = Background.of(in, argb);
            Image src = bg.conform(in);
            if (x == 0 && y == 0 && width == in.width && height == in.height) {
                return src;
            }
            return image(src, x, y, width, height, mode, bg);
        }
        if (x == 0 && y == 0 && width == in.width && height == in.height) {
            return in;
        }
        boolean rowsOutOfOrder = (mode == ExtendWith.MIRROR || mode == ExtendWith.REPEAT)
                && (y > 0 || (long) y + in.height < height);
        Image src = in.sequential && rowsOutOfOrder ? in.materialise(limits, name) : in;
        return image(src, x, y, width, height, mode, null);
    }

    private static Image image(Image in, int x, int y, int width, int height, ExtendWith mode, Background bg) {
        Region stored = bg == null ? null : bg.stored(in.format);
        Producer extend = new Producer() {
            @Override
            public DemandHint demand() {
                return in.producer().demand();
            }

            @Override
            public Sequence start() {
                return new Sequence() {
                    private final InputFetch input = new InputFetch(in);
                    private int[] rowMap = new int[0];
                    private int[] colMap = new int[0];
                    private int[] index = new int[0];

                    @Override
                    public void generate(Region out) {
                        if (bg != null) {
                            onBackground(out);
                        } else {
                            fromEdges(out);
                        }
                    }

                    private void onBackground(Region out) {
                        Rect o = out.rect();
                        // in long arithmetic: the image may reach past 2^31 (it is clipped)
                        Rect overlap = o.clip(x, y, in.width, in.height);
                        if (overlap.isEmpty()) {
                            Background.fill(out, o, stored);
                            return;
                        }
                        Background.fill(out, new Rect(o.x(), o.y(), o.width(), overlap.y() - o.y()), stored);
                        Background.fill(out, new Rect(o.x(), overlap.bottom(), o.width(), o.bottom() - overlap.bottom()), stored);
                        Background.fill(out, new Rect(o.x(), overlap.y(), overlap.x() - o.x(), overlap.height()), stored);
                        Background.fill(out, new Rect(overlap.right(), overlap.y(), o.right() - overlap.right(), overlap.height()),
                                stored);
                        Rect wanted = overlap.translate(-x, -y);
                        Region inputRegion = input.fetch(wanted);
                        RegionCopy.copy(inputRegion, wanted.x(), wanted.y(), out, overlap.x(), overlap.y(),
                                overlap.width(), overlap.height());
                    }

                    private void fromEdges(Region out) {
                        Rect o = out.rect();
                        if (rowMap.length < o.height()) {
                            rowMap = new int[o.height()];
                        }
                        if (colMap.length < o.width()) {
                            colMap = new int[o.width()];
                            index = new int[o.width()];
                        }
                        int r0 = map(mode, o.y(), y, in.height, o.height(), rowMap);
                        int r1 = max(rowMap, o.height());
                        int c0 = map(mode, o.x(), x, in.width, o.width(), colMap);
                        int c1 = max(colMap, o.width());
                        Region src = input.fetch(new Rect(c0, r0, c1 - c0 + 1, r1 - r0 + 1));
                        // the image's own columns in this rectangle (copied whole), and the margins around them
                        int inLeft = (int) Math.max(o.x(), Math.min(o.right(), (long) x));
                        int inRight = (int) Math.max(inLeft, Math.min(o.right(), (long) x + in.width));
                        for (int row = 0; row < o.height(); row++) {
                            int oy = o.y() + row, sy = rowMap[row];
                            gather(src, sy, colMap, 0, inLeft - o.x(), index, out, o.x(), oy);
                            if (inRight > inLeft) {
                                RegionCopy.copy(src, inLeft - x, sy, out, inLeft, oy, inRight - inLeft, 1);
                            }
                            gather(src, sy, colMap, inRight - o.x(), o.width(), index, out, inRight, oy);
                        }
                    }

                    @Override
                    public void close() {
                        input.close();
                    }
                };
            }
        };
        return new Image(width, height, in.interpretation, in.hasAlpha, in.format, in.sequential, in.metadata, extend);
    }

    /**
     * Fills {@code map[0..count)} with the input index of output indices {@code from..} along one
     * axis (the image {@code n} long, placed at {@code offset}), and returns the smallest.
     */
    static int map(ExtendWith mode, int from, int offset, int n, int count, int[] map) {
        int min = Integer.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            long u = (long) from + k - offset;
            long m = switch (mode) {
                case COPY -> Math.clamp(u, 0, n - 1);
                case REPEAT -> Math.floorMod(u, n);
                case MIRROR -> {
                    long t = Math.floorMod(u, 2L * n);
                    yield t < n ? t : 2L * n - 1 - t;
                }
                case BACKGROUND -> throw new IllegalStateException("no map for a background");
            };
            map[k] = (int) m;
            min = Math.min(min, (int) m);
        }
        return min;
    }

    private static int max(int[] map, int count) {
        int m = Integer.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            m = Math.max(m, map[k]);
        }
        return m;
    }

    /**
     * Copies output columns {@code k0..k1} (offsets into {@code cols}) of row {@code oy}, starting at
     * column {@code ox}, from input row {@code sy}; {@code index} is scratch of at least {@code k1 - k0}.
     */
    private static void gather(Region src, int sy, int[] cols, int k0, int k1, int[] index, Region out, int ox, int oy) {
        if (k1 <= k0) {
            return;
        }
        int bands = src.bands, base = src.index(src.rect().x(), sy) - src.rect().x() * bands;
        for (int k = k0; k < k1; k++) {
            index[k - k0] = base + cols[k] * bands;
        }
        RegionCopy.gather(src, index, k1 - k0, null, out, out.index(ox, oy));
    }
}
