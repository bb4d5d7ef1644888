package dev.lamina.metrics;

import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;

import java.util.Random;
import java.util.function.IntUnaryOperator;

/** Small generated images for the metric tests. */
final class TestImages {
    private TestImages() {
    }

    /** Random samples in {@code lo .. hi}, smooth enough for SSIM to be interesting. */
    static Region random(long seed, int w, int h, int bands, BandFormat format, int lo, int hi) {
        Random rnd = new Random(seed);
        Region r = Region.allocate(Rect.of(w, h), bands, format);
        int n = w * h * bands;
        for (int i = 0; i < n; i++) {
            int x = (i / bands) % w, y = i / bands / w;
            double smooth = 0.5 + 0.25 * Math.sin(x * 0.3 + seed) + 0.2 * Math.cos(y * 0.2 + i % bands);
            double v = lo + (hi - lo) * Math.min(1, Math.max(0, smooth + 0.1 * rnd.nextGaussian()));
            set(r, i, (int) Math.round(v));
        }
        return r;
    }

    static void set(Region r, int i, int v) {
        if (r.format == BandFormat.U8) {
            r.u8()[i] = (byte) v;
        } else {
            r.u16()[i] = (short) v;
        }
    }

    static int get(Region r, int i) {
        return r.format == BandFormat.U8 ? r.u8()[i] & 0xFF : r.u16()[i] & 0xFFFF;
    }

    /** A copy with every sample mapped by {@code f}. */
    static Region map(Region src, IntUnaryOperator f) {
        Region r = Region.allocate(src.rect(), src.bands, src.format);
        int n = src.rect().width() * src.rect().height() * src.bands;
        for (int i = 0; i < n; i++) {
            set(r, i, f.applyAsInt(get(src, i)));
        }
        return r;
    }

    static Image image(Region r, boolean alpha) {
        int colour = r.bands - (alpha ? 1 : 0);
        return MemorySource.image(r, colour == 3 ? Interpretation.RGB : Interpretation.GREY, alpha, Metadata.NONE);
    }
}
