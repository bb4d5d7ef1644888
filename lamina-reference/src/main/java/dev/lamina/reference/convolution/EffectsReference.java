package dev.lamina.reference.convolution;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;

/**
 * Shadows, glows and outlines by definition, in float64: the alpha (1 without an alpha band);
 * grown by the radius as {@code max(mask(p), max over every q of the image with mask(q) > 0 of
 * clamp(mask(q) + r - |p - q|))}, searching the whole image; blurred by {@link BlurReference};
 * moved; coloured, and rounded once.
 */
public final class EffectsReference {

    private EffectsReference() {
    }

    /** The image's alpha as [y][x]. */
    static double[][] alpha(Region in) {
        int w = in.rect().width(), h = in.rect().height();
        double[][] a = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y][x] = in.bands % 2 == 0 ? in.sample(x, y, in.bands - 1) : 1;
            }
        }
        return a;
    }

    public static double[][] dilate(double[][] m, double r) {
        int h = m.length, w = m[0].length;
        double[][] out = new double[h][w];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                double best = Math.min(1, Math.max(0, m[py][px]));
                for (int qy = 0; qy < h; qy++) {
                    for (int qx = 0; qx < w; qx++) {
                        if (m[qy][qx] > 0) {
                            double v = m[qy][qx] + r - Math.hypot(px - qx, py - qy);
                            best = Math.max(best, Math.min(1, v));
                        }
                    }
                }
                out[py][px] = best;
            }
        }
        return out;
    }

    public static Region shadow(Region in, int dx, int dy, double sigma, double spread, double[] rgb, double opacity) {
        int w = in.rect().width(), h = in.rect().height();
        double[][] m = alpha(in);
        if (spread > 0) {
            m = dilate(m, spread);
        }
        if (sigma > 0) {
            Region f = Region.allocate(Rect.of(w, h), 1, BandFormat.F32);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    f.f32()[f.index(x, y)] = (float) m[y][x];   // the engine's mask is float too
                }
            }
            double[][][] b = BlurReference.premultipliedBlur(f, sigma);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    m[y][x] = b[y][x][0];
                }
            }
        }
        Region out = Region.allocate(Rect.of(w, h), 4, in.format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x - dx, sy = y - dy;
                double a = sx >= 0 && sy >= 0 && sx < w && sy < h ? m[sy][sx] : 0;
                double[] v = {rgb[0], rgb[1], rgb[2], Math.min(1, Math.max(0, a)) * opacity};
                for (int b = 0; b < 4; b++) {
                    int i = out.index(x, y) + b;
                    switch (out.format) {
                        case U8 -> out.u8()[i] = (byte) Rounding.toU8(v[b]);
                        case U16 -> out.u16()[i] = (short) Rounding.toU16(v[b]);
                        case F32 -> out.f32()[i] = (float) v[b];
                    }
                }
            }
        }
        return out;
    }
}
