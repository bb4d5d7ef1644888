package dev.lamina.convolution;

import dev.lamina.model.LaminaException;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.Sequence;

import java.util.Arrays;

/**
 * A mask grown by a radius, antialiased: the morphological dilation by a disc, reading each mask
 * value as a coverage. A pixel of coverage {@code a} has its shape's edge about {@code a - 1/2}
 * pixels beyond its centre, so the grown shape covers a pixel at distance {@code d} from it by
 * {@code a + r - d}; the result is the largest such value over the mask's non-zero pixels within
 * reach, clamped to 0..1:
 * {@code out(p) = max(mask(p), max over q with mask(q) > 0 of clamp(mask(q) + r - |p - q|))}.
 * A straight edge moves out by exactly {@code r} and keeps its antialiasing; pixels beyond the
 * image are empty. A float mask in, a float mask out.
 *
 * <p>Cost: the offsets within reach are sorted by distance once, and a pixel stops looking as soon
 * as no farther pixel could beat what it has ({@code 1 + r - d <= best}); inside a shape that is
 * at once. Memory: the strip plus {@code ceil(r) + 1} rows above and below.
 */
public final class AlphaDilate implements Producer {
    /** Largest radius accepted. */
    public static final double MAX_RADIUS = 200;

    private final Image mask;
    private final double radius;
    private final int reach;
    private final int[] dx, dy;
    private final double[] distance;

    private AlphaDilate(Image mask, double radius) {
        this.mask = mask;
        this.radius = radius;
        this.reach = (int) Math.ceil(radius) + 1;
        int side = 2 * reach + 1;
        long[] keyed = new long[side * side];
        int n = 0;
        for (int y = -reach; y <= reach; y++) {
            for (int x = -reach; x <= reach; x++) {
                if (Math.hypot(x, y) < radius + 1) {   // beyond, a + r - d <= 0 for every a <= 1
                    keyed[n++] = ((long) (x * x + y * y) << 32) | ((long) (y + reach) << 16) | (x + reach);
                }
            }
        }
        keyed = Arrays.copyOf(keyed, n);
        Arrays.sort(keyed);
        dx = new int[n];
        dy = new int[n];
        distance = new double[n];
        for (int i = 0; i < n; i++) {
            dx[i] = (int) (keyed[i] & 0xFFFF) - reach;
            dy[i] = (int) ((keyed[i] >> 16) & 0xFFFF) - reach;
            distance[i] = Math.hypot(dx[i], dy[i]);
        }
    }

    /** {@code mask} (one band) grown by {@code radius} pixels; radius 0 is the mask itself. */
    public static Image build(Image mask, double radius) {
        if (!(radius >= 0 && radius <= MAX_RADIUS)) {
            throw LaminaException.badInput("spread/outline radius must be between 0 and " + MAX_RADIUS + ", not " + radius);
        }
        if (mask.bands != 1) {
            throw new IllegalArgumentException("a mask has one band, not " + mask.bands);
        }
        if (radius == 0) {
            return mask;
        }
        return mask.withProducer(new AlphaDilate(mask, radius), false);
    }

    @Override
    public DemandHint demand() {
        return DemandHint.tightest(DemandHint.FATSTRIP, mask.producer().demand());
    }

    @Override
    public Sequence start() {
        return new Sequence() {
            private final InputFetch fetch = new InputFetch(mask);
            private double[] in = new double[0];
            private double[] row = new double[0];

            @Override
            public void generate(Region out) {
                Rect r = out.rect();
                int x0 = Math.max(0, r.x() - reach), x1 = Math.min(mask.width, r.right() + reach);
                int y0 = Math.max(0, r.y() - reach), y1 = Math.min(mask.height, r.bottom() + reach);
                int w = x1 - x0, h = y1 - y0;
                Region src = fetch.fetch(new Rect(x0, y0, w, h));
                if (in.length < w * h) {
                    in = new double[w * h];
                }
                for (int y = y0; y < y1; y++) {
                    SampleRows.read(src, x0, y, w, row = grow(row, w));
                    System.arraycopy(row, 0, in, (y - y0) * w, w);
                }
                row = grow(row, r.width());
                for (int y = r.y(); y < r.bottom(); y++) {
                    for (int x = r.x(); x < r.right(); x++) {
                        row[x - r.x()] = dilated(in, w, h, x - x0, y - y0);
                    }
                    SampleRows.write(row, out, r.x(), y, r.width());
                }
            }

            @Override
            public void close() {
                fetch.close();
            }
        };
    }

    /** The grown mask at (px, py) of the fetched w x h block. */
    private double dilated(double[] in, int w, int h, int px, int py) {
        double best = Math.min(1, Math.max(0, in[py * w + px]));
        for (int i = 0; i < dx.length; i++) {
            double d = distance[i];
            if (1 + radius - d <= best) {
                break;   // the offsets come nearest first: nothing farther can do better
            }
            int qx = px + dx[i], qy = py + dy[i];
            if (qx < 0 || qy < 0 || qx >= w || qy >= h) {
                continue;
            }
            double a = in[qy * w + qx];
            if (a > 0) {
                best = Math.max(best, Math.min(1, a + radius - d));
            }
        }
        return best;
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
