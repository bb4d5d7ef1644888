package dev.lamina.reference.draw;

import dev.lamina.model.Paint;
import dev.lamina.model.Shape;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;

import java.util.List;

/**
 * Paints and filled shapes by definition, in float64: each pixel's premultiplied colour from the
 * SVG definitions (offset of the pixel centre, spread, the two stops around it found by walking
 * the list, linear interpolation of premultiplied colour), times the reference coverage, divided
 * back to straight colour and rounded once.
 */
public final class PaintReference {

    private PaintReference() {
    }

    /** Premultiplied RGBA of {@code paint} at pixel (x, y), sampled at its centre. */
    public static double[] at(Paint paint, int x, int y) {
        double px = x + 0.5, py = y + 0.5;
        return switch (paint) {
            case Paint.Solid s -> premultiplied(s.rgb(), s.alpha());
            case Paint.Linear l -> {
                double dx = l.x1() - l.x0(), dy = l.y1() - l.y0();
                double len2 = dx * dx + dy * dy;
                yield len2 == 0 ? last(l.stops())
                        : colour(l.stops(), l.spread(), ((px - l.x0()) * dx + (py - l.y0()) * dy) / len2);
            }
            case Paint.Radial r -> r.radius() == 0 ? last(r.stops())
                    : colour(r.stops(), r.spread(), Math.hypot(px - r.cx(), py - r.cy()) / r.radius());
        };
    }

    private static double[] last(List<Paint.Stop> stops) {
        Paint.Stop s = stops.get(stops.size() - 1);
        return premultiplied(s.rgb(), s.alpha());
    }

    static double[] colour(List<Paint.Stop> stops, Paint.Spread spread, double t) {
        double s = switch (spread) {
            case PAD -> Math.max(0, Math.min(1, t));
            case REPEAT -> t - Math.floor(t);
            case REFLECT -> {
                double period = t - 2 * Math.floor(t / 2);
                yield period <= 1 ? period : 2 - period;
            }
        };
        // the last stop at or before s, and the first after it
        int before = -1;
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i).offset() <= s) {
                before = i;
            }
        }
        if (before < 0) {
            return premultiplied(stops.get(0));
        }
        if (before == stops.size() - 1) {
            return premultiplied(stops.get(before));
        }
        Paint.Stop a = stops.get(before), b = stops.get(before + 1);
        double f = (s - a.offset()) / (b.offset() - a.offset());
        double[] ca = premultiplied(a), cb = premultiplied(b), out = new double[4];
        for (int c = 0; c < 4; c++) {
            out[c] = ca[c] * (1 - f) + cb[c] * f;
        }
        return out;
    }

    private static double[] premultiplied(Paint.Stop s) {
        return premultiplied(s.rgb(), s.alpha());
    }

    private static double[] premultiplied(int rgb, double alpha) {
        return new double[]{((rgb >> 16) & 0xFF) / 255.0 * alpha, ((rgb >> 8) & 0xFF) / 255.0 * alpha,
                (rgb & 0xFF) / 255.0 * alpha, alpha};
    }

    /** A canvas filled with {@code paint}: RGB if {@code withAlpha} is false, else RGBA, straight. */
    public static Region fill(Paint paint, int w, int h, BandFormat format, boolean withAlpha) {
        Region out = Region.allocate(Rect.of(w, h), withAlpha ? 4 : 3, format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                put(out, x, y, at(paint, x, y), 1);
            }
        }
        return out;
    }

    /** {@code shape} filled with {@code paint}: RGBA, alpha = paint alpha x reference coverage. */
    public static Region shape(Shape shape, Paint paint, double[][] coverage, int w, int h, BandFormat format) {
        Region out = Region.allocate(Rect.of(w, h), 4, format);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                put(out, x, y, at(paint, x, y), coverage[y][x]);
            }
        }
        return out;
    }

    private static void put(Region r, int x, int y, double[] premultiplied, double coverage) {
        double a = premultiplied[3];
        double[] v = new double[r.bands];
        for (int c = 0; c < 3; c++) {
            v[c] = a > 0 ? premultiplied[c] / a : 0;
        }
        if (r.bands == 4) {
            v[3] = a * coverage;
        }
        int i = r.index(x, y);
        for (int b = 0; b < r.bands; b++) {
            switch (r.format) {
                case U8 -> r.u8()[i + b] = (byte) Rounding.toU8(v[b]);
                case U16 -> r.u16()[i + b] = (short) Rounding.toU16(v[b]);
                case F32 -> r.f32()[i + b] = (float) v[b];
            }
        }
    }
}
