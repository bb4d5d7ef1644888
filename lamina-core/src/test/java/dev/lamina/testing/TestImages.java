package dev.lamina.testing;

import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;

import java.util.SplittableRandom;

/**
 * Deterministic photo-like test images: smooth gradients, a few hard edges and mild noise.
 * Flat colour and pure noise both mislead codec tests (one compresses to nothing, the other not
 * at all), so tests use content in between.
 */
public final class TestImages {
    private TestImages() {
    }

    public static Image photoLike(int width, int height, Interpretation interp, boolean alpha, BandFormat format,
                                  long seed) {
        int bands = interp.colourBands + (alpha ? 1 : 0);
        Region r = Region.allocate(Rect.of(width, height), bands, format);
        SplittableRandom rnd = new SplittableRandom(seed);
        double fx = 1.0 + rnd.nextDouble() * 3, fy = 1.0 + rnd.nextDouble() * 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) / width, v = (y + 0.5) / height;
                for (int b = 0; b < bands; b++) {
                    double base;
                    if (alpha && b == bands - 1) {
                        // alpha: soft blobs with fully transparent and fully opaque areas
                        base = 0.5 + 0.8 * Math.sin(6.0 * u + b) * Math.cos(5.0 * v);
                    } else {
                        base = 0.5 + 0.35 * Math.sin(fx * 6.28 * u + b) * Math.cos(fy * 6.28 * v - b)
                                + ((x / 37 + y / 29) % 3 == 0 ? 0.1 : 0);
                    }
                    double value = Math.max(0, Math.min(1, base + (rnd.nextDouble() - 0.5) * 0.04));
                    int i = r.index(x, y) + b;
                    switch (format) {
                        case U8 -> r.u8()[i] = (byte) Math.round(value * 255);
                        case U16 -> r.u16()[i] = (short) Math.round(value * 65535);
                        case F32 -> r.f32()[i] = (float) value;
                    }
                }
            }
        }
        return MemorySource.image(r, interp, alpha, Metadata.NONE);
    }
}
