package dev.lamina.reference.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.Placement;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;

import java.util.ArrayList;
import java.util.List;

/**
 * The float64 twin of {@code CompositeOp}: the same composite, one pixel at a time, written from
 * the formulas as directly as possible. Slow and obvious on purpose; it shares nothing with the
 * fast path but the core types and, at the very end, {@link Rounding}.
 *
 * <p>It follows the definition literally: every layer is a transparent image the size of the base
 * with the layer drawn at its place (or tiled over it), and every pixel of every layer is
 * composited with its mode, including the transparent pixels outside the layer.
 */
public final class ReferenceComposite {

    private ReferenceComposite() {
    }

    /**
     * The result before rounding: straight samples, normalised (1.0 = full scale), in the output's
     * band layout, row by row.
     */
    public record Result(int width, int height, Interpretation interpretation, boolean hasAlpha, BandFormat format,
                         double[] samples) {
        public int bands() {
            return interpretation.colourBands + (hasAlpha ? 1 : 0);
        }

        public double sample(int x, int y, int band) {
            return samples[(y * width + x) * bands() + band];
        }
    }

    /** Composites in double and returns the unrounded result. */
    public static Result compute(Image base, List<CompositeLayer> layers, BandFormat outputFormat) {
        boolean rgb = base.interpretation == Interpretation.RGB;
        boolean alpha = base.hasAlpha;
        BandFormat widest = base.format;
        for (CompositeLayer l : layers) {
            rgb = rgb || l.image().interpretation == Interpretation.RGB;
            alpha = alpha || l.image().hasAlpha;
            if (l.image().format.ordinal() > widest.ordinal()) {
                widest = l.image().format;
            }
        }
        int colours = rgb ? 3 : 1;
        int outBands = colours + (alpha ? 1 : 0);
        Region basePixels = base.fetch(base.bounds());
        List<Region> layerPixels = new ArrayList<>();
        for (CompositeLayer l : layers) {
            layerPixels.add(l.image().fetch(l.image().bounds()));
        }

        double[] result = new double[base.width * base.height * outBands];
        for (int y = 0; y < base.height; y++) {
            for (int x = 0; x < base.width; x++) {
                // The destination, straight, then premultiplied: d = {cb..., αb}.
                double[] straight = pixel(basePixels, base, x, y, colours);
                double[] d = premultiply(straight, colours);
                for (int i = 0; i < layers.size(); i++) {
                    CompositeLayer l = layers.get(i);
                    double[] s = sourceAt(l, layerPixels.get(i), base, x, y, colours);
                    d = composite(l.mode(), s, d, colours);
                }
                double ao = clamp(d[colours], 0, 1);
                int o = (y * base.width + x) * outBands;
                for (int c = 0; c < colours; c++) {
                    double co = clamp(d[c], 0, ao);
                    result[o + c] = ao == 0 ? 0 : co / ao;
                }
                if (alpha) {
                    result[o + colours] = ao;
                }
            }
        }
        return new Result(base.width, base.height, rgb ? Interpretation.RGB : Interpretation.GREY, alpha,
                outputFormat != null ? outputFormat : widest, result);
    }

    /** Composites and rounds to the output format, as the fast path's output would be stored. */
    public static Region render(Image base, List<CompositeLayer> layers, BandFormat outputFormat) {
        Result r = compute(base, layers, outputFormat);
        Region out = Region.allocate(Rect.of(r.width, r.height), r.bands(), r.format);
        double[] v = r.samples;
        for (int i = 0; i < v.length; i++) {
            switch (r.format) {
                case U8 -> out.u8()[i] = (byte) Rounding.toU8(v[i]);
                case U16 -> out.u16()[i] = (short) Rounding.toU16(v[i]);
                case F32 -> out.f32()[i] = (float) v[i];
            }
        }
        return out;
    }

    /** One input pixel as straight {colour..., alpha}, grey replicated, clamped to 0..1, opaque without alpha. */
    private static double[] pixel(Region pixels, Image image, int x, int y, int colours) {
        double[] p = new double[colours + 1];
        for (int c = 0; c < colours; c++) {
            int band = image.interpretation.colourBands == 1 ? 0 : c;
            p[c] = inputValue(pixels.sample(x, y, band));
        }
        p[colours] = image.hasAlpha ? inputValue(pixels.sample(x, y, image.bands - 1)) : 1.0;
        return p;
    }

    private static double inputValue(double v) {
        return Double.isNaN(v) ? 0 : clamp(v, 0, 1);
    }

    private static double[] premultiply(double[] straight, int colours) {
        double[] p = straight.clone();
        for (int c = 0; c < colours; c++) {
            p[c] = straight[c] * straight[colours];
        }
        return p;
    }

    /**
     * The layer's pixel at base position (x, y), straight, with opacity applied; transparent black
     * where the layer (or any tile of it) is not.
     */
    private static double[] sourceAt(CompositeLayer l, Region pixels, Image base, int x, int y, int colours) {
        Image image = l.image();
        Placement p = l.placement();
        int left, top;
        switch (p.kind()) {
            case AT, TILED -> {
                left = p.x();
                top = p.y();
            }
            case GRAVITY -> {
                left = p.gravity().left(base.width, image.width);
                top = p.gravity().top(base.height, image.height);
            }
            default -> throw new AssertionError();
        }
        int lx = x - left, ly = y - top;
        if (p.kind() == Placement.Kind.TILED) {
            lx = Math.floorMod(lx, image.width);
            ly = Math.floorMod(ly, image.height);
        } else if (lx < 0 || ly < 0 || lx >= image.width || ly >= image.height) {
            return new double[colours + 1];
        }
        double[] s = pixel(pixels, image, lx, ly, colours);
        s[colours] *= l.opacity();
        return s;
    }

