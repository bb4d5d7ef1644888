package dev.lamina.reference.conversion;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;

/**
 * Slow, obvious access to single samples for the conversion references: read a normalised double,
 * store one rounded with the project's one rule ({@link Rounding}).
 */
public final class ReferenceSamples {

    private ReferenceSamples() {
    }

    /** Stores the normalised value {@code v} at (x, y, band), rounded and clamped for integer formats. */
    public static void put(Region r, int x, int y, int band, double v) {
        int i = r.index(x, y) + band;
        switch (r.format) {
            case U8 -> r.u8()[i] = (byte) Rounding.toU8(v);
            case U16 -> r.u16()[i] = (short) Rounding.toU16(v);
            case F32 -> r.f32()[i] = (float) v;
        }
    }

    /** A region of {@code width x height} at (0, 0). */
    public static Region allocate(int width, int height, int bands, BandFormat format) {
        return Region.allocate(new dev.lamina.core.Rect(0, 0, width, height), bands, format);
    }

    /** Whether a region of this many bands has alpha: 2 (grey + alpha) and 4 (RGB + alpha) do. */
    public static boolean hasAlpha(int bands) {
        return bands == 2 || bands == 4;
    }
}
