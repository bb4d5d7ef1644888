package dev.lamina.bench.precision;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The study's stacks: 2, 3 or 4 layers of semi-transparent soft masks and soft drop shadows
 * (opacity 0.05 to 0.3) over an opaque photo-like base. Every layer is a polygon (so the float64
 * reference can rasterise it exactly), filled with one colour, blurred with a Gaussian, for a
 * shadow moved by an offset, and laid over the result so far with an opacity. The shapes keep
 * more than 4 sigma plus the offset away from the edges, so how an engine treats the edges of a
 * blur or a move does not enter the comparison. Deterministic: the same size gives the same stack.
 *
 * @param base interleaved 8-bit RGB, width x height
 */
public record LayerStack(int width, int height, int[] base, List<Layer> layers) {

    /**
     * One layer.
     *
     * @param shadow  a drop shadow (blurred, then moved by dx, dy) rather than a soft mask
     * @param polygon closed polygon {x0, y0, x1, y1, ...} in pixels, non-zero fill
     * @param rgb     0xRRGGBB
     * @param sigma   Gaussian sigma in pixels
     * @param opacity 0.05 to 0.3
     */
    public record Layer(boolean shadow, double[] polygon, int rgb, double sigma, double opacity, int dx, int dy) {
    }

    /** The first {@code count} (2 to 4) layers of the study's stack on a {@code width x height} base. */
    public static LayerStack of(int count, int width, int height) {
        if (count < 1 || count > 4) {
            throw new IllegalArgumentException("1 to 4 layers, not " + count);
        }
        if (width < 48 || height < 36) {
            throw new IllegalArgumentException("stacks need at least 48 x 36 pixels");
        }
        double u = Math.min(width, height) / 100.0; // shapes and sigmas scale with the image
        List<Layer> all = List.of(
                // A card's soft drop shadow: a slightly rotated rectangle, offset down-right.
                new Layer(true, rotatedRect(width * 0.45, height * 0.45, width * 0.42, height * 0.40, 7), 0x000000,
                        3.2 * u, 0.30, (int) Math.round(2 * u), (int) Math.round(3 * u)),
                // A warm colour wash through a soft star (self-intersecting: non-zero fills its core).
                new Layer(false, star(width * 0.55, height * 0.5, Math.min(width, height) * 0.30), 0xE04020,
                        2.1 * u, 0.12, 0, 0),
                // A coloured glow-like shadow of a hexagon.
                new Layer(true, regular(width * 0.4, height * 0.55, Math.min(width, height) * 0.22, 6, 0.3), 0x1030A0,
                        4.5 * u, 0.22, (int) Math.round(-1.5 * u), (int) Math.round(2.5 * u)),
                // A faint cool veil through a soft triangle.
                new Layer(false, regular(width * 0.6, height * 0.45, Math.min(width, height) * 0.28, 3, -0.2), 0x30C0F0,
                        1.3 * u, 0.05, 0, 0));
        return new LayerStack(width, height, base(width, height), List.copyOf(all.subList(0, count)));
    }

    /** A photo-like base: smooth gradients, a ripple and fine seeded grain, so every level occurs. */
    static int[] base(int w, int h) {
        SplittableRandom r = new SplittableRandom(0x57AC4L);
        int[] rgb = new int[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double fx = x / (double) w, fy = y / (double) h;
                double ripple = 0.08 * Math.sin(17 * fx + 11 * fy) * Math.cos(9 * fy - 5 * fx);
                double[] v = {0.25 + 0.6 * fx + ripple, 0.35 + 0.4 * fy - ripple, 0.7 - 0.5 * fx * fy + ripple};
                for (int c = 0; c < 3; c++) {
                    double g = v[c] + (r.nextDouble() - 0.5) * 0.06;
                    rgb[3 * (y * w + x) + c] = (int) Math.round(255 * Math.max(0, Math.min(1, g)));
                }
            }
        }
        return rgb;
    }

    private static double[] rotatedRect(double cx, double cy, double w, double h, double degrees) {
        double a = Math.toRadians(degrees), c = Math.cos(a), s = Math.sin(a);
        double[] p = new double[8];
        double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
        for (int i = 0; i < 4; i++) {
            p[2 * i] = cx + c * corners[i][0] - s * corners[i][1];
            p[2 * i + 1] = cy + s * corners[i][0] + c * corners[i][1];
        }
        return p;
    }

    private static double[] star(double cx, double cy, double r) {
        double[] p = new double[10];
        for (int i = 0; i < 5; i++) {
            double a = -Math.PI / 2 + i * 4 * Math.PI / 5; // every second vertex: a pentagram
            p[2 * i] = cx + r * Math.cos(a);
            p[2 * i + 1] = cy + r * Math.sin(a);
        }
        return p;
    }

    private static double[] regular(double cx, double cy, double r, int n, double phase) {
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = phase + i * 2 * Math.PI / n;
            p[2 * i] = cx + r * Math.cos(a);
            p[2 * i + 1] = cy + r * Math.sin(a);
        }
        return p;
    }
}
