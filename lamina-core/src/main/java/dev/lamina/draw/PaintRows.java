package dev.lamina.draw;

import dev.lamina.model.Paint;

import java.util.List;

/**
 * A paint evaluated along rows: premultiplied RGBA doubles at pixel centres. Gradients follow SVG:
 * a linear gradient's offset is the projection of the pixel centre onto the line from its start
 * to its end, a radial one's the distance from the centre over the radius; spread maps offsets
 * outside 0..1 back in (pad clamps, repeat wraps, reflect folds); the colour is interpolated
 * between the two stops around the offset in premultiplied space, the later stop winning at equal
 * offsets. A degenerate gradient (start = end, radius 0) is its last stop's colour. Immutable: one
 * instance serves every thread.
 */
abstract class PaintRows {

    /** Premultiplied RGBA of pixels {@code x .. x+n-1} of row {@code y} into {@code out[0 .. 4n)}. */
    abstract void row(int x, int y, int n, double[] out);

    /** Whether every pixel is opaque, so an image of the paint needs no alpha band. */
    abstract boolean opaque();

    static PaintRows of(Paint paint) {
        return switch (paint) {
            case Paint.Solid s -> new Solid(s);
            case Paint.Linear l -> new Linear(l);
            case Paint.Radial r -> new Radial(r);
        };
    }

    private static double[] premultiplied(int rgb, double alpha) {
        return new double[]{((rgb >> 16) & 0xFF) / 255.0 * alpha, ((rgb >> 8) & 0xFF) / 255.0 * alpha,
                (rgb & 0xFF) / 255.0 * alpha, alpha};
    }

    private static final class Solid extends PaintRows {
        private final double[] colour;

        Solid(Paint.Solid s) {
            colour = premultiplied(s.rgb(), s.alpha());
        }

        @Override
        void row(int x, int y, int n, double[] out) {
            for (int i = 0; i < 4 * n; i += 4) {
                out[i] = colour[0];
                out[i + 1] = colour[1];
                out[i + 2] = colour[2];
                out[i + 3] = colour[3];
            }
        }

        @Override
        boolean opaque() {
            return colour[3] == 1;
        }
    }

    /** What linear and radial gradients share: stops, spread, and the colour at an offset. */
    private abstract static class Gradient extends PaintRows {
        private final double[] offsets;
        private final double[][] colours;   // premultiplied
        private final Paint.Spread spread;
        private final boolean opaque;

        Gradient(List<Paint.Stop> stops, Paint.Spread spread) {
            offsets = new double[stops.size()];
            colours = new double[stops.size()][];
            boolean allOpaque = true;
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = stops.get(i).offset();
                colours[i] = premultiplied(stops.get(i).rgb(), stops.get(i).alpha());
                allOpaque &= stops.get(i).alpha() == 1;
            }
            this.spread = spread;
            this.opaque = allOpaque;
        }

        @Override
        boolean opaque() {
            return opaque;
        }

        /** The colour at offset {@code t} (before spreading) into out[o .. o+4). */
        final void colourAt(double t, double[] out, int o) {
            double s = switch (spread) {
                case PAD -> Math.min(1, Math.max(0, t));
                case REPEAT -> t - Math.floor(t);
                case REFLECT -> {
                    double u = t - 2 * Math.floor(t / 2);
                    yield u > 1 ? 2 - u : u;
                }
            };
            int last = offsets.length - 1;
            if (last == 0 || s < offsets[0]) {
                copy(colours[0], out, o);
                return;
            }
            if (s >= offsets[last]) {   // stops sharing the last offset: the last one wins
                copy(colours[last], out, o);
                return;
            }
            int i = lastAt(s);   // offsets[i] <= s < offsets[i + 1]; of stops sharing an offset, the later
            double f = (s - offsets[i]) / (offsets[i + 1] - offsets[i]);
            double[] a = colours[i], b = colours[i + 1];
            for (int c = 0; c < 4; c++) {
                out[o + c] = a[c] + (b[c] - a[c]) * f;
            }
        }

        /** The last stop whose offset is at most {@code s} (binary search). */
        private int lastAt(double s) {
            int lo = 0, hi = offsets.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (offsets[mid] <= s) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        final void lastColour(double[] out, int o) {
            copy(colours[colours.length - 1], out, o);
        }

        private static void copy(double[] c, double[] out, int o) {
            out[o] = c[0];
            out[o + 1] = c[1];
            out[o + 2] = c[2];
            out[o + 3] = c[3];
        }
    }

    private static final class Linear extends Gradient {
        private final double x0, y0, dx, dy, lengthSquared;

        Linear(Paint.Linear l) {
            super(l.stops(), l.spread());
            x0 = l.x0();
            y0 = l.y0();
            dx = l.x1() - l.x0();
            dy = l.y1() - l.y0();
            lengthSquared = dx * dx + dy * dy;
        }

        @Override
        void row(int x, int y, int n, double[] out) {
            double py = y + 0.5 - y0;
            for (int i = 0; i < n; i++) {
                if (lengthSquared == 0) {
                    lastColour(out, 4 * i);
                } else {
                    // each pixel from its own centre, not by adding a step: no drift along a long row
                    double px = x + i + 0.5 - x0;
                    colourAt((px * dx + py * dy) / lengthSquared, out, 4 * i);
                }
            }
        }
    }

    private static final class Radial extends Gradient {
        private final double cx, cy, radius;

        Radial(Paint.Radial r) {
            super(r.stops(), r.spread());
            cx = r.cx();
            cy = r.cy();
            radius = r.radius();
        }

        @Override
        void row(int x, int y, int n, double[] out) {
            double py = y + 0.5 - cy;
            for (int i = 0; i < n; i++) {
                if (radius == 0) {
                    lastColour(out, 4 * i);
                } else {
                    double px = x + i + 0.5 - cx;
                    colourAt(Math.sqrt(px * px + py * py) / radius, out, 4 * i);
                }
            }
        }
    }
}
