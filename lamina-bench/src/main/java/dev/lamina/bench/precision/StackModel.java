package dev.lamina.bench.precision;

import dev.lamina.model.FillRule;
import dev.lamina.reference.draw.RasteriserReference;

import java.util.List;

/**
 * A {@link LayerStack} computed by definition, with every intermediate result stored in a chosen
 * number format: float64 (the reference: nothing rounded), IEEE half floats (a GPU or mobile
 * pipeline that keeps fp16 render targets between passes) or 8 bits (a pipeline that writes
 * every step to an 8-bit image, as Java2D's BufferedImages and most SVG hacks do).
 *
 * <p>The steps of one layer, each stored in the format: the polygon's exact-area coverage
 * (lamina-reference's {@link RasteriserReference}, computed per pixel by clipping, independent of
 * the engine's rasteriser); the Gaussian blur's horizontal pass and its vertical pass (taps
 * {@code exp(-k^2 / 2 sigma^2)} for {@code |k| <= floor(4 sigma + 0.5)}, normalised, edges
 * repeated: scipy's definition, as lamina-reference's BlurReference); for a shadow the move; the
 * layer's alpha (opacity times the blurred coverage) and its premultiplied colour; then the result
 * of laying it over what is below. The base is opaque, so the result is opaque RGB.
 */
public final class StackModel {
    /** How an intermediate value (0..1) is stored. */
    public enum Storage {
        FLOAT64 {
            @Override
            double store(double v) {
                return v;
            }
        },
        HALF {
            @Override
            double store(double v) {
                return Float.float16ToFloat(Float.floatToFloat16((float) v));
            }
        },
        U8 {
            @Override
            double store(double v) {
                return Math.rint(Math.max(0, Math.min(1, v)) * 255) / 255;
            }
        };

        abstract double store(double v);
    }

    private StackModel() {
    }

    /** The stack's result, interleaved RGB 0..1, each step stored as {@code storage} says. */
    public static double[] render(LayerStack stack, Storage storage) {
        int w = stack.width(), h = stack.height();
        double[] dst = new double[3 * w * h];
        for (int i = 0; i < dst.length; i++) {
            dst[i] = stack.base()[i] / 255.0;
        }
        for (LayerStack.Layer layer : stack.layers()) {
            double[][] cov = RasteriserReference.coverage(List.of(layer.polygon()), FillRule.NON_ZERO, w, h);
            double[][] m = store(cov, storage);
            m = blur(m, layer.sigma(), storage);
            double[] colour = {(layer.rgb() >> 16 & 0xFF) / 255.0, (layer.rgb() >> 8 & 0xFF) / 255.0,
                    (layer.rgb() & 0xFF) / 255.0};
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sx = x - layer.dx(), sy = y - layer.dy();
                    double mv = sx >= 0 && sy >= 0 && sx < w && sy < h ? m[sy][sx] : 0;
                    double alpha = storage.store(layer.opacity() * mv);
                    int i = 3 * (y * w + x);
                    for (int c = 0; c < 3; c++) {
                        double src = storage.store(colour[c] * alpha);
                        dst[i + c] = storage.store(src + dst[i + c] * (1 - alpha));
                    }
                }
            }
        }
        return dst;
    }

    /** The separable Gaussian of {@code m}, each pass stored. */
    static double[][] blur(double[][] m, double sigma, Storage storage) {
        int h = m.length, w = m[0].length;
        int r = (int) Math.floor(4 * sigma + 0.5);
        if (r < 1) {
            return m;
        }
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(double) i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        double[][] a = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * m[y][Math.max(0, Math.min(w - 1, x + i))];
                }
                a[y][x] = storage.store(s);
            }
        }
        double[][] b = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * a[Math.max(0, Math.min(h - 1, y + i))][x];
                }
                b[y][x] = storage.store(s);
            }
        }
        return b;
    }

    private static double[][] store(double[][] m, Storage storage) {
        double[][] out = new double[m.length][];
        for (int y = 0; y < m.length; y++) {
            out[y] = new double[m[y].length];
            for (int x = 0; x < m[y].length; x++) {
                out[y][x] = storage.store(m[y][x]);
            }
        }
        return out;
    }
}
