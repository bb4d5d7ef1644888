package dev.lamina.codec.webp.lossless;

/**
 * Symbol counts of the five prefix codes of one group (green with lengths and cache indices, red,
 * blue, alpha, distance), and the entropy estimates the encoder's choices compare.
 */
final class Histograms {
    final int[] green;
    final int[] red = new int[256];
    final int[] blue = new int[256];
    final int[] alpha = new int[256];
    final int[] distance = new int[Vp8lConstants.DISTANCE_CODES];
    /** Extra bits of lengths and distances (they cost the same under any code). */
    long extraBits;

    Histograms(int cacheBits) {
        green = new int[Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES + (cacheBits > 0 ? 1 << cacheBits : 0)];
    }

    void add(Tokens t, int i) {
        int len = t.length[i];
        int v = t.value[i];
        if (len == 0) {
            green[(v >>> 8) & 0xff]++;
            red[(v >>> 16) & 0xff]++;
            blue[v & 0xff]++;
            alpha[v >>> 24]++;
        } else if (len > 0) {
            green[Vp8lConstants.LITERALS + Tokens.prefixSymbol(len)]++;
            distance[Tokens.prefixSymbol(v)]++;
            extraBits += Tokens.prefixExtraBits(len) + Tokens.prefixExtraBits(v);
        } else {
            green[Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES - 1 - len]++;
        }
    }

    /** Estimated bits for the data of this histogram under its own optimal codes, plus a rough cost of describing the codes. */
    double cost() {
        return entropy(green) + entropy(red) + entropy(blue) + entropy(alpha) + entropy(distance) + extraBits;
    }

    /** Shannon bits of the counts plus about 5 bits per used symbol for its code length (the description). */
    static double entropy(int[] counts) {
        long total = 0;
        double sum = 0;
        int used = 0;
        for (int c : counts) {
            if (c > 0) {
                total += c;
                sum += c * log2(c);
                used++;
            }
        }
        if (used <= 1) {
            return used == 0 ? 0 : 8;
        }
        return total * log2(total) - sum + 5.0 * used;
    }

    private static final double[] LOG2 = new double[4096];

    static {
        for (int i = 1; i < LOG2.length; i++) {
            LOG2[i] = Math.log(i) / Math.log(2);
        }
    }

    static double log2(long v) {
        return v < LOG2.length ? LOG2[(int) v] : Math.log(v) * 1.4426950408889634;
    }
}
