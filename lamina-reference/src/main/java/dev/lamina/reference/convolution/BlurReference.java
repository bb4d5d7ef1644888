package dev.lamina.reference.convolution;

import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;

/**
 * Gaussian blur and unsharp mask by definition, in float64: each output pixel is the sum over its
 * whole 2-D window of {@code g(dx) g(dy)} times the premultiplied input (coordinates clamped to the
 * image), {@code g(k) = exp(-k^2 / 2 sigma^2)} for {@code |k| <= floor(4 sigma + 0.5)} normalised
 * (scipy's {@code gaussian_filter(mode='nearest')}); then divided by alpha (transparent black where
 * alpha is at most 1e-9) and rounded once.
 */
public final class BlurReference {

    private BlurReference() {
    }

    /** Premultiplied blurred samples [y][x][band] of {@code in} (at 0,0; 2 and 4 bands have alpha). */
    public static double[][][] premultipliedBlur(Region in, double sigma) {
        int w = in.rect().width(), h = in.rect().height(), bands = in.bands;
        boolean alpha = bands % 2 == 0;
        int r = (int) (4 * sigma + 0.5);
        double[] g = new double[2 * r + 1];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            g[k + r] = Math.exp(-(double) k * k / (2 * sigma * sigma));
            sum += g[k + r];
        }
        for (int k = 0; k < g.length; k++) {
            g[k] /= sum;
        }
        double[][][] p = premultiplied(in);
        double[][][] out = new double[h][w][bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int dy = -r; dy <= r; dy++) {
                    int sy = Math.clamp(y + dy, 0, h - 1);
                    for (int dx = -r; dx <= r; dx++) {
                        int sx = Math.clamp(x + dx, 0, w - 1);
                        double wt = g[dy + r] * g[dx + r];
                        for (int b = 0; b < bands; b++) {
                            out[y][x][b] += wt * p[sy][sx][b];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The input's samples, colour multiplied by alpha. */
    public static double[][][] premultiplied(Region in) {
        int w = in.rect().width(), h = in.rect().height(), bands = in.bands;
        boolean alpha = bands % 2 == 0;
        double[][][] p = new double[h][w][bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = alpha ? in.sample(x, y, bands - 1) : 1;
                for (int b = 0; b < bands; b++) {
                    p[y][x][b] = alpha && b == bands - 1 ? a : in.sample(x, y, b) * a;
                }
            }
        }
        return p;
    }

    /** The blur; a kernel of one tap ({@code 4 sigma + 0.5 < 1}) is the image itself, hidden colours included. */
    public static Region blur(Region in, double sigma) {
        if ((int) (4 * sigma + 0.5) == 0) {
            return copy(in);
        }
        return straight(premultipliedBlur(in, sigma), in);
    }

    private static Region copy(Region in) {
        Region out = Region.allocate(in.rect(), in.bands, in.format);
        out.copyFrom(in);
        return out;
    }

    /**
     * Unsharp mask: {@code p + amount (p - blur(p))} on premultiplied colour where
     * {@code |p - blur(p)|} exceeds {@code threshold}, else {@code p}; alpha unchanged. An amount of
     * 0 or a kernel of one tap is the image itself.
     */
    public static Region sharpen(Region in, double sigma, double amount, double threshold) {
        if (amount == 0 || (int) (4 * sigma + 0.5) == 0) {
            return copy(in);
        }
        double[][][] p = premultiplied(in), b = premultipliedBlur(in, sigma);
        int colour = in.bands % 2 == 0 ? in.bands - 1 : in.bands;
        for (int y = 0; y < p.length; y++) {
            for (int x = 0; x < p[y].length; x++) {
                for (int c = 0; c < in.bands; c++) {
                    double d = p[y][x][c] - b[y][x][c];
                    b[y][x][c] = c < colour && Math.abs(d) > threshold ? p[y][x][c] + amount * d : p[y][x][c];
                }
            }
        }
        return straight(b, in);
    }

    /** Premultiplied values to straight samples of {@code like}'s layout, rounded once. */
    static Region straight(double[][][] v, Region like) {
        int h = v.length, w = v[0].length, bands = like.bands;
        boolean alpha = bands % 2 == 0;
        Region out = Region.allocate(Rect.of(w, h), bands, like.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = alpha ? v[y][x][bands - 1] : 1;
                for (int b = 0; b < bands; b++) {
                    double s = v[y][x][b];
                    if (alpha) {
                        s = !(a > 1e-9) ? 0 : b == bands - 1 ? Math.min(1, a) : s / a;
                    }
                    int i = out.index(x, y) + b;
                    switch (out.format) {
                        case U8 -> out.u8()[i] = (byte) Rounding.toU8(s);
                        case U16 -> out.u16()[i] = (short) Rounding.toU16(s);
                        case F32 -> out.f32()[i] = (float) s;
                    }
                }
            }
        }
        return out;
    }
}