    /** One source pixel s (straight) onto the destination d (premultiplied); returns the new d. */
    private static double[] composite(BlendMode mode, double[] s, double[] d, int colours) {
        return switch (mode) {
            case CLEAR, SOURCE, OVER, IN, OUT, ATOP, DEST, DEST_OVER, DEST_IN, DEST_OUT, DEST_ATOP, XOR ->
                    porterDuff(mode, s, d, colours);
            case ADD -> add(s, d, colours);
            case SATURATE -> saturate(s, d, colours);
            default -> separable(mode, s, d, colours);
        };
    }

    /** W3C Compositing Level 1, section 9.1: co = αs·Fa·Cs + αb·Fb·Cb, αo = αs·Fa + αb·Fb. */
    private static double[] porterDuff(BlendMode mode, double[] s, double[] d, int colours) {
        double as = s[colours], ab = d[colours];
        double fa, fb;
        switch (mode) {
            case CLEAR -> { fa = 0; fb = 0; }
            case SOURCE -> { fa = 1; fb = 0; }
            case DEST -> { fa = 0; fb = 1; }
            case OVER -> { fa = 1; fb = 1 - as; }
            case DEST_OVER -> { fa = 1 - ab; fb = 1; }
            case IN -> { fa = ab; fb = 0; }
            case DEST_IN -> { fa = 0; fb = as; }
            case OUT -> { fa = 1 - ab; fb = 0; }
            case DEST_OUT -> { fa = 0; fb = 1 - as; }
            case ATOP -> { fa = ab; fb = 1 - as; }
            case DEST_ATOP -> { fa = 1 - ab; fb = as; }
            case XOR -> { fa = 1 - ab; fb = 1 - as; }
            default -> throw new AssertionError(mode);
        }
        double[] r = new double[colours + 1];
        for (int c = 0; c < colours; c++) {
            // d[c] is αb·Cb already
            r[c] = as * fa * s[c] + fb * d[c];
        }
        r[colours] = as * fa + ab * fb;
        return r;
    }

    /** libvips add: αo = min(1, αs + αb), co = αs·Cs + cb. */
    private static double[] add(double[] s, double[] d, int colours) {
        double[] r = new double[colours + 1];
        for (int c = 0; c < colours; c++) {
            r[c] = s[colours] * s[c] + d[c];
        }
        r[colours] = Math.min(1, s[colours] + d[colours]);
        return r;
    }

    /** Saturate (cairo): αo = min(1, αs + αb), co = min(αs, 1 - αb)·Cs + cb. */
    private static double[] saturate(double[] s, double[] d, int colours) {
        double as = s[colours], ab = d[colours];
        double[] r = new double[colours + 1];
        for (int c = 0; c < colours; c++) {
            r[c] = Math.min(as, 1 - ab) * s[c] + d[c];
        }
        r[colours] = Math.min(1, as + ab);
        return r;
    }

    /** W3C section 5.1 with source-over: co = cs·(1 - αb) + cb·(1 - αs) + αs·αb·B(Cb, Cs). */
    private static double[] separable(BlendMode mode, double[] s, double[] d, int colours) {
        double as = s[colours], ab = d[colours];
        double[] r = new double[colours + 1];
        for (int c = 0; c < colours; c++) {
            double cs = as * s[c];
            double cbStraight = ab == 0 ? 0 : d[c] / ab;
            r[c] = cs * (1 - ab) + d[c] * (1 - as) + as * ab * blend(mode, cbStraight, s[c]);
        }
        r[colours] = as + ab * (1 - as);
        return r;
    }

    /** B(Cb, Cs) from W3C Compositing and Blending Level 1, section 9.1. */
    static double blend(BlendMode mode, double cb, double cs) {
        return switch (mode) {
            case MULTIPLY -> cb * cs;
            case SCREEN -> screen(cb, cs);
            case OVERLAY -> hardLight(cs, cb);
            case DARKEN -> Math.min(cb, cs);
            case LIGHTEN -> Math.max(cb, cs);
            case COLOUR_DODGE -> {
                if (cb == 0) {
                    yield 0;
                } else if (cs == 1) {
                    yield 1;
                } else {
                    yield Math.min(1, cb / (1 - cs));
                }
            }
            case COLOUR_BURN -> {
                if (cb == 1) {
                    yield 1;
                } else if (cs == 0) {
                    yield 0;
                } else {
                    yield 1 - Math.min(1, (1 - cb) / cs);
                }
            }
            case HARD_LIGHT -> hardLight(cb, cs);
            case SOFT_LIGHT -> {
                if (cs <= 0.5) {
                    yield cb - (1 - 2 * cs) * cb * (1 - cb);
                } else {
                    double dd = cb <= 0.25 ? ((16 * cb - 12) * cb + 4) * cb : Math.sqrt(cb);
                    yield cb + (2 * cs - 1) * (dd - cb);
                }
            }
            case DIFFERENCE -> Math.abs(cb - cs);
            case EXCLUSION -> cb + cs - 2 * cb * cs;
            default -> throw new AssertionError(mode);
        };
    }

    private static double screen(double cb, double cs) {
        return cb + cs - cb * cs;
    }

    private static double hardLight(double cb, double cs) {
        return cs <= 0.5 ? cb * 2 * cs : screen(cb, 2 * cs - 1);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
