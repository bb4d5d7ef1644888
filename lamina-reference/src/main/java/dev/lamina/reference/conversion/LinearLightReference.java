package dev.lamina.reference.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Region;

/**
 * The float64 twin of {@code conversion/ToLinearLight} and {@code FromLinearLight}: the sRGB
 * transfer function of IEC 61966-2-1 written out again, sample by sample, on colour bands (alpha
 * untouched). Linear light is stored as F32, the precision the engine specifies for it.
 */
public final class LinearLightReference {
    private LinearLightReference() {
    }

    /** Encoded samples (any format; 1-4 bands, 2 and 4 with alpha) to linear F32. */
    public static Region toLinear(Region in) {
        int w = in.rect().width(), h = in.rect().height(), bands = in.bands;
        int colour = ReferenceSamples.hasAlpha(bands) ? bands - 1 : bands;
        Region out = ReferenceSamples.allocate(w, h, bands, BandFormat.F32);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    double v = normalised(in, x, y, b);
                    ReferenceSamples.put(out, x, y, b, b < colour ? decode(v) : v);
                }
            }
        }
        return out;
    }

    /** Linear F32 back to encoded samples of {@code format}, rounded once. */
    public static Region fromLinear(Region in, BandFormat format) {
        int w = in.rect().width(), h = in.rect().height(), bands = in.bands;
        int colour = ReferenceSamples.hasAlpha(bands) ? bands - 1 : bands;
        Region out = ReferenceSamples.allocate(w, h, bands, format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    double v = normalised(in, x, y, b);
                    ReferenceSamples.put(out, x, y, b, b < colour ? encode(v) : v);
                }
            }
        }
        return out;
    }

    static double decode(double e) {
        double a = Math.abs(e);
        return Math.copySign(a <= 0.04045 ? a / 12.92 : Math.pow((a + 0.055) / 1.055, 2.4), e);
    }

    static double encode(double l) {
        double a = Math.abs(l);
        return Math.copySign(a <= 0.0031308 ? a * 12.92 : 1.055 * Math.pow(a, 1 / 2.4) - 0.055, l);
    }

    private static double normalised(Region r, int x, int y, int b) {
        int i = r.index(x, y) + b;
        return switch (r.format) {
            case U8 -> (r.u8()[i] & 0xFF) / 255.0;
            case U16 -> (r.u16()[i] & 0xFFFF) / 65535.0;
            case F32 -> r.f32()[i];
        };
    }
}
