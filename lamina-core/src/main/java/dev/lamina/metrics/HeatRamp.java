package dev.lamina.metrics;

/**
 * A perceptual colour scale for error maps: the five stops of matplotlib's viridis (dark purple,
 * blue, teal, green, yellow), interpolated linearly between stops into 256 entries. Lightness
 * rises monotonically along it, so a larger error always looks brighter, also in grey print and
 * for the common colour-vision deficiencies.
 */
public final class HeatRamp {
    private static final int[] STOPS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};
    private static final int[] TABLE = table();

    private HeatRamp() {
    }

    /** The 0xRRGGBB colour for {@code t} in 0..1 (clamped). */
    public static int rgb(double t) {
        double c = t > 1 ? 1 : (t > 0 ? t : 0);   // also maps NaN to 0
        return TABLE[(int) (c * 255 + 0.5)];
    }

    private static int[] table() {
        int[] t = new int[256];
        int segments = STOPS.length - 1;
        for (int i = 0; i < 256; i++) {
            double pos = i / 255.0 * segments;
            int s = Math.min(segments - 1, (int) pos);
            double f = pos - s;
            int a = STOPS[s], b = STOPS[s + 1];
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                double va = (a >> shift) & 0xFF, vb = (b >> shift) & 0xFF;
                rgb |= ((int) Math.round(va + (vb - va) * f)) << shift;
            }
            t[i] = rgb;
        }
        return t;
    }
}
