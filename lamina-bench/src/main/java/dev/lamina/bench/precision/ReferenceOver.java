package dev.lamina.bench.precision;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Limits;
import dev.lamina.codec.png.PngDecoder;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.Placement;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.reference.composite.ReferenceComposite;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The float64 target every engine's output is measured against: lamina-reference's
 * {@link ReferenceComposite}, computed from the decoded 8-bit inputs and never rounded, and the
 * plain conversions the lab needs around it.
 */
public final class ReferenceOver {
    private ReferenceOver() {
    }

    /**
     * Layers composited with "over" on an opaque base at the given top-left offsets, by the
     * project's float64 reference: interleaved RGB, 0..1 (the base is opaque, so is the result,
     * and straight colour is all there is to compare).
     */
    public static double[] over(Path base, List<Path> layers, List<int[]> offsets) {
        Image b = PngDecoder.open(base, Limits.defaults());
        List<CompositeLayer> specs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            specs.add(new CompositeLayer(PngDecoder.open(layers.get(i), Limits.defaults()), BlendMode.OVER,
                    Placement.at(offsets.get(i)[0], offsets.get(i)[1]), 1.0));
        }
        ReferenceComposite.Result r = ReferenceComposite.compute(b, specs, BandFormat.F32);
        if (r.interpretation() != Interpretation.RGB) {
            throw new IllegalArgumentException("the lab's composites are colour images: " + base);
        }
        double[] rgb = new double[3 * r.width() * r.height()];
        int bands = r.bands();
        for (int p = 0, o = 0; o < rgb.length; p += bands, o += 3) {
            rgb[o] = r.samples()[p];
            rgb[o + 1] = r.samples()[p + 1];
            rgb[o + 2] = r.samples()[p + 2];
        }
        return rgb;
    }

    /** Interleaved RGB of the base, 0..1. */
    public static double[] base(BufferedImage base) {
        int w = base.getWidth();
        int h = base.getHeight();
        double[] out = new double[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            base.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int i = 3 * (y * w + x);
                out[i] = (p >> 16 & 0xFF) / 255.0;
                out[i + 1] = (p >> 8 & 0xFF) / 255.0;
                out[i + 2] = (p & 0xFF) / 255.0;
            }
        }
        return out;
    }

    /** Interleaved 8-bit RGB of an output; also reports whether any alpha sample is below 255. */
    public static int[] rgb(BufferedImage img, boolean[] translucent) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                if (p >>> 24 != 255) {
                    translucent[0] = true;
                }
                int i = 3 * (y * w + x);
                out[i] = p >> 16 & 0xFF;
                out[i + 1] = p >> 8 & 0xFF;
                out[i + 2] = p & 0xFF;
            }
        }
        return out;
    }
}
