package dev.lamina.reference.resample;

import dev.lamina.model.Kernel;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;

/**
 * Resize by definition, in float64: for each output pixel, the weights of every input column and
 * row computed from the kernel formula (written here again, not taken from the engine), the
 * premultiplied samples summed over the whole 2-D window, divided by alpha, rounded once with
 * {@link Rounding}. Slow (every output pixel looks at every input pixel) and obvious.
 *
 * <p>The model it pins down: output x sits at input {@code (x + 0.5) * in / out - 0.5}; the
 * kernel is stretched by {@code in / out} when that is above 1; weights of pixels outside the
 * image are dropped and the rest renormalised to sum 1; an axis that keeps its size is not
 * filtered, and an image that keeps both is returned unchanged. NEAREST takes input {@code floor((x + 0.5) * in / out)} and copies it. Where the mixed
 * alpha is at most 1e-9 the pixel is transparent black; alpha is clamped to 0..1; F32 colour is
 * not clamped.
 */
public final class ResizeReference {

    private ResizeReference() {
    }

    /** {@code in} (at 0,0; 2 and 4 bands have alpha) resized to {@code outW x outH}. */
    public static Region resize(Region in, int outW, int outH, Kernel kernel) {
        return resize(in, outW, outH, kernel, (double) in.rect().width() / outW, (double) in.rect().height() / outH);
    }

    /**
     * The same with the scales (input pixels per output pixel) given instead of {@code in / out}:
     * output x sits at input {@code (x + 0.5) * scaleX - 0.5}, the kernel is stretched by the scale
     * above 1, NEAREST takes {@code floor((x + 0.5) * scaleX)} clamped to the image, and an axis is
     * unfiltered only when it keeps its size at scale 1.
     */
    public static Region resize(Region in, int outW, int outH, Kernel kernel, double scaleX, double scaleY) {
        int inW = in.rect().width(), inH = in.rect().height(), bands = in.bands;
        boolean alpha = bands == 2 || bands == 4;
        Region out = Region.allocate(Rect.of(outW, outH), bands, in.format);
        boolean sizesRatio = scaleX == (double) inW / outW && scaleY == (double) inH / outH;
        if (inW == outW && inH == outH && scaleX == 1 && scaleY == 1) {
            out.copyFrom(in);   // nothing to resize: the image as it is, hidden colour included
            return out;
        }
        if (kernel == Kernel.NEAREST) {
            for (int y = 0; y < outH; y++) {
                int sy = Math.clamp((long) Math.floor(sizesRatio ? (y + 0.5) * inH / outH : (y + 0.5) * scaleY), 0, inH - 1);
                for (int x = 0; x < outW; x++) {
                    int sx = Math.clamp((long) Math.floor(sizesRatio ? (x + 0.5) * inW / outW : (x + 0.5) * scaleX), 0, inW - 1);
                    for (int b = 0; b < bands; b++) {
                        put(out, x, y, b, in.sample(sx, sy, b));
                    }
                }
            }
            return out;
        }
        double[][] wx = axisWeights(kernel, inW, outW, scaleX);
        double[][] wy = axisWeights(kernel, inH, outH, scaleY);
        double[] sum = new double[bands];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                java.util.Arrays.fill(sum, 0);
                for (int j = 0; j < inH; j++) {
                    if (wy[y][j] == 0) {
                        continue;
                    }
                    for (int i = 0; i < inW; i++) {
                        double w = wy[y][j] * wx[x][i];
                        if (w == 0) {
                            continue;
                        }
                        double a = alpha ? in.sample(i, j, bands - 1) : 1.0;
                        for (int b = 0; b < bands; b++) {
                            boolean isAlpha = alpha && b == bands - 1;
                            sum[b] += w * (isAlpha ? a : in.sample(i, j, b) * a);
                        }
                    }
                }
                if (alpha) {
                    double a = sum[bands - 1];
                    for (int b = 0; b < bands - 1; b++) {
                        sum[b] = a > 1e-9 ? sum[b] / a : 0.0;
                    }
                    sum[bands - 1] = a > 1e-9 ? Math.min(1.0, a) : 0.0;
                }
                for (int b = 0; b < bands; b++) {
                    put(out, x, y, b, sum[b]);
                }
            }
        }
        return out;
    }

    /** weights[o][i]: the normalised weight of input i in output o, zero outside the kernel. */
    static double[][] axisWeights(Kernel kernel, int in, int out, double ratio) {
        double[][] w = new double[out][in];
        if (in == out && ratio == 1) {
            for (int o = 0; o < out; o++) {
                w[o][o] = 1.0;   // an axis that keeps its size is not filtered
            }
            return w;
        }
        double stretch = ratio > 1 ? ratio : 1.0;
        for (int o = 0; o < out; o++) {
            double centre = (o + 0.5) * ratio - 0.5;
            double total = 0;
            for (int i = 0; i < in; i++) {
                w[o][i] = kernelAt(kernel, (i - centre) / stretch);
                total += w[o][i];
            }
            for (int i = 0; i < in; i++) {
                w[o][i] /= total;
            }
        }
        return w;
    }

    /** The kernels from their published definitions. */
    public static double kernelAt(Kernel kernel, double d) {
        double x = Math.abs(d);
        return switch (kernel) {
            case NEAREST -> throw new IllegalArgumentException("nearest is not a filter");
            case LINEAR -> Math.max(0.0, 1.0 - x);
            // Keys (1981) with a = -0.5, which is Catmull-Rom
            case CUBIC -> x <= 1 ? 1.5 * x * x * x - 2.5 * x * x + 1
                    : x < 2 ? -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2 : 0.0;
            // Mitchell & Netravali (1988) with B = C = 1/3, multiplied out
            case MITCHELL -> x < 1 ? (7 * x * x * x - 12 * x * x + 16.0 / 3.0) / 6.0
                    : x < 2 ? (-7.0 / 3.0 * x * x * x + 12 * x * x - 20 * x + 32.0 / 3.0) / 6.0 : 0.0;
            case LANCZOS2 -> x < 2 ? sinc(x) * sinc(x / 2) : 0.0;
            case LANCZOS3 -> x < 3 ? sinc(x) * sinc(x / 3) : 0.0;
        };
    }

    private static double sinc(double x) {
        return x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static void put(Region r, int x, int y, int band, double v) {
        int i = r.index(x, y) + band;
        switch (r.format) {
            case U8 -> r.u8()[i] = (byte) Rounding.toU8(v);
            case U16 -> r.u16()[i] = (short) Rounding.toU16(v);
            case F32 -> r.f32()[i] = (float) v;
        }
    }
}
