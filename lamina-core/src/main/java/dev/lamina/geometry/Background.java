package dev.lamina.geometry;

import dev.lamina.conversion.AddAlpha;
import dev.lamina.conversion.ToColour;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;

/**
 * The colour that the geometry operations show where the image is not (extend's margins, the
 * corners of a rotation), and the layout of their output. Immutable.
 *
 * <p>The layout follows the image, widened for the background as sharp does: a background that
 * is not opaque gives an image without alpha an (opaque) alpha band, and a background that is not
 * grey turns a grey image into RGB (the rule of {@code contain}'s letterbox). Without a colour
 * given, the background is zeros in the image's own layout: transparent black with alpha, black
 * without (libvips' default).
 */
final class Background {
    final Interpretation interpretation;
    final boolean hasAlpha;
    /** One pixel, normalised, colour bands then alpha, in the output's layout. */
    final double[] pixel;

    private Background(Interpretation interpretation, boolean hasAlpha, double[] pixel) {
        this.interpretation = interpretation;
        this.hasAlpha = hasAlpha;
        this.pixel = pixel;
    }

    /** Zeros in {@code in}'s layout. */
    static Background zeros(Image in) {
        return new Background(in.interpretation, in.hasAlpha, new double[in.bands]);
    }

    /** {@code argb} ({@code 0xAARRGGBB}) over {@code in}, or zeros when {@code argb} is null. */
    static Background of(Image in, Integer argb) {
        if (argb == null) {
            return zeros(in);
        }
        int a = argb >>> 24, r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
        boolean alpha = in.hasAlpha || a != 255;
        boolean grey = in.interpretation == Interpretation.GREY && r == g && g == b;
        double[] colour = grey ? new double[]{r / 255.0} : new double[]{r / 255.0, g / 255.0, b / 255.0};
        double[] pixel = new double[colour.length + (alpha ? 1 : 0)];
        System.arraycopy(colour, 0, pixel, 0, colour.length);
        if (alpha) {
            pixel[colour.length] = a / 255.0;
        }
        return new Background(grey ? Interpretation.GREY : Interpretation.RGB, alpha, pixel);
    }

    int bands() {
        return pixel.length;
    }

    /** {@code in} widened to this layout (grey to RGB, an opaque alpha band added) where it differs. */
    Image conform(Image in) {
        Image out = in;
        if (interpretation != out.interpretation) {
            out = ToColour.build(out);
        }
        if (hasAlpha && !out.hasAlpha) {
            out = AddAlpha.build(out);
        }
        return out;
    }

    /** The pixel premultiplied by its alpha (as the resampler mixes). */
    double[] premultiplied() {
        double[] p = pixel.clone();
        if (hasAlpha) {
            double a = p[p.length - 1];
            for (int c = 0; c < p.length - 1; c++) {
                p[c] *= a;
            }
        }
        return p;
    }

    /** The pixel as stored samples of {@code format}, rounded once: a 1x1 region to copy from. */
    Region stored(BandFormat format) {
        Region one = Region.allocate(Rect.of(1, 1), pixel.length, format);
        SampleRows.write(pixel, one, 0, 0, 1);
        return one;
    }

    /** Fills {@code r} of {@code out} with {@code stored} (a 1x1 region of the same layout). */
    static void fill(Region out, Rect r, Region stored) {
        if (r.isEmpty()) {
            return;
        }
        int bands = out.bands, n = r.width() * bands;
        for (int y = r.y(); y < r.bottom(); y++) {
            int d = out.index(r.x(), y);
            // one pixel, then doubling copies: a row costs log2(width) array copies
            switch (out.format) {
                case U8 -> {
                    byte[] a = out.u8();
                    System.arraycopy(stored.u8(), 0, a, d, bands);
                    for (int have = bands; have < n; have *= 2) {
                        System.arraycopy(a, d, a, d + have, Math.min(have, n - have));
                    }
                }
                case U16 -> {
                    short[] a = out.u16();
                    System.arraycopy(stored.u16(), 0, a, d, bands);
                    for (int have = bands; have < n; have *= 2) {
                        System.arraycopy(a, d, a, d + have, Math.min(have, n - have));
                    }
                }
                case F32 -> {
                    float[] a = out.f32();
                    System.arraycopy(stored.f32(), 0, a, d, bands);
                    for (int have = bands; have < n; have *= 2) {
                        System.arraycopy(a, d, a, d + have, Math.min(have, n - have));
                    }
                }
            }
        }
    }
}
